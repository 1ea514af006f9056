package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the dialect costs in S3 requests, counted on our S3-protocol server: each table is fetched
 * once per statement however often a (correlated) subquery reads it; filters reach S3 through
 * derived tables (DBeaver's wrappers) and through joins; row limits stop the fan-out early; and
 * SQL outside the dialect is refused while preparing, before any request.
 */
class DialectRequestEconomyTest {
    private static final int BUCKETS = 12;
    private FakeS3Server s3;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server();
        for (int i = 0; i < BUCKETS; i++) {
            String bucket = "team-" + i;
            s3.addBucket(bucket, i % 2 == 0 ? "us-east-1" : "eu-west-1");
            for (int c = 0; c < i % 3; c++) {
                s3.putConfigurationXml(bucket, "cfg-" + c, FakeS3Server.sampleConfigurationXml("cfg-" + c));
            }
        }
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    /** Without the listing cache: these tests count what one statement asks of S3. */
    private Connection connect(String extra) throws SQLException {
        Connection c = DriverManager.getConnection(
                s3.jdbcUrl("cacheTtlSeconds=0" + (extra == null ? "" : "&" + extra)));
        s3.resetLog();
        return c;
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private long lists() {
        return s3.count("ListBucketInventoryConfigurations");
    }

    @Test
    void correlatedNotExistsFetchesEachTableOncePerStatement() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> without = column(c, "SELECT b.name FROM buckets b WHERE NOT EXISTS "
                    + "(SELECT 1 FROM bucket_inventory_configurations c WHERE c.bucket = b.name) ORDER BY b.name");
            assertEquals(List.of("team-0", "team-3", "team-6", "team-9"), without);
            assertEquals(BUCKETS, lists(), "one List per bucket, not one per bucket per outer row");
            assertEquals(2, s3.count("ListBuckets"), "once for the buckets table, once for the configurations' fan-out");
        }
    }

    @Test
    void correlatedScalarSubqueryAndInAlsoFetchOnce() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> counts = column(c, "SELECT name || ':' || (SELECT COUNT(*) FROM bucket_inventory_configurations c "
                    + "WHERE c.bucket = b.name) FROM buckets b WHERE b.name IN (SELECT bucket FROM "
                    + "bucket_inventory_configurations WHERE id = 'cfg-1') ORDER BY 1");
            assertEquals(List.of("team-11:2", "team-2:2", "team-5:2", "team-8:2"), counts);
            assertTrue(lists() <= 2L * BUCKETS, "the two differently filtered reads, each once: " + lists());
        }
    }

    @Test
    void selfJoinReadsTheTableOnce() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> pairs = column(c, "SELECT c1.bucket FROM bucket_inventory_configurations c1 "
                    + "JOIN bucket_inventory_configurations c2 ON c1.bucket = c2.bucket AND c1.id < c2.id ORDER BY 1");
            assertEquals(List.of("team-11", "team-2", "team-5", "team-8"), pairs);
            assertEquals(BUCKETS, lists());
        }
    }

    @Test
    void dbeaverFilterWrapperIsPushedIntoTheDerivedTable() throws SQLException {
        try (Connection c = connect(null)) {
            assertEquals(List.of("cfg-0", "cfg-1"), column(c, "SELECT * FROM (\nSELECT id, bucket FROM "
                    + "s3.bucket_inventory_configurations\n) z_q WHERE (bucket = 'team-5') ORDER BY z_q.id"));
            assertEquals(0, s3.count("ListBuckets"), "a named bucket needs no ListBuckets");
            assertEquals(1, lists());
        }
    }

    @Test
    void dbeaverCountWrapperAndNestedDerivedTablesKeepThePushdown() throws SQLException {
        try (Connection c = connect(null)) {
            assertEquals(List.of("2"), column(c, "SELECT COUNT(*) FROM (SELECT * FROM (SELECT * FROM "
                    + "bucket_inventory_configurations) a WHERE a.bucket IN ('team-1', 'team-4')\n) dbvrcnt"));
            assertEquals(0, s3.count("ListBuckets"));
            assertEquals(2, lists());
        }
    }

    @Test
    void aQualifiedPredicateOnOneTableOfAJoinNarrowsThatTable() throws SQLException {
        try (Connection c = connect(null)) {
            assertEquals(List.of("cfg-0", "cfg-1"), column(c, "SELECT c.id FROM buckets b JOIN "
                    + "bucket_inventory_configurations c ON c.bucket = b.name WHERE c.bucket = 'team-8' ORDER BY 1"));
            assertEquals(1, lists(), "only team-8's configurations are listed");
        }
    }

    @Test
    void theNullPaddedSideOfALeftJoinIsNotNarrowedByTheWhere() throws SQLException {
        try (Connection c = connect(null)) {
            // c.id IS NULL means "no match": pushing it into the scan of c would be wrong.
            assertEquals(List.of("team-0", "team-3"), column(c, "SELECT b.name FROM buckets b LEFT JOIN "
                    + "bucket_inventory_configurations c ON c.bucket = b.name WHERE c.id IS NULL AND b.name < 'team-5' "
                    + "ORDER BY 1"));
        }
    }

    /** Forty more buckets of one configuration each, for row limits to stop in. */
    private void addManyBuckets() {
        for (int i = 0; i < 40; i++) {
            String bucket = "many-" + (100 + i);
            s3.addBucket(bucket, "us-east-1");
            s3.putConfigurationXml(bucket, "daily", FakeS3Server.sampleConfigurationXml("daily"));
        }
    }

    @Test
    void maxRowsStopsTheFanOutThroughADerivedTable() throws SQLException {
        addManyBuckets();
        try (Connection c = connect("maxConcurrency=2"); Statement st = c.createStatement()) {
            st.setMaxRows(3);
            s3.resetLog();
            try (ResultSet rs = st.executeQuery("SELECT * FROM (\nSELECT bucket, id FROM bucket_inventory_configurations\n"
                    + ") z_q WHERE z_q.bucket LIKE 'many-%'")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(3, n);
            }
            assertTrue(lists() < 20, "the filter moved into the derived table is exact, so the scan stopped early: "
                    + lists() + " calls");
        }
    }

    @Test
    void limitStopsTheFanOutWhenS3AppliesTheWholeWhere() throws SQLException {
        addManyBuckets();
        try (Connection c = connect("maxConcurrency=2")) {
            assertEquals(2, column(c, "SELECT bucket FROM bucket_inventory_configurations WHERE bucket LIKE 'many-%' "
                    + "LIMIT 2").size());
            assertTrue(lists() < 20, "stopped early, made " + lists() + " calls");
        }
    }

    @Test
    void orderByNeedsEveryRowSoItDoesNotStopEarly() throws SQLException {
        try (Connection c = connect("maxConcurrency=2")) {
            assertEquals(List.of("team-8"), column(c, "SELECT bucket FROM bucket_inventory_configurations "
                    + "ORDER BY bucket DESC LIMIT 1"));
            assertEquals(BUCKETS, lists());
        }
    }

    @Test
    void sqlOutsideTheDialectFailsWhilePreparingWithoutAnyRequest() throws SQLException {
        try (Connection c = connect(null)) {
            SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
                    () -> c.prepareStatement("SELECT SOUNDEX(id) FROM bucket_inventory_configurations"));
            assertEquals("0A000", e.getSQLState());
            assertTrue(e.getMessage().contains("SOUNDEX") && e.getMessage().contains("docs/sql-reference.md"),
                    e.getMessage());
            assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareStatement(
                    "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM bucket_inventory_configurations"));
            try (PreparedStatement ok = c.prepareStatement("SELECT id FROM bucket_inventory_configurations WHERE bucket = ?")) {
                assertEquals(1, ok.getParameterMetaData().getParameterCount());
            }
            assertEquals(0, s3.totalRequests());
        }
    }
}
