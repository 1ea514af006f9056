package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What LocalStack cannot show: pagination, which S3 calls a query makes and how many, regions per
 * bucket, and per-bucket failures — through the real SDK against our own S3-protocol server.
 */
class RequestEconomyTest {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private FakeS3Server s3;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server();
        for (int i = 0; i < 6; i++) {
            String bucket = "team-" + i;
            s3.addBucket(bucket, REGIONS.get(i % 3));
            s3.putConfigurationXml(bucket, "daily", FakeS3Server.sampleConfigurationXml("daily"));
        }
        s3.addBucket("other-bucket", "eu-west-1");
        s3.addBucket("big", "eu-west-1");
        for (int i = 0; i < 250; i++) {
            String id = String.format("cfg-%03d", i);
            s3.putConfigurationXml("big", id, FakeS3Server.sampleConfigurationXml(id));
        }
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        Connection c = DriverManager.getConnection(s3.jdbcUrl(extra));
        s3.resetLog(); // the connect-time credential check is not part of what a query costs
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

    @Test
    void listPaginationFollowsContinuationTokens() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> ids = column(c, "SELECT id FROM bucket_inventory_configurations WHERE bucket = 'big'");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                expected.add(String.format("cfg-%03d", i));
            }
            assertEquals(expected, ids);
            assertEquals(3, s3.count("ListBucketInventoryConfigurations"), "pages of 100, 100, 50");
            assertEquals(0, s3.count("ListBuckets"), "a named bucket needs no ListBuckets");
        }
    }

    @Test
    void pointQuerySendsOneRequestOnceTheBucketRegionIsKnown() throws SQLException {
        try (Connection c = connect(null)) {
            String sql = "SELECT id, region FROM bucket_inventory_configurations WHERE bucket = 'team-1' AND id = 'daily'";
            assertEquals(List.of("daily"), column(c, sql));
            assertEquals(1, s3.count("GetBucketInventoryConfiguration"));
            assertEquals(1, s3.count("HeadBucket"), "cold: the bucket's region is learned once");
            s3.resetLog();
            assertEquals(List.of("daily"), column(c, sql));
            assertEquals(1, s3.totalRequests(), "warm: exactly one request");
            assertEquals("GetBucketInventoryConfiguration", s3.requests().get(0).operation());
            assertEquals("eu-west-1", s3.requests().get(0).signingRegion(), "sent to the bucket's own region");
        }
    }

    @Test
    void namedBucketsAreListedWithoutListBuckets() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> buckets = column(c, "SELECT bucket FROM bucket_inventory_configurations "
                    + "WHERE bucket IN ('team-0', 'team-2') ORDER BY bucket");
            assertEquals(List.of("team-0", "team-2"), buckets);
            assertEquals(0, s3.count("ListBuckets"));
            assertEquals(2, s3.count("ListBucketInventoryConfigurations"));
        }
    }

    @Test
    void fullScanListsBucketsOnceThenEachBucketInItsOwnRegion() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> rows = column(c, "SELECT bucket || '/' || id FROM bucket_inventory_configurations");
            assertEquals(256, rows.size());
            assertEquals(1, s3.count("ListBuckets"));
            assertEquals(0, s3.count("HeadBucket"), "ListBuckets already gives every bucket's region");
            for (RecordedRequest r : s3.requests()) {
                if (r.operation().equals("ListBucketInventoryConfigurations")) {
                    String expected = r.bucket().startsWith("team-")
                            ? REGIONS.get(Integer.parseInt(r.bucket().substring(5)) % 3) : "eu-west-1";
                    assertEquals(expected, r.signingRegion(), "bucket " + r.bucket());
                }
            }
        }
    }

    @Test
    void likePrefixAndRegionArePushedIntoListBuckets() throws SQLException {
        try (Connection c = connect(null)) {
            List<String> rows = column(c, "SELECT bucket FROM bucket_inventory_configurations WHERE bucket LIKE 'team-%' "
                    + "AND region = 'eu-west-1' ORDER BY bucket");
            assertEquals(List.of("team-1", "team-4"), rows);
            RecordedRequest list = s3.requests().stream().filter(r -> r.operation().equals("ListBuckets")).findFirst()
                    .orElseThrow();
            assertEquals("team-", list.query().get("prefix"));
            assertEquals("eu-west-1", list.query().get("bucket-region"));
            assertEquals("eu-west-1", list.signingRegion(), "S3 serves bucket-region only at that region's endpoint");
            assertEquals(2, s3.count("ListBucketInventoryConfigurations"));
        }
    }

    @Test
    void deniedBucketIsSkippedAndNamedInAWarning() throws SQLException {
        s3.denyAccess("team-3");
        try (Connection c = connect(null); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT bucket FROM bucket_inventory_configurations WHERE bucket LIKE "
                        + "'team-%' ORDER BY bucket")) {
            List<String> buckets = new ArrayList<>();
            while (rs.next()) {
                buckets.add(rs.getString(1));
            }
            assertEquals(List.of("team-0", "team-1", "team-2", "team-4", "team-5"), buckets);
            SQLWarning w = st.getWarnings();
            assertNotNull(w);
            assertTrue(w.getMessage().contains("team-3") && w.getMessage().contains("AccessDenied"), w.getMessage());
            assertEquals("42501", w.getSQLState());
        }
    }

    @Test
    void deniedBucketFailsTheStatementWithOnBucketErrorFail() throws SQLException {
        s3.denyAccess("team-3");
        try (Connection c = connect("onBucketError=fail")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> column(c, "SELECT bucket FROM bucket_inventory_configurations"));
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("team-3"), e.getMessage());
        }
    }

    @Test
    void maxRowsStopsTheFanOutEarly() throws SQLException {
        for (int i = 0; i < 40; i++) {
            s3.addBucket("many-" + (100 + i), "us-east-1");
            s3.putConfigurationXml("many-" + (100 + i), "daily", FakeS3Server.sampleConfigurationXml("daily"));
        }
        // Without a listing cache: with one, a stopped scan reads ahead in the background (ListingCacheTest),
        // and the count below would depend on how far that got.
        try (Connection c = connect("maxConcurrency=2&cacheTtlSeconds=0"); Statement st = c.createStatement()) {
            st.setMaxRows(3);
            s3.resetLog();
            try (ResultSet rs = st.executeQuery("SELECT bucket FROM bucket_inventory_configurations WHERE bucket LIKE 'many-%'")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(3, n);
            }
            long lists = s3.count("ListBucketInventoryConfigurations");
            assertTrue(lists >= 3 && lists <= 3 + 2 + 2, "stopped after about 3 buckets, made " + lists + " calls");
        }
    }

    @Test
    void constantFalsePredicatesFetchNothing() throws SQLException {
        try (Connection c = connect(null)) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM bucket_inventory_configurations WHERE 1 = 0")) {
                assertEquals(15, rs.getMetaData().getColumnCount(), "Tableau's probe still gets the columns");
                assertTrue(!rs.next());
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT bucket FROM bucket_inventory_configurations WHERE ? = 1 AND bucket LIKE 'team-%'")) {
                ps.setInt(1, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(!rs.next());
                }
            }
            assertEquals(0, s3.totalRequests(), "no request for a WHERE that no row can satisfy");
            assertEquals(List.of("team-0"), column(c, "SELECT bucket FROM bucket_inventory_configurations "
                    + "WHERE 1 = 1 AND bucket = 'team-0'"));
            assertEquals(0, s3.count("ListBuckets"), "a constant TRUE does not spoil the pushdown");
        }
    }

    @Test
    void bucketsListedWithoutTheirRegionAreAskedInParallel() throws SQLException {
        // S3-compatible stores omit BucketRegion from ListBuckets; each bucket's HeadBucket then runs
        // on the fan-out. Proof without a clock: one bucket never answers, and every other bucket is
        // still asked for its region and listed (asked one after another, nothing would follow it).
        s3.omitBucketRegion(true).hang("big");
        try (Connection c = connect(null); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            assertThrows(java.sql.SQLTimeoutException.class,
                    () -> st.executeQuery("SELECT bucket, id FROM bucket_inventory_configurations"));
            assertEquals(8, s3.count("HeadBucket"), "every listed bucket, the hung one included");
            assertEquals(7, s3.count("ListBucketInventoryConfigurations"), "every bucket but the hung one");
        }
    }

    @Test
    void bucketsOfUnknownRegionAreFilteredByTheRegionTheyAnswer() throws SQLException {
        s3.omitBucketRegion(true);
        try (Connection c = connect(null)) {
            List<String> inEu = column(c, "SELECT name FROM buckets WHERE region = 'eu-west-1' ORDER BY name");
            assertEquals(List.of("big", "other-bucket", "team-1", "team-4"), inEu);
            List<String> ids = column(c, "SELECT bucket FROM bucket_inventory_configurations "
                    + "WHERE region = 'ap-southeast-2' ORDER BY bucket");
            assertEquals(List.of("team-2", "team-5"), ids);
            assertEquals(6, s3.count("HeadBucket"), "one per bucket listed for either region");
            assertEquals(inEu, column(c, "SELECT name FROM buckets WHERE region = 'eu-west-1' ORDER BY name"));
            assertEquals(6, s3.count("HeadBucket"), "a region once learned is remembered by the connection");
        }
    }

    @Test
    void aRegionCutOutOfTheCachedListingKeepsBucketsOfUnknownRegion() throws SQLException {
        s3.omitBucketRegion(true);
        try (Connection c = connect(null)) { // the listing cache is on: the second query is cut out of the first
            assertEquals(8, column(c, "SELECT name FROM buckets").size());
            assertEquals(List.of("big", "other-bucket", "team-1", "team-4"),
                    column(c, "SELECT name FROM buckets WHERE region = 'eu-west-1' ORDER BY name"));
            assertEquals(List.of("team-2", "team-5"), column(c, "SELECT bucket FROM bucket_inventory_configurations "
                    + "WHERE region = 'ap-southeast-2' ORDER BY bucket"));
        }
    }

    @Test
    void aStoreThatIgnoresTheRegionFilterStillGetsOnlyThatRegionsBuckets() throws SQLException {
        s3.omitBucketRegion(true).ignoreRegionFilter(true);
        try (Connection c = connect("cacheTtlSeconds=0")) {
            String sql = "SELECT bucket FROM bucket_inventory_configurations WHERE region = 'ap-southeast-2' LIMIT 2";
            assertEquals(List.of("team-2", "team-5"), column(c, sql), "regions learned by HeadBucket");
            s3.resetLog();
            assertEquals(List.of("team-2", "team-5"), column(c, sql), "regions remembered");
            assertEquals(2, s3.count("ListBucketInventoryConfigurations"), "no list of another region's bucket");
        }
    }
}
