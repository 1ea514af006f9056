package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake S3 account for the reliability tests: buckets spread over four regions with 0 to 3
 * inventory configurations each, plus one bucket whose 150 configurations take two list pages, and
 * ListBuckets answering in pages of 50 — so that every scan pages through both listings.
 */
final class FakeEstate implements AutoCloseable {
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1");
    static final String BIG = "rel-big";
    static final String ALL_ROWS = "SELECT * FROM aws.s3.bucket_inventory_configurations ORDER BY bucket, id";

    final FakeS3Server s3 = new FakeS3Server().bucketsPageSize(50);
    final List<String> buckets = new ArrayList<>();
    /** What was seeded, as "bucket|id|region" sorted: what the driver's rows must show, fault or not. */
    private final java.util.SortedSet<String> seededConfigurations = new java.util.TreeSet<>();
    /** What was seeded, as "name|region" sorted. */
    private final java.util.SortedSet<String> seededBuckets = new java.util.TreeSet<>();

    FakeEstate(int bucketCount) {
        for (int i = 0; i < bucketCount; i++) {
            String bucket = String.format("rel-%04d", i);
            String region = REGIONS.get(i % REGIONS.size());
            s3.addBucket(bucket, region);
            buckets.add(bucket);
            seededBuckets.add(bucket + "|" + region);
            for (int c = 0; c < i % 4; c++) {
                String id = "cfg-" + c;
                s3.putConfigurationXml(bucket, id, FakeS3Server.sampleConfigurationXml(id));
                seededConfigurations.add(bucket + "|" + id + "|" + region);
            }
        }
        s3.addBucket(BIG, "eu-west-1");
        buckets.add(BIG);
        seededBuckets.add(BIG + "|eu-west-1");
        for (int c = 0; c < 150; c++) {
            String id = String.format("big-%03d", c);
            s3.putConfigurationXml(BIG, id, FakeS3Server.sampleConfigurationXml(id));
            seededConfigurations.add(BIG + "|" + id + "|eu-west-1");
        }
    }

    /**
     * A URL for this server with the test credentials and no listing cache, so that every trial goes
     * to S3 and meets its faults ({@code extra} may turn the cache back on); {@code extra} is
     * {@code &key=value...} or empty.
     */
    String url(String extra) {
        return s3.jdbcUrl("cacheTtlSeconds=0" + extra);
    }

    Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(url(extra));
    }

    /** Every row of a query, each rendered as its columns joined by '|' (so rows compare as strings). */
    static List<String> rows(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
            return out;
        }
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return rows(st, sql);
        }
    }

    /**
     * Each query's rows on a fresh connection before any fault: what every faulted trial must match.
     * Anchored to what was seeded: the same connection first proves that it sees exactly the seeded
     * buckets and configurations, each in its region, so an expectation can never inherit a driver bug.
     */
    java.util.Map<String, List<String>> faultFreeRows(List<String> queries) throws SQLException {
        java.util.Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        try (Connection c = connect("")) {
            org.junit.jupiter.api.Assertions.assertEquals(List.copyOf(seededConfigurations), rows(c,
                    "SELECT bucket, id, region FROM aws.s3.bucket_inventory_configurations ORDER BY bucket, id"),
                    "the configurations seeded");
            org.junit.jupiter.api.Assertions.assertEquals(List.copyOf(seededBuckets),
                    rows(c, "SELECT name, region FROM aws.s3.buckets ORDER BY name"), "the buckets seeded");
            for (String sql : queries) {
                rows.put(sql, rows(c, sql));
            }
        }
        return java.util.Map.copyOf(rows);
    }

    /** How many requests the server answered with this error code (or pseudo code) so far. */
    long answered(String code) {
        return s3.requests().stream().filter(r -> code.equals(r.errorCode())).count();
    }

    @Override
    public void close() {
        s3.close();
    }
}
