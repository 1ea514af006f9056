package dev.s3inventory.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s3inventory.testing.FakeS3Server;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;

/**
 * The evaluator's rules one by one, as docs/sql-reference.md states them: three-valued logic, casts,
 * LIKE with ESCAPE, grouping and ordering with NULLs. Each statement runs through the whole driver
 * (parser, planner, evaluator) against the in-process S3 server; the differential suite compares the
 * same engine with H2 in bulk, this pins the rules with readable expectations.
 */
class EvaluatorSemanticsTest {
    private static FakeS3Server s3;
    private static Connection db;

    /** Configurations (bucket, id, schedule, filter prefix or null), in the order S3 lists them. */
    private static final List<String[]> CONFIGS = List.of(
            new String[] {"eval-a", "c1", "Daily", "logs/"},
            new String[] {"eval-a", "c2", "Weekly", null},
            new String[] {"eval-a", "c3", "Daily", "x_y%"},
            new String[] {"eval-b", "c1", "Weekly", null},
            new String[] {"eval-b", "c4", "Daily", "Logs/"});

    @BeforeAll
    static void seed() throws SQLException {
        s3 = new FakeS3Server();
        s3.addBucket("eval-a", "us-east-1").addBucket("eval-b", "us-east-1").addBucket("eval-empty", "us-east-1");
        try (S3Client sdk = s3.clientBuilder("us-east-1").build()) {
            for (String[] c : CONFIGS) {
                InventoryConfiguration.Builder b = InventoryConfiguration.builder().id(c[1]).isEnabled(!c[1].equals("c2"))
                        .includedObjectVersions("All").schedule(s -> s.frequency(c[2]))
                        .destination(d -> d.s3BucketDestination(x -> x.bucket("arn:aws:s3:::reports").format("CSV")));
                if (c[3] != null) {
                    b.filter(f -> f.prefix(c[3]));
                }
                sdk.putBucketInventoryConfiguration(r -> r.bucket(c[0]).id(c[1]).inventoryConfiguration(b.build()));
            }
        }
        db = DriverManager.getConnection(s3.jdbcUrl(null));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (db != null) {
            db.close();
        }
        s3.close();
    }

    // ---- three-valued logic ----

    @Test
    void andOrNotFollowKleeneLogicWithNullAsUnknown() throws SQLException {
        String[] values = {"TRUE", "FALSE", "CAST(NULL AS BOOLEAN)"};
        Boolean[] truth = {true, false, null};
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                List<Object> r = one("SELECT " + values[i] + " AND " + values[j] + ", " + values[i] + " OR " + values[j]
                        + ", NOT " + values[i]);
                assertEquals(Arrays.asList(and(truth[i], truth[j]), or(truth[i], truth[j]), not(truth[i])), r,
                        values[i] + " with " + values[j]);
            }
        }
    }

    private static Boolean and(Boolean a, Boolean b) {
        return Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE : a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE : a == null || b == null ? null : false;
    }

    private static Boolean not(Boolean a) {
        return a == null ? null : !a;
    }

    @Test
    void whereKeepsOnlyTrueRowsAndComparisonsWithNullAreUnknown() throws SQLException {
        // NOT (prefix = 'logs/') is UNKNOWN for a NULL prefix: those rows are not kept either way
        assertEquals(List.of(List.of("eval-a", "c3"), List.of("eval-b", "c4")),
                all("SELECT bucket, id FROM bucket_inventory_configurations WHERE NOT (filter_prefix = 'logs/') "
                        + "ORDER BY bucket, id"));
        assertEquals(List.of(List.of(2L)), all("SELECT COUNT(*) FROM bucket_inventory_configurations "
                + "WHERE (filter_prefix = 'nope') IS NOT FALSE"), "UNKNOWN IS NOT FALSE is TRUE");
        assertEquals(Arrays.asList(null, null, false), one("SELECT 1 = NULL, NULL <> NULL, (1 IN (2, NULL)) IS TRUE"));
        assertEquals(List.of(List.of(0L)), all("SELECT COUNT(*) FROM bucket_inventory_configurations "
                + "WHERE id NOT IN ('zz', NULL)"), "NOT IN a list with NULL is never TRUE");
    }

    // ---- casts ----

    @Test
    void castsConvertAsDocumented() throws SQLException {
        assertEquals(Arrays.asList(42, 7L, "TRUE", null, new BigDecimal("2.35"), true),
                one("SELECT CAST('42' AS INTEGER), CAST(7 AS BIGINT), CAST(TRUE AS VARCHAR), CAST(NULL AS INTEGER), "
                        + "CAST(2.345 AS DECIMAL(5, 2)), CAST('true' AS BOOLEAN)"));
        assertEquals(Arrays.asList("abc", Timestamp.valueOf(LocalDateTime.of(2024, 5, 1, 10, 0)), "2024-05-01 10:00:00"),
                one("SELECT CAST('abcdef' AS VARCHAR(3)), CAST('2024-05-01 10:00:00' AS TIMESTAMP), "
                        + "CAST(CAST('2024-05-01 10:00:00' AS TIMESTAMP) AS VARCHAR)"));
        assertEquals(List.of(true, 2L, -2L), one("SELECT '5' = 5, 5 / 2, -5 / 2"),
                "text compares as a number; integer division truncates");
        assertEquals("22018", assertThrows(SQLException.class, () -> one("SELECT CAST('forty-two' AS INTEGER)"))
                .getSQLState());
        assertEquals("22012", assertThrows(SQLException.class, () -> one("SELECT 1 / 0")).getSQLState());
    }

    // ---- LIKE ----

    @Test
    void likeMatchesWildcardsCaseSensitivelyAndEscapesThemWithEscape() throws SQLException {
        assertEquals(Arrays.asList(true, false, true, false, true, null),
                one("SELECT 'x_y%' LIKE 'x!_y!%' ESCAPE '!', 'xay%' LIKE 'x!_y%' ESCAPE '!', 'xay%' LIKE 'x_y%', "
                        + "'ABC' LIKE 'abc', 'ABC' ILIKE 'a%', CAST(NULL AS VARCHAR) LIKE '%'"));
        assertEquals(List.of(List.of("c3")), all("SELECT id FROM bucket_inventory_configurations "
                + "WHERE filter_prefix LIKE '%\\_y\\%' ESCAPE '\\'"));
        assertEquals(List.of(List.of("eval-a", "c1")), all("SELECT bucket, id FROM bucket_inventory_configurations "
                + "WHERE filter_prefix LIKE 'logs%'"), "case-sensitive: 'Logs/' does not match");
        assertEquals(List.of(List.of("eval-a", "c3"), List.of("eval-b", "c4")),
                all("SELECT bucket, id FROM bucket_inventory_configurations WHERE filter_prefix NOT LIKE 'logs/' "
                        + "ORDER BY bucket"), "NOT LIKE on NULL is UNKNOWN: those rows are not kept");
    }

    // ---- grouping ----

    @Test
    void groupingCountsSkipNullsAndNullsFormOneGroup() throws SQLException {
        assertEquals(List.of(List.of("Daily", 3L, 3L, "c1", "c4"), List.of("Weekly", 2L, 0L, "c1", "c2")),
                all("SELECT schedule_frequency, COUNT(*), COUNT(filter_prefix), MIN(id), MAX(id) "
                        + "FROM bucket_inventory_configurations GROUP BY schedule_frequency ORDER BY 1"));
        assertEquals(List.of(Arrays.asList(null, 2L), List.of("Logs/", 1L), List.of("logs/", 1L), List.of("x_y%", 1L)),
                all("SELECT filter_prefix, COUNT(*) FROM bucket_inventory_configurations GROUP BY filter_prefix ORDER BY 1"),
                "one group for the NULLs, sorted first; 'L' < 'l'");
        assertEquals(List.of(List.of("eval-a")), all("SELECT bucket FROM bucket_inventory_configurations "
                + "GROUP BY bucket HAVING COUNT(DISTINCT schedule_frequency) = 2 AND COUNT(*) > 2"));
    }

    @Test
    void aggregatesOverNoRowsAreZeroForCountAndNullOtherwise() throws SQLException {
        assertEquals(Arrays.asList(0L, 0L, null, null, null),
                one("SELECT COUNT(*), COUNT(id), MIN(id), MAX(bucket), SUM(LENGTH(id)) FROM "
                        + "bucket_inventory_configurations WHERE bucket = 'eval-empty'"));
        assertEquals(List.of(), all("SELECT bucket, COUNT(*) FROM bucket_inventory_configurations "
                + "WHERE bucket = 'eval-empty' GROUP BY bucket"), "GROUP BY over no rows gives no group");
    }

    // ---- ordering ----

    @Test
    void nullsSortLowUnlessNullsFirstOrLastSaysOtherwise() throws SQLException {
        String base = "SELECT bucket || '/' || id FROM bucket_inventory_configurations ORDER BY filter_prefix ";
        List<String> nullsLow = List.of("eval-a/c2", "eval-b/c1", "eval-b/c4", "eval-a/c1", "eval-a/c3");
        assertEquals(nullsLow, column(base + ", bucket, id"), "ascending: NULLs first");
        assertEquals(List.of("eval-a/c3", "eval-a/c1", "eval-b/c4", "eval-a/c2", "eval-b/c1"),
                column(base + "DESC, bucket, id"), "descending: NULLs last");
        assertEquals(List.of("eval-b/c4", "eval-a/c1", "eval-a/c3", "eval-a/c2", "eval-b/c1"),
                column(base + "ASC NULLS LAST, bucket, id"));
        assertEquals(List.of("eval-a/c2", "eval-b/c1", "eval-a/c3", "eval-a/c1", "eval-b/c4"),
                column(base + "DESC NULLS FIRST, bucket, id"));
        assertEquals(List.of("eval-a/c1", "eval-a/c3", "eval-b/c4", "eval-a/c2", "eval-b/c1"),
                column("SELECT bucket || '/' || id FROM bucket_inventory_configurations "
                        + "ORDER BY filter_prefix IS NULL, bucket, id"), "FALSE sorts before TRUE");
    }

    @Test
    void ordinalAliasAndExpressionKeysSortStablyWithTiesInReadOrder() throws SQLException {
        assertEquals(List.of("c1", "c4", "c3", "c2", "c1"),
                column("SELECT id AS k FROM bucket_inventory_configurations ORDER BY LENGTH(COALESCE(filter_prefix, '')) "
                        + "DESC, schedule_frequency"),
                "equal keys keep S3's listing order");
        assertEquals(List.of("Weekly", "Daily"), column("SELECT DISTINCT schedule_frequency AS f "
                + "FROM bucket_inventory_configurations ORDER BY f DESC"));
        assertEquals(List.of("Weekly", "Daily"), column("SELECT schedule_frequency FROM bucket_inventory_configurations "
                + "GROUP BY schedule_frequency ORDER BY COUNT(*), 1"));
    }

    // ---- helpers ----

    private static List<Object> one(String sql) throws SQLException {
        List<List<Object>> rows = all(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private static List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (List<Object> row : all(sql)) {
            out.add((String) row.get(0));
        }
        return out;
    }

    private static List<List<Object>> all(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
