package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.sql.Wrapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection, Statement, PreparedStatement, ResultSet and ResultSetMetaData behaviour that pools,
 * frameworks and tools rely on (jdbc-client-checklist.md b.2 to b.9), on a real connection to LocalStack.
 * Runs in Asia/Kolkata (+05:30) so that a timestamp read in the wrong zone is off by a visible amount.
 */
class JdbcBehaviourAgainstLocalStackTest {
    private static final String CONFIGS = "aws.s3.bucket_inventory_configurations";
    private static InventoryEstate estate;
    private static Connection connection;
    private static TimeZone savedZone;

    @BeforeAll
    static void seed() throws SQLException {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        estate = InventoryEstate.seed("behaviour", 3);
        connection = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
    }

    @AfterAll
    static void close() throws SQLException {
        TimeZone.setDefault(savedZone);
        if (connection != null) {
            connection.close();
        }
    }

    private static String where() {
        return " WHERE bucket LIKE '" + estate.prefix + "%'";
    }

    @Test
    void transactionAndSessionCallsNeverThrow() throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null))) {
            c.setAutoCommit(false); // Spring @Transactional
            assertTrue(c.getAutoCommit(), "statements are applied at once, so auto-commit stays on");
            assertNotNull(c.getWarnings(), "setAutoCommit(false) says why it has no effect");
            c.commit();
            c.rollback();
            c.setAutoCommit(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // sqlline's default
            assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
            c.setReadOnly(true); // DBeaver's "read-only connection", outside any try/catch there
            assertTrue(c.isReadOnly());
            c.setReadOnly(false);
            c.setCatalog("other"); // ignored silently, as the javadoc allows
            c.setSchema("other");
            assertEquals("aws", c.getCatalog());
            assertEquals("s3", c.getSchema());
            c.setNetworkTimeout(Executors.newSingleThreadExecutor(), 5000); // HikariCP
            assertEquals(5000, c.getNetworkTimeout());
            c.setClientInfo("ApplicationName", "test");
            assertEquals("test", c.getClientInfo("ApplicationName"));
            c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
            assertEquals("SELECT 1", c.nativeSQL("SELECT 1"));
            assertTrue(c.isValid(1));
            c.clearWarnings();
            assertNull(c.getWarnings());
            assertSame(c.getMetaData(), c.getMetaData());
        }
    }

    @Test
    void scrollableOrUpdatableRequestsAreDowngradedWithAWarning() throws SQLException {
        try (Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
                PreparedStatement ps = c.prepareStatement("SELECT name FROM aws.s3.buckets WHERE name = ?",
                        ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, ps.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, ps.getResultSetConcurrency());
            assertNotNull(c.getWarnings(), "the connection says what it replaced");
            ps.setString(1, estate.buckets.get(0));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            }
        }
    }

    @Test
    void setObjectWithATargetTypeConvertsBeforeBinding() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, ? AS f")) {
            ps.setObject(1, "42", Types.INTEGER);
            ps.setObject(2, 1, Types.BOOLEAN);
            ps.setObject(3, "2.345", Types.DECIMAL, 2);
            ps.setObject(4, 7L, java.sql.JDBCType.VARCHAR);
            ps.setObject(5, "2024-01-02 03:04:05", Types.TIMESTAMP);
            ps.setObject(6, "x", Types.OTHER);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(List.of(42, true, new java.math.BigDecimal("2.35"), "7",
                        Timestamp.valueOf("2024-01-02 03:04:05"), "x"),
                        List.of(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4), rs.getObject(5),
                                rs.getObject(6)));
            }
            SQLException e = assertThrows(SQLException.class, () -> ps.setObject(1, "forty-two", Types.INTEGER));
            assertEquals("22018", e.getSQLState());
        }
    }

    @Test
    void afterAQueryThereIsNoUpdateCountAndNoMoreResults() throws SQLException {
        try (Statement st = connection.createStatement()) {
            assertTrue(st.execute("SELECT id FROM " + CONFIGS + where()));
            ResultSet rs = st.getResultSet();
            assertNotNull(rs);
            assertEquals(-1, st.getUpdateCount());
            assertEquals(-1L, st.getLargeUpdateCount());
            assertFalse(st.getMoreResults(), "generic result loops must end");
            assertTrue(rs.isClosed(), "getMoreResults closes the current result");
            assertNull(st.getResultSet());
            assertEquals(-1, st.getUpdateCount(), "no more results: -1, so `while (more || count != -1)` ends");
            assertFalse(st.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        }
    }

    @Test
    void largeVariantsAnswer() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setLargeMaxRows(1);
            assertEquals(1L, st.getLargeMaxRows());
            assertEquals(1, st.getMaxRows());
            try (ResultSet rs = st.executeQuery("SELECT name FROM aws.s3.buckets" + where().replace("bucket", "name"))) {
                assertTrue(rs.next());
                assertFalse(rs.next(), "setLargeMaxRows(1) caps the result");
            }
            assertEquals(-1L, st.getLargeUpdateCount());
            SQLException e = assertThrows(SQLException.class, () -> st.executeLargeUpdate("SELECT 1"));
            assertEquals("42000", e.getSQLState());
        }
    }

    @Test
    void creationDateIsTheSameInstantInEveryViewOnANonUtcJvm() throws SQLException {
        String bucket = estate.buckets.get(0);
        Instant truth = LocalStackEnvironment.sdk("us-east-1").listBuckets(r -> r.prefix(bucket)).buckets().get(0)
                .creationDate();
        try (PreparedStatement ps = connection.prepareStatement("SELECT creation_date FROM aws.s3.buckets WHERE name = ?")) {
            ps.setString(1, bucket);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(truth, rs.getObject(1, Instant.class), "JVM zone " + TimeZone.getDefault().getID());
                assertEquals(truth.atOffset(ZoneOffset.UTC), rs.getObject(1, OffsetDateTime.class));
                assertEquals(truth.atZone(ZoneOffset.UTC), rs.getObject(1, ZonedDateTime.class));
                assertEquals(LocalDateTime.ofInstant(truth, ZoneOffset.UTC), rs.getObject(1, LocalDateTime.class),
                        "TIMESTAMP without time zone: the UTC wall clock");
                assertEquals(Timestamp.valueOf(LocalDateTime.ofInstant(truth, ZoneOffset.UTC)), rs.getTimestamp(1));
                assertEquals(Timestamp.from(truth),
                        rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))),
                        "a UTC calendar turns the wall clock into the true instant");
                assertEquals(LocalDateTime.ofInstant(truth, ZoneOffset.UTC).toString().replace('T', ' '),
                        rs.getString(1).replaceFirst("\\.0$", ""));
            }
        }
        // binding: an Instant and a UTC-calendar Timestamp find the row; a window around it does too
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT name FROM aws.s3.buckets WHERE name = ? AND creation_date BETWEEN ? AND ?")) {
            ps.setString(1, bucket);
            ps.setObject(2, truth.minus(1, ChronoUnit.SECONDS));
            ps.setTimestamp(3, Timestamp.from(truth.plus(1, ChronoUnit.SECONDS)),
                    Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the bound instants bracket creation_date");
            }
        }
    }

    @Test
    void everyObjectUnwrapsToItselfAndIsWrapperForNeverThrows() throws SQLException {
        try (Statement st = connection.createStatement();
                PreparedStatement ps = connection.prepareStatement("SELECT name FROM aws.s3.buckets WHERE name = ?");
                ResultSet rs = st.executeQuery("SELECT name FROM aws.s3.buckets" + where().replace("bucket", "name"))) {
            List<Wrapper> objects = List.of(connection, connection.getMetaData(), st, ps, rs, rs.getMetaData(),
                    ps.getParameterMetaData());
            for (Wrapper w : objects) {
                for (Class<?> iface : w.getClass().getInterfaces()) {
                    assertTrue(w.isWrapperFor(iface), w + " isWrapperFor " + iface);
                    assertSame(w, w.unwrap(iface));
                }
                assertFalse(w.isWrapperFor(Runnable.class));
                assertFalse(w.isWrapperFor(null));
                SQLException e = assertThrows(SQLException.class, () -> w.unwrap(Runnable.class));
                assertFalse(e.getSQLState().startsWith("08") || e.getSQLState().equals("0A000"),
                        "a failed unwrap must not make HikariCP evict the connection: " + e.getSQLState());
            }
            rs.close();
            assertTrue(rs.isWrapperFor(ResultSet.class), "isWrapperFor answers even on a closed result set");
        }
    }

    @Test
    void closingAStatementClosesItsResultSetAndClosedObjectsThrowHy010() throws SQLException {
        Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM " + CONFIGS + where());
        st.close();
        assertTrue(rs.isClosed());
        assertEquals("HY010", assertThrows(SQLException.class, rs::next).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1")).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, st::getResultSet).getSQLState());
        st.close(); // idempotent
        Statement again = connection.createStatement();
        ResultSet first = again.executeQuery("SELECT 1");
        again.executeQuery("SELECT 2");
        assertTrue(first.isClosed(), "re-executing closes the previous result");
        again.close();
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndClosedConnectionsThrow08003() throws SQLException {
        Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
        Statement st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM " + CONFIGS + " WHERE bucket = ?");
        ps.setString(1, estate.buckets.get(1));
        ResultSet rs = ps.executeQuery();
        c.close();
        assertTrue(st.isClosed());
        assertTrue(ps.isClosed());
        assertTrue(rs.isClosed());
        assertFalse(c.isValid(1), "isValid answers false, it does not throw");
        assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, c::getMetaData).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
        c.close(); // idempotent
    }

    @Test
    void preparedSelectDescribesItsColumnsBeforeExecution() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.bucket, c.id AS config_id, "
                + "UPPER(c.destination_format) AS fmt, c.is_enabled FROM " + CONFIGS + " c WHERE c.bucket IN (?, ?)")) {
            ResultSetMetaData md = ps.getMetaData();
            assertNotNull(md, "Jaspersoft Studio and Tableau ask before executing");
            assertEquals(4, md.getColumnCount());
            assertEquals("bucket", md.getColumnLabel(1));
            assertEquals("config_id", md.getColumnLabel(2));
            assertEquals("id", md.getColumnName(2));
            assertEquals("fmt", md.getColumnLabel(3));
            assertEquals(Types.BOOLEAN, md.getColumnType(4));
            assertEquals("java.lang.Boolean", md.getColumnClassName(4));
            assertEquals("bucket_inventory_configurations", md.getTableName(2));
            assertEquals("", md.getTableName(3), "an expression has no table");
            ParameterMetaData pmd = ps.getParameterMetaData();
            assertEquals(2, pmd.getParameterCount());
            assertEquals(Types.VARCHAR, pmd.getParameterType(1));
            ps.setString(1, estate.buckets.get(1));
            ps.setString(2, estate.buckets.get(2));
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(4, rs.getMetaData().getColumnCount());
                assertEquals(3, count(rs), "1 + 2 configurations");
            }
        }
        try (PreparedStatement show = connection.prepareStatement("SHOW TABLES")) {
            assertEquals("table_name", show.getMetaData().getColumnLabel(3));
        }
        try (PreparedStatement missing = connection.prepareStatement("SELECT nope FROM " + CONFIGS)) {
            assertNull(missing.getMetaData(), "unknown columns are reported when the statement runs");
            assertEquals("42S22", assertThrows(SQLException.class, missing::executeQuery).getSQLState());
        }
    }

    @Test
    void resultMetadataNamesTheRealTableSchemaAndCatalogOfPlainColumns() throws SQLException {
        String sql = "SELECT c.bucket, c.id AS config_id, LOWER(c.region) AS r, b.creation_date, z.name FROM " + CONFIGS
                + " c JOIN aws.s3.buckets b ON b.name = c.bucket JOIN (SELECT name FROM buckets) z ON z.name = b.name"
                + where().replace("bucket", "c.bucket");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            String[][] expected = {
                {"bucket", "bucket", "bucket_inventory_configurations", "s3", "aws"},
                {"config_id", "id", "bucket_inventory_configurations", "s3", "aws"},
                {"r", "r", "", "", ""},
                {"creation_date", "creation_date", "buckets", "s3", "aws"},
                {"name", "name", "buckets", "s3", "aws"}, // through a derived table, still the real column
            };
            for (int i = 1; i <= expected.length; i++) {
                String[] e = expected[i - 1];
                assertEquals(List.of(e), List.of(md.getColumnLabel(i), md.getColumnName(i), md.getTableName(i),
                        md.getSchemaName(i), md.getCatalogName(i)), "column " + i);
            }
            assertFalse(md.isWritable(3), "an expression cannot");
            assertFalse(md.isWritable(4), "aws.s3.buckets is read-only");
            assertEquals(3, count(rs));
        }
    }

    @Test
    void metadataAndStatementsKeepWorkingAfterAFailure() throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        try (Statement st = connection.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM nope"));
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + CONFIGS + where())) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1), "0 + 1 + 2 configurations");
            }
        }
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            assertEquals(2, count(rs));
        }
    }

    /**
     * Every method of Connection, DatabaseMetaData, Statement and PreparedStatement, called with nulls,
     * zeros and negative numbers, either answers or throws an SQLException: no NullPointerException or
     * other RuntimeException reaches a tool (DBeaver reports those as internal driver errors).
     */
    @Test
    void noJdbcMethodLetsARuntimeExceptionEscape() throws Exception {
        List<String> wrong = new java.util.ArrayList<>();
        Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
        try {
            for (int variant = 0; variant < 2; variant++) {
                callAll(c.getMetaData(), DatabaseMetaData.class, variant, wrong);
                callAll(c.createStatement(), Statement.class, variant, wrong);
                PreparedStatement ps = c.prepareStatement("SELECT name FROM aws.s3.buckets WHERE name = ?");
                callAll(ps, PreparedStatement.class, variant, wrong);
            }
            callAll(c, Connection.class, 0, wrong); // last: close() and abort() are among the methods
        } finally {
            c.close();
        }
        assertEquals(List.of(), wrong);
    }

    /** JDBC 4.3's Statement defaults, whose javadoc itself specifies a NullPointerException for null. */
    private static final java.util.Set<String> ENQUOTE_DEFAULTS = java.util.Set.of("enquoteLiteral",
            "enquoteIdentifier", "enquoteNCharLiteral", "isSimpleIdentifier");

    private static void callAll(Object target, Class<?> iface, int variant, List<String> wrong) throws Exception {
        java.lang.reflect.Method[] methods = iface.getMethods();
        java.util.Arrays.sort(methods, java.util.Comparator.comparing((java.lang.reflect.Method m) ->
                m.getName().equals("close") || m.getName().equals("abort")).thenComparing(java.lang.reflect.Method::getName));
        for (java.lang.reflect.Method m : methods) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())
                    || ENQUOTE_DEFAULTS.contains(m.getName()) && variant == 0) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == int.class ? (variant == 0 ? 0 : -1)
                        : types[i] == long.class ? (variant == 0 ? 0L : -1L)
                        : types[i] == boolean.class ? variant == 0
                        : types[i] == short.class ? (short) 0
                        : types[i] == byte.class ? (byte) 0
                        : types[i] == float.class ? 0f
                        : types[i] == double.class ? 0d
                        : types[i] == String.class && variant == 1 ? ""
                        : null;
            }
            try {
                m.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!(e.getCause() instanceof SQLException)) {
                    wrong.add(iface.getSimpleName() + "." + m.getName() + java.util.Arrays.toString(types) + " variant "
                            + variant + " threw " + e.getCause());
                }
            }
        }
    }

    private static int count(ResultSet rs) throws SQLException {
        int n = 0;
        while (rs.next()) {
            n++;
        }
        return n;
    }
}
