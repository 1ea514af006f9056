package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ExpectedRows;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.Bucket;

/** SELECT through DriverManager against real LocalStack, compared with what the AWS SDK reads. */
class SelectAgainstLocalStackTest {
    private static InventoryEstate estate;
    private static Connection connection;

    @BeforeAll
    static void seed() throws SQLException {
        estate = InventoryEstate.seed("select", 9);
        connection = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static List<List<Object>> query(String sql) throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(ExpectedRows.readRow(rs));
            }
            return rows;
        }
    }

    private static List<List<Object>> expected(String prefix) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : ExpectedRows.inventory(prefix)) {
            List<Object> copy = new ArrayList<>(r);
            copy.set(14, copy.get(14)); // JSON already a tree
            rows.add(copy);
        }
        return rows;
    }

    @Test
    void everyColumnOfEveryConfigurationMatchesTheSdk() throws Exception {
        List<List<Object>> actual = query("SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE '"
                + estate.prefix + "%' ORDER BY bucket, id");
        List<List<Object>> expected = expected(estate.prefix);
        assertEquals(12, expected.size(), "seeded 0+1+2+3+0+1+2+3+0 configurations");
        assertEquals(expected, actual);
        // every region is represented, and each row carries its bucket's own region
        assertEquals(3, actual.stream().map(r -> r.get(2)).distinct().count());
    }

    @Test
    void fullScanWithoutPredicatesReturnsEveryBucketOfEveryRegion() throws Exception {
        List<List<Object>> actual = query("SELECT * FROM bucket_inventory_configurations");
        actual.sort((a, b) -> {
            int c = ((String) a.get(0)).compareTo((String) b.get(0));
            return c != 0 ? c : ((String) a.get(1)).compareTo((String) b.get(1));
        });
        assertEquals(expected(null), actual);
    }

    @Test
    void pointQueryReturnsExactlyThatConfiguration() throws Exception {
        String bucket = estate.buckets.get(3);
        List<List<Object>> actual = query("SELECT * FROM s3.bucket_inventory_configurations WHERE bucket = '" + bucket
                + "' AND id = 'weekly-orc'");
        List<List<Object>> expected = expected(bucket).stream().filter(r -> r.get(1).equals("weekly-orc")).toList();
        assertEquals(1, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void missingBucketGivesNoRowsAndAWarning() throws Exception {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM bucket_inventory_configurations WHERE bucket = '"
                        + estate.prefix + "does-not-exist'")) {
            assertFalse(rs.next());
            SQLWarning w = st.getWarnings();
            assertNotNull(w, "a named bucket that does not exist is reported as a warning");
            assertTrue(w.getMessage().contains("does-not-exist"), w.getMessage());
            assertTrue(w.getMessage().contains("NoSuchBucket"), w.getMessage());
        }
    }

    @Test
    void missingIdGivesNoRowsAndNoWarning() throws Exception {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM bucket_inventory_configurations WHERE bucket = '"
                        + estate.buckets.get(1) + "' AND id = 'nope'")) {
            assertFalse(rs.next());
            assertNull(st.getWarnings());
        }
    }

    @Test
    void regionPredicateKeepsOnlyThatRegion() throws Exception {
        List<List<Object>> actual = query("SELECT * FROM bucket_inventory_configurations WHERE region = 'eu-west-1' "
                + "AND bucket LIKE '" + estate.prefix + "%' ORDER BY bucket, id");
        List<List<Object>> expected = expected(estate.prefix).stream().filter(r -> r.get(2).equals("eu-west-1"))
                .toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, actual);
    }

    @Test
    void bucketsTableMatchesListBuckets() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        for (Bucket b : LocalStackEnvironment.sdk("us-east-1").listBuckets(r -> r.maxBuckets(1000).prefix(estate.prefix))
                .buckets()) {
            expected.add(List.of(b.name(), b.bucketRegion(),
                    Timestamp.valueOf(LocalDateTime.ofInstant(b.creationDate(), ZoneOffset.UTC))));
        }
        List<List<Object>> actual = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, region, creation_date FROM \"aws\".\"s3\".\"buckets\" "
                        + "WHERE name LIKE '" + estate.prefix + "%' ORDER BY name")) {
            while (rs.next()) {
                actual.add(List.of(rs.getString("NAME"), rs.getString(2), rs.getTimestamp("creation_date")));
            }
        }
        assertEquals(9, expected.size());
        assertEquals(expected, actual);
    }

    @Test
    void preparedStatementBindsParametersIncludingLimit() throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bucket, id, is_enabled FROM "
                + "bucket_inventory_configurations WHERE bucket LIKE ? AND is_enabled = ? ORDER BY bucket DESC, id "
                + "LIMIT ? OFFSET ?")) {
            ps.setString(1, estate.prefix + "%");
            ps.setBoolean(2, true);
            ps.setInt(3, 2);
            ps.setInt(4, 1);
            List<String> got = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean(3));
                    got.add(rs.getString(1) + "/" + rs.getString("ID"));
                }
            }
            List<String> enabled = expected(estate.prefix).stream().filter(r -> Boolean.TRUE.equals(r.get(3)))
                    .sorted((a, b) -> {
                        int c = ((String) b.get(0)).compareTo((String) a.get(0));
                        return c != 0 ? c : ((String) a.get(1)).compareTo((String) b.get(1));
                    }).map(r -> r.get(0) + "/" + r.get(1)).toList();
            assertEquals(enabled.subList(1, 3), got);
        }
    }

    @Test
    void setMaxRowsCapsTheResult() throws Exception {
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(5);
            try (ResultSet rs = st.executeQuery("SELECT bucket FROM bucket_inventory_configurations WHERE bucket LIKE '"
                    + estate.prefix + "%'")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(5, n);
            }
        }
    }

    @Test
    void projectionsAliasesAndExpressionsWork() throws Exception {
        String bucket = estate.buckets.get(2);
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT UPPER(c.id) AS upper_id, c.destination_format fmt, "
                        + "COALESCE(c.destination_prefix, '(none)') AS p FROM aws.s3.bucket_inventory_configurations c "
                        + "WHERE c.bucket = '" + bucket + "' AND NOT (c.id <> 'daily-csv' AND c.id <> 'weekly-orc') "
                        + "ORDER BY upper_id")) {
            assertEquals("UPPER_ID", rs.getMetaData().getColumnLabel(1).toUpperCase());
            assertTrue(rs.next());
            assertEquals("DAILY-CSV", rs.getString("upper_id"));
            assertEquals("CSV", rs.getString("fmt"));
            assertEquals("(none)", rs.getString(3));
            assertTrue(rs.next());
            assertEquals("WEEKLY-ORC", rs.getString(1));
            assertEquals("weekly/" + bucket, rs.getString(3));
            assertFalse(rs.next());
        }
    }

    @Test
    void errorsCarryTheContractSqlStates() {
        assertEquals("42S02", assertThrows(SQLException.class,
                () -> query("SELECT * FROM aws.s3.nope")).getSQLState());
        assertEquals("42S22", assertThrows(SQLException.class,
                () -> query("SELECT nope FROM aws.s3.buckets")).getSQLState());
        SQLException syntax = assertThrows(SQLException.class, () -> query("SELECT * FROM buckets WHERE"));
        assertEquals("42000", syntax.getSQLState());
        assertTrue(syntax.getMessage().contains("column"), syntax.getMessage());
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> query("SELECT name FROM buckets UNION SELECT name FROM buckets")).getSQLState());
    }
}
