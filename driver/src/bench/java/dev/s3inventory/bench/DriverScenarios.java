package dev.s3inventory.bench;

import dev.s3inventory.testing.DelayingProxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's scenarios, through JDBC only, as an application would use it. Every scenario except
 * paging runs on a connection with {@code cacheTtlSeconds=0}, so each repetition pays its real
 * cost; paging uses the default TTL, as DBeaver would.
 */
final class DriverScenarios {
    static final String TABLE = "aws.s3.bucket_inventory_configurations";
    static final int PAGE = 200; // DBeaver's default result-set page

    private final Estate estate;
    private final DelayingProxy proxy;
    private final String extra;

    /** @param extra more URL properties (e.g. {@code maxConcurrency=64}), or "" */
    DriverScenarios(Estate estate, DelayingProxy proxy, String extra) {
        this.estate = estate;
        this.proxy = proxy;
        this.extra = extra;
    }

    Connection connect(boolean cache) throws SQLException {
        String url = "jdbc:s3inventory:?endpoint=" + proxy.endpoint() + "&pathStyleAccess=true&region=us-east-1"
                + "&user=" + estate.account() + "&password=test" + (cache ? "" : "&cacheTtlSeconds=0")
                + (extra.isEmpty() ? "" : "&" + extra);
        return DriverManager.getConnection(url);
    }

    /** Every column of every row, read as an application would. */
    static long fullScan(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + TABLE)) {
            int columns = rs.getMetaData().getColumnCount();
            long n = 0;
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getString(i);
                }
                n++;
            }
            return n;
        }
    }

    static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long likePrefix(Connection c) throws SQLException {
        return rows(c, "SELECT bucket, id, destination_format FROM " + TABLE + " WHERE bucket LIKE '"
                + estate.likePrefix() + "%'", 0);
    }

    /** Bucket 1 has exactly one configuration, daily-csv. */
    long point(Connection c) throws SQLException {
        return rows(c, "SELECT * FROM " + TABLE + " WHERE bucket = '" + estate.bucket(1) + "' AND id = 'daily-csv'", 0);
    }

    /** Buckets 1 to 5: 1 + 2 + 3 + 0 + 1 = 7 rows. */
    long namedBuckets(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            names.add("'" + estate.bucket(i) + "'");
        }
        return rows(c, "SELECT * FROM " + TABLE + " WHERE bucket IN (" + String.join(", ", names) + ")", 0);
    }

    static long maxRows10(Connection c) throws SQLException {
        return rows(c, "SELECT bucket, id FROM " + TABLE, 10);
    }

    /** One DBeaver page: maxRows covers every page up to this one; the earlier pages' rows are skipped. */
    static long page(Connection c, int page) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(PAGE * page);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + TABLE)) {
                long n = 0;
                int row = 0;
                while (rs.next()) {
                    if (++row > PAGE * (page - 1)) {
                        rs.getString("configuration_json");
                        n++;
                    }
                }
                return n;
            }
        }
    }

    private static long rows(Connection c, String sql, int maxRows) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(maxRows);
            try (ResultSet rs = st.executeQuery(sql)) {
                long n = 0;
                while (rs.next()) {
                    rs.getString(1);
                    n++;
                }
                return n;
            }
        }
    }

    /**
     * Waits until every request sent was answered and none was sent for 300 ms: a read-ahead in the
     * background has finished (a user reads page 1 before asking for page 2).
     */
    void awaitQuiet() throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 100; i++) { // 30 s at most
            long now = proxy.meter().total();
            if (now == last && proxy.awaitingAnswers() == 0) {
                return;
            }
            last = now;
            Thread.sleep(300);
        }
        Log.line("  (still %d requests unanswered after 30 s; going on)", proxy.awaitingAnswers());
    }
}
