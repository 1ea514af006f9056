package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryEncryption;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.SSEKMS;

/** INSERT / UPDATE / DELETE / EXEC against LocalStack, every write read back whole through the SDK. */
class WritesAgainstLocalStackTest {
    private static final String TABLE = "aws.s3.bucket_inventory_configurations";
    private static InventoryEstate estate;
    private static Connection connection;

    @BeforeAll
    static void seed() throws SQLException {
        estate = InventoryEstate.seed("writes", 6);
        connection = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static String bucket(int i) {
        return estate.buckets.get(i);
    }

    private static S3Client sdk(int i) {
        return LocalStackEnvironment.sdk(estate.bucketRegions.get(i));
    }

    private static Optional<InventoryConfiguration> read(int bucketIndex, String id) {
        try {
            return Optional.of(sdk(bucketIndex).getBucketInventoryConfiguration(r -> r.bucket(bucket(bucketIndex)).id(id))
                    .inventoryConfiguration());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static int update(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    @Test
    void insertWithRequiredColumnsAppliesDefaults() throws SQLException {
        assertEquals(1, update("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
                + "schedule_frequency) VALUES ('" + bucket(0) + "', 'new-one', 'arn:aws:s3:::reports', 'parquet', 'daily')"));
        InventoryConfiguration expected = InventoryConfiguration.builder().id("new-one").isEnabled(true)
                .includedObjectVersions(InventoryIncludedObjectVersions.ALL)
                .schedule(s -> s.frequency(InventoryFrequency.DAILY))
                .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::reports")
                        .format(InventoryFormat.PARQUET)))
                .build();
        assertEquals(Optional.of(expected), read(0, "new-one"));
    }

    @Test
    void multiRowInsertWithParametersWritesEveryColumn() throws SQLException {
        String sql = "INSERT INTO s3.bucket_inventory_configurations (bucket, id, is_enabled, included_object_versions, "
                + "schedule_frequency, filter_prefix, destination_bucket_arn, destination_account_id, destination_format, "
                + "destination_prefix, destination_encryption, destination_kms_key_id, optional_fields) VALUES "
                + "(?, 'full-a', ?, 'current', 'WEEKLY', 'logs/', 'arn:aws:s3:::central', '123456789012', 'orc', 'inv/', "
                + "'sse-kms', 'arn:aws:kms:us-east-1:123456789012:key/k1', 'size, etag,StorageClass'), "
                + "(?, 'full-b', FALSE, 'All', 'Daily', NULL, 'arn:aws:s3:::central', NULL, 'CSV', NULL, NULL, NULL, NULL)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, bucket(1));
            ps.setBoolean(2, true);
            ps.setString(3, bucket(1));
            assertEquals(2, ps.executeUpdate());
        }
        InventoryConfiguration a = InventoryConfiguration.builder().id("full-a").isEnabled(true)
                .includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                .schedule(s -> s.frequency(InventoryFrequency.WEEKLY)).filter(f -> f.prefix("logs/"))
                .optionalFields(InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG, InventoryOptionalField.STORAGE_CLASS)
                .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::central").accountId("123456789012")
                        .format(InventoryFormat.ORC).prefix("inv/").encryption(InventoryEncryption.builder()
                                .ssekms(SSEKMS.builder().keyId("arn:aws:kms:us-east-1:123456789012:key/k1").build()).build())))
                .build();
        assertEquals(Optional.of(a), read(1, "full-a"));
        InventoryConfiguration b = read(1, "full-b").orElseThrow();
        assertFalse(b.isEnabled());
        assertEquals("CSV", b.destination().s3BucketDestination().formatAsString());
        assertEquals(null, b.destination().s3BucketDestination().encryption());
    }

    @Test
    void insertOfAnExistingKeyFailsWith23505AndWritesNothing() {
        String sql = "INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
                + "VALUES ('" + bucket(2) + "', 'fresh', 'arn:aws:s3:::rpt', 'CSV', 'Daily'), "
                + "('" + bucket(2) + "', 'daily-csv', 'arn:aws:s3:::rpt', 'CSV', 'Daily')";
        SQLIntegrityConstraintViolationException e = assertThrows(SQLIntegrityConstraintViolationException.class,
                () -> update(sql));
        assertEquals("23505", e.getSQLState());
        assertTrue(read(2, "fresh").isEmpty(), "the valid row of the statement was not written either");
    }

    @Test
    void insertFromConfigurationJson() throws SQLException {
        String json = "{\"Id\":\"from-json\",\"IsEnabled\":false,\"Destination\":{\"S3BucketDestination\":{"
                + "\"Bucket\":\"arn:aws:s3:::json-reports\",\"Format\":\"Parquet\",\"Prefix\":\"j/\",\"Encryption\":{\"SSES3\":{}}}},"
                + "\"Filter\":{\"Prefix\":\"data/\"},\"IncludedObjectVersions\":\"Current\",\"OptionalFields\":[\"ETag\"],"
                + "\"Schedule\":{\"Frequency\":\"Weekly\"}}";
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (bucket, configuration_json) VALUES (?, ?)")) {
            ps.setString(1, bucket(3));
            ps.setString(2, json);
            assertEquals(1, ps.executeUpdate());
        }
        InventoryConfiguration c = read(3, "from-json").orElseThrow();
        assertFalse(c.isEnabled());
        assertEquals("data/", c.filter().prefix());
        assertEquals(List.of("ETag"), c.optionalFieldsAsStrings());
        assertTrue(c.destination().s3BucketDestination().encryption().sses3() != null);
    }

    @Test
    void updateChangesOnlyTheNamedColumns() throws SQLException {
        InventoryConfiguration before = read(3, "weekly-orc").orElseThrow();
        assertEquals(1, update("UPDATE " + TABLE + " SET is_enabled = TRUE, schedule_frequency = 'daily' WHERE bucket = '"
                + bucket(3) + "' AND id = 'weekly-orc'"));
        InventoryConfiguration after = read(3, "weekly-orc").orElseThrow();
        InventoryConfiguration expected = before.toBuilder().isEnabled(true)
                .schedule(s -> s.frequency(InventoryFrequency.DAILY)).build();
        assertEquals(expected, after);
    }

    @Test
    void updateWithAnExpressionAndEncryptionSwitch() throws SQLException {
        InventoryConfiguration before = read(3, "parquet-kms").orElseThrow();
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
                + "\n\tSET destination_prefix=?,destination_encryption=?\n\tWHERE bucket=? AND id=?")) {
            ps.setString(1, "moved/");
            ps.setString(2, "SSE-S3");
            ps.setString(3, bucket(3));
            ps.setString(4, "parquet-kms");
            assertEquals(1, ps.executeUpdate());
        }
        InventoryConfiguration after = read(3, "parquet-kms").orElseThrow();
        assertEquals(before.toBuilder().destination(d -> d.s3BucketDestination(before.destination().s3BucketDestination()
                .toBuilder().prefix("moved/").encryption(InventoryEncryption.builder()
                        .sses3(software.amazon.awssdk.services.s3.model.SSES3.builder().build()).build()).build())).build(),
                after);
    }

    @Test
    void deleteCountsWhatItDeleted() throws SQLException {
        update("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
                + "VALUES ('" + bucket(4) + "', 'doomed', 'arn:aws:s3:::rpt', 'CSV', 'Daily')");
        assertEquals(1, update("DELETE FROM " + TABLE + " WHERE bucket = '" + bucket(4) + "' AND id = 'doomed'"));
        assertTrue(read(4, "doomed").isEmpty());
        assertEquals(0, update("DELETE FROM " + TABLE + " WHERE bucket = '" + bucket(4) + "' AND id = 'doomed'"));
    }

    @Test
    void readsSeeTheConnectionsOwnWritesAtOnce() throws SQLException {
        update("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
                + "VALUES ('" + bucket(2) + "', 'seen', 'arn:aws:s3:::rpt', 'CSV', 'Daily')");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT destination_format FROM "
                + TABLE + " WHERE bucket = '" + bucket(2) + "' AND id = 'seen'")) {
            assertTrue(rs.next());
            assertEquals("CSV", rs.getString(1));
        }
        update("UPDATE " + TABLE + " SET destination_format = 'ORC' WHERE bucket = '" + bucket(2) + "' AND id = 'seen'");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT destination_format FROM "
                + TABLE + " WHERE bucket LIKE '" + estate.prefix + "%' AND id = 'seen'")) {
            assertTrue(rs.next());
            assertEquals("ORC", rs.getString(1));
        }
    }

    @Test
    void execPutAndShowMethodsLikeStackql() throws SQLException {
        String json = "{\"Id\":\"via-exec\",\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":{"
                + "\"Bucket\":\"arn:aws:s3:::exec-reports\",\"Format\":\"CSV\"}},\"IncludedObjectVersions\":\"All\","
                + "\"Schedule\":{\"Frequency\":\"Daily\"}}";
        try (Statement st = connection.createStatement()) {
            assertFalse(st.execute("EXEC aws.s3.bucket_inventory_configurations.bucket_inventory_configurations_Put "
                    + "@bucket='" + bucket(0) + "', @id='via-exec', @@json='" + json + "'"));
            assertEquals(1, st.getUpdateCount());
        }
        assertEquals("arn:aws:s3:::exec-reports", read(0, "via-exec").orElseThrow().destination().s3BucketDestination()
                .bucket());
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW METHODS IN aws.s3.bucket_inventory_configurations")) {
            assertEquals("MethodName", rs.getMetaData().getColumnLabel(1));
            assertEquals("AccessibleBy", rs.getMetaData().getColumnLabel(2));
            assertEquals("RequiredParams", rs.getMetaData().getColumnLabel(3));
            assertEquals("Description", rs.getMetaData().getColumnLabel(4));
            List<String> methods = new ArrayList<>();
            while (rs.next()) {
                methods.add(rs.getString("MethodName") + ":" + rs.getString("AccessibleBy"));
            }
            assertEquals(List.of("bucket_inventory_configurations_Get:SELECT", "bucket_inventory_configurations_List:SELECT",
                    "bucket_inventory_configurations_Delete:DELETE", "bucket_inventory_configurations_Put:EXEC"), methods);
        }
    }

    @Test
    void batchOfPreparedInsertsAsSpringSendsThem() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency, filter_prefix) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (String id : List.of("batch-1", "batch-2")) {
                ps.setString(1, bucket(4));
                ps.setString(2, id);
                ps.setString(3, "arn:aws:s3:::batch");
                ps.setString(4, "CSV");
                ps.setString(5, "Daily");
                ps.setNull(6, Types.OTHER);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
        }
        assertTrue(read(4, "batch-1").isPresent());
        assertTrue(read(4, "batch-2").isPresent());
    }

    @Test
    void updateOfConfigurationJsonReplacesTheWholeConfiguration() throws SQLException {
        update("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency, "
                + "optional_fields) VALUES ('" + bucket(0) + "', 'replace-me', 'arn:aws:s3:::old', 'CSV', 'Daily', 'Size')");
        String json = "{\"Id\":\"replace-me\",\"IsEnabled\":false,\"Destination\":{\"S3BucketDestination\":{"
                + "\"Bucket\":\"arn:aws:s3:::new-reports\",\"Format\":\"ORC\"}},\"IncludedObjectVersions\":\"Current\","
                + "\"Schedule\":{\"Frequency\":\"Weekly\"}}";
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
                + " SET configuration_json = ? WHERE bucket = ? AND id = 'replace-me'")) {
            ps.setString(1, json);
            ps.setString(2, bucket(0));
            assertEquals(1, ps.executeUpdate());
        }
        InventoryConfiguration expected = InventoryConfiguration.builder().id("replace-me").isEnabled(false)
                .includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                .schedule(s -> s.frequency(InventoryFrequency.WEEKLY))
                .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::new-reports").format(InventoryFormat.ORC)))
                .build();
        assertEquals(Optional.of(expected), read(0, "replace-me"));
    }

    @Test
    void describeAndShowTables() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE aws.s3.bucket_inventory_configurations")) {
            while (rs.next()) {
                columns.add(rs.getString("column_name") + ":" + rs.getString("type") + ":" + rs.getBoolean("primary_key"));
            }
        }
        assertEquals(15, columns.size());
        assertEquals("bucket:VARCHAR:true", columns.get(0));
        assertEquals("is_enabled:BOOLEAN:false", columns.get(3));
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW TABLES")) {
            while (rs.next()) {
                tables.add(rs.getString("table_catalog") + "." + rs.getString("table_schema") + "." + rs.getString("table_name"));
            }
        }
        assertEquals(List.of("aws.s3.buckets", "aws.s3.bucket_inventory_configurations"), tables);
    }
}
