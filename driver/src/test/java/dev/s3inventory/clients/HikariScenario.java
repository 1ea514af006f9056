package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * HikariCP under normal use: repeated borrow, query, metadata, failing statements and return. HikariCP
 * closes a physical connection whenever a proxied call throws an SQLException it reads as fatal (SQLState
 * 08xxx or 0A000, SQLTimeoutException: jdbc-client-checklist.md, HikariCP section), and opens a new one;
 * counting physical connects shows whether the driver ever triggered that. Run by HikariCpIT in a child
 * JVM with the -all jar.
 *
 * <p>Arguments: JDBC URL, bucket-name prefix of the seeded estate, number of seeded configurations.
 */
public final class HikariScenario {
    private static final int POOL_SIZE = 2;
    private static final int ROUNDS = 40;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String prefix = args[1];
        int configurations = Integer.parseInt(args[2]);

        jdbcUrlPoolStarts(url, prefix);

        CountingDataSource physical = new CountingDataSource(url);
        HikariConfig config = new HikariConfig();
        config.setDataSource(physical);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setConnectionTimeout(10_000);
        config.setPoolName("s3inventory-test");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int round = 0; round < ROUNDS; round++) {
                try (Connection c = pool.getConnection()) {
                    physical.seen(c.unwrap(Connection.class));
                    use(c, prefix, configurations, round);
                }
                if (round == ROUNDS / 2) {
                    Thread.sleep(700); // idle > 500 ms: the next borrow validates with isValid()
                }
            }
            // An evicted connection is replaced in the background: watched over a window, not after a nap.
            staysAt(POOL_SIZE, physical, 500, "physical connections opened: a higher count means HikariCP evicted one");
            assertEquals(POOL_SIZE, pool.getHikariPoolMXBean().getTotalConnections());
            assertTrue(physical.distinct() <= POOL_SIZE, "borrowed " + physical.distinct() + " physical connections");

            // Valid SQL outside the dialect must fail with 0A000 (product-spec.md), which HikariCP reads as a
            // broken connection: it retires that one and opens another. Documented in the README; the pool
            // keeps serving, and nothing but that one connection's listing cache is lost.
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(
                        "SELECT name FROM aws.s3.buckets UNION SELECT bucket FROM aws.s3.bucket_inventory_configurations"));
                assertEquals("0A000", e.getSQLState());
            }
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aws.s3.buckets")) {
                assertTrue(rs.next());
            }
            long deadline = System.nanoTime() + 10_000_000_000L; // HikariCP replaces it in the background
            while (physical.connects.get() < POOL_SIZE + 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(POOL_SIZE + 1, physical.connects.get(), "the 0A000 connection was replaced");
            staysAt(POOL_SIZE + 1, physical, 300, "the 0A000 connection was replaced once, and nothing else");
        }
        System.out.println("HIKARI OK: " + ROUNDS + " rounds over " + POOL_SIZE + " physical connections"
                + ", then one replaced after a 0A000");
    }

    /**
     * Asserts that the count of physical connects is {@code expected} throughout a window of {@code millis}
     * (checked every 10 ms by the clock): a change in it fails at once, with the time it showed.
     */
    private static void staysAt(int expected, CountingDataSource physical, long millis, String message)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        do {
            int now = physical.connects.get();
            if (now != expected) {
                throw new AssertionError(message + ": " + now + " instead of " + expected + " after "
                        + (System.nanoTime() - start) / 1_000_000 + " ms of the " + millis + " ms window");
            }
            Thread.sleep(10);
        } while (System.nanoTime() < end);
    }

    /** The usual configuration: jdbcUrl only, so HikariCP finds the driver, checks acceptsURL and calls isValid. */
    private static void jdbcUrlPoolStarts(String url, String prefix) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        config.setReadOnly(true); // applied with setReadOnly on every new connection
        config.setTransactionIsolation("TRANSACTION_NONE");
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aws.s3.buckets WHERE name LIKE '" + prefix + "%'")) {
            assertTrue(rs.next());
            assertTrue(rs.getLong(1) > 0);
        }
    }

    /** One borrow: what an application, Spring or a report tool typically does with a connection. */
    private static void use(Connection c, String prefix, int configurations, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT bucket, id, is_enabled FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE ?")) {
            ps.setString(1, prefix + "%");
            ps.setQueryTimeout(30);
            ps.setFetchSize(100);
            ps.getParameterMetaData().getParameterType(1); // Spring's NULL binding path
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    rs.getString(1);
                    rs.getObject(3, Boolean.class);
                    n++;
                }
                assertEquals(configurations, n);
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, creation_date FROM aws.s3.buckets WHERE name LIKE '"
                        + prefix + "%'")) {
            while (rs.next()) {
                rs.getObject(2, Instant.class);
            }
            assertEquals(-1, st.getUpdateCount());
        }
        DatabaseMetaData md = c.getMetaData();
        for (ResultSet rs : new ResultSet[] {md.getTables(null, null, "%", null), md.getColumns(null, "s3", "%", "%"),
            md.getPrimaryKeys(null, "s3", "bucket_inventory_configurations"),
            md.getIndexInfo(null, "s3", "%", false, true), md.getImportedKeys(null, "s3", "%"),
            md.getExportedKeys(null, "s3", "buckets"), md.getTypeInfo(), md.getProcedures(null, null, "%"),
            md.getFunctions(null, null, "%"), md.getSchemas(), md.getCatalogs(), md.getTableTypes()}) {
            try (rs) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        md.supportsTransactions();
        md.getSQLKeywords();

        // Failures an application meets in normal use must not cost the pooled connection.
        Statement leaked = c.createStatement(); // left open: HikariCP closes it on return
        assertThrows(SQLException.class, () -> leaked.executeQuery("SELECT * FROM aws.s3.no_such_table"));
        assertThrows(SQLException.class, () -> leaked.executeQuery("SELEKT 1"));
        assertThrows(SQLException.class, () -> leaked.executeQuery("SELECT no_such_column FROM aws.s3.buckets"));
        assertThrows(SQLException.class, () -> leaked.executeUpdate("SELECT 1"));
        assertThrows(SQLException.class, () -> c.prepareCall("{call nothing()}"));
        assertThrows(SQLException.class, c::setSavepoint);
        assertThrows(SQLException.class, () -> c.unwrap(Runnable.class));
        try (Statement scroll = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, scroll.getResultSetType(), "downgraded, with a warning");
            assertTrue(c.getWarnings() != null);
        }
        if (round % 2 == 0) {
            c.setAutoCommit(false); // Spring's transaction manager; HikariCP rolls back and resets on return
            c.commit();
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setSchema("s3");
            c.setCatalog("aws");
        }
    }

    /** The physical side of the pool: every connect goes through the driver, and is counted. */
    private static final class CountingDataSource implements DataSource {
        private final String url;
        private final Driver driver;
        final AtomicInteger connects = new AtomicInteger();
        private final Set<Connection> borrowed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        CountingDataSource(String url) throws SQLException {
            this.url = url;
            this.driver = DriverManager.getDriver(url);
        }

        synchronized void seen(Connection physicalConnection) {
            borrowed.add(physicalConnection);
        }

        synchronized int distinct() {
            return borrowed.size();
        }

        @Override
        public Connection getConnection() throws SQLException {
            connects.incrementAndGet();
            return driver.connect(url, new Properties());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private HikariScenario() {
    }
}
