package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listing cache seen through JDBC, counted on our S3-protocol server: DBeaver's paging (re-execute
 * with setMaxRows(200 × page) and skip what was shown) costs no request after the first page, each
 * bucket is listed once, writes through SQL are read back at once, and cacheTtlSeconds=0 turns it off.
 */
class ListingCacheTest {
    private static final int BUCKETS = 400;
    private static final int CONFIGS_PER_BUCKET = 3; // 1,200 rows
    private static final int PAGE = 200;
    private static final String SCAN = "SELECT bucket, id FROM aws.s3.bucket_inventory_configurations";
    private FakeS3Server s3;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server();
        for (int i = 0; i < BUCKETS; i++) {
            String bucket = String.format("page-%04d", i);
            s3.addBucket(bucket, i % 2 == 0 ? "us-east-1" : "eu-west-1");
            for (int c = 0; c < CONFIGS_PER_BUCKET; c++) {
                s3.putConfigurationXml(bucket, "cfg-" + c, FakeS3Server.sampleConfigurationXml("cfg-" + c));
            }
        }
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        Connection c = DriverManager.getConnection(
                s3.jdbcUrl("maxConcurrency=8" + (extra == null ? "" : "&" + extra)));
        s3.resetLog();
        return c;
    }

    /** One DBeaver page: re-execute with maxRows = everything up to this page, skip the earlier pages. */
    private static List<String> page(Connection c, int page) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(PAGE * page);
            try (ResultSet rs = st.executeQuery(SCAN)) {
                for (int skip = 0; skip < PAGE * (page - 1); skip++) {
                    rs.next();
                }
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2));
                }
                return rows;
            }
        }
    }

    /** Waits until the server has had no request for a while: page 1's read-ahead has finished. */
    private void awaitQuiet() throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 100 && s3.totalRequests() != last; i++) {
            last = s3.totalRequests();
            Thread.sleep(100);
        }
    }

    @Test
    void dbeaverPagesTwoToFiveCostNoRequests() throws Exception {
        try (Connection c = connect(null)) {
            List<String> first = page(c, 1);
            assertEquals(PAGE, first.size());
            assertEquals("page-0000/cfg-0", first.get(0));
            awaitQuiet();
            int pageOneRequests = s3.totalRequests();
            assertTrue(pageOneRequests < BUCKETS, "page 1 stopped early: " + pageOneRequests + " requests");
            s3.resetLog();
            List<String> seen = new ArrayList<>(first);
            for (int p = 2; p <= 5; p++) {
                List<String> rows = page(c, p);
                assertEquals(PAGE, rows.size(), "page " + p);
                seen.addAll(rows);
            }
            assertEquals(0, s3.totalRequests(), "pages 2-5 come from the listing cache, yet asked for "
                    + s3.requests().stream().map(r -> r.operation() + " " + r.bucket()).toList());
            assertEquals(5 * PAGE, seen.stream().distinct().count(), "no row shown twice, none skipped");
            assertEquals(String.format("page-%04d/cfg-%d", 5 * PAGE / CONFIGS_PER_BUCKET, 5 * PAGE % CONFIGS_PER_BUCKET),
                    page(c, 6).get(0), "page 6 goes on where page 5 stopped");
        }
    }

    @Test
    void pagesAskedBackToBackListEachBucketOnce() throws Exception {
        try (Connection c = connect(null)) {
            for (int p = 1; p <= 5; p++) {
                assertEquals(PAGE, page(c, p).size());
            }
            awaitQuiet();
            Map<String, Integer> listsPerBucket = new HashMap<>();
            for (RecordedRequest r : s3.requests()) {
                if (r.operation().equals("ListBucketInventoryConfigurations")) {
                    listsPerBucket.merge(r.bucket(), 1, Integer::sum);
                }
            }
            assertEquals(1, s3.count("ListBuckets"));
            assertTrue(listsPerBucket.values().stream().allMatch(n -> n == 1), "a bucket listed twice: " + listsPerBucket);
        }
    }

    @Test
    void withCacheTtlZeroEveryPageAsksS3Again() throws SQLException {
        try (Connection c = connect("cacheTtlSeconds=0")) {
            page(c, 1);
            s3.resetLog();
            page(c, 2);
            assertEquals(1, s3.count("ListBuckets"));
            assertTrue(s3.count("ListBucketInventoryConfigurations") >= 2 * PAGE / CONFIGS_PER_BUCKET);
        }
    }

    @Test
    void writesThroughSqlAreReadBackAtOnce() throws SQLException {
        String one = SCAN + " WHERE bucket = 'page-0001' ORDER BY id";
        try (Connection c = connect(null); Statement st = c.createStatement()) {
            assertEquals(List.of("cfg-0", "cfg-1", "cfg-2"), ids(st, one));
            st.executeUpdate("INSERT INTO aws.s3.bucket_inventory_configurations (bucket, id, destination_bucket_arn, "
                    + "destination_format, schedule_frequency) VALUES ('page-0001', 'new', 'arn:aws:s3:::dest', 'CSV', 'Daily')");
            assertEquals(List.of("cfg-0", "cfg-1", "cfg-2", "new"), ids(st, one), "after INSERT");
            st.executeUpdate("UPDATE aws.s3.bucket_inventory_configurations SET schedule_frequency = 'Weekly' "
                    + "WHERE bucket = 'page-0001' AND id = 'new'");
            try (ResultSet rs = st.executeQuery("SELECT schedule_frequency FROM aws.s3.bucket_inventory_configurations "
                    + "WHERE bucket = 'page-0001' AND id LIKE 'ne%'")) {
                assertTrue(rs.next());
                assertEquals("Weekly", rs.getString(1), "after UPDATE");
            }
            st.executeUpdate("DELETE FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'page-0001' AND id = 'new'");
            assertEquals(List.of("cfg-0", "cfg-1", "cfg-2"), ids(st, one), "after DELETE");
        }
    }

    @Test
    void aChangeMadeElsewhereShowsAfterTheTtlOrAtOnceWithoutCache() throws SQLException {
        String one = SCAN + " WHERE bucket = 'page-0002' ORDER BY id";
        try (Connection cached = connect(null); Connection fresh = connect("cacheTtlSeconds=0");
                Statement a = cached.createStatement(); Statement b = fresh.createStatement()) {
            ids(a, one);
            s3.putConfigurationXml("page-0002", "outside", FakeS3Server.sampleConfigurationXml("outside"));
            assertEquals(List.of("cfg-0", "cfg-1", "cfg-2"), ids(a, one), "within the TTL: the cached listing");
            assertEquals(List.of("cfg-0", "cfg-1", "cfg-2", "outside"), ids(b, one));
        }
    }

    private static List<String> ids(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(2));
            }
            return out;
        }
    }
}
