package dev.s3inventory.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;

/**
 * The reference engine of the differential tests: H2 in memory, holding the same two tables as the
 * driver, filled with rows read independently through the AWS SDK (never through the driver).
 *
 * <p>H2 runs in PostgreSQL mode only because that mode accepts {@code GROUP BY 1} (ordinals); the
 * schema is named {@code s3} and catalog names are ignored (each database has its own name, {@code aws},
 * {@code aws2}, ..., as the differential suite loads one per S3 it runs against), so the driver's 1-, 2- and
 * 3-part names work unchanged, and NULLs sort low as the driver documents.
 */
public final class ReferenceDatabase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int databases;

    private ReferenceDatabase() {
    }

    /** A fresh H2 database loaded with what the given LocalStack account holds. */
    public static Connection load(String accountId) throws SQLException {
        return load(region -> LocalStackEnvironment.sdkForAccount(accountId, region));
    }

    /** A fresh H2 database loaded with what the in-process server holds. */
    public static Connection load(FakeS3Server s3) throws SQLException {
        Map<String, S3Client> clients = new HashMap<>();
        try {
            return load(region -> clients.computeIfAbsent(region, r -> s3.clientBuilder(r).build()));
        } finally {
            clients.values().forEach(S3Client::close);
        }
    }

    /** A fresh H2 database loaded with what S3 holds, read through {@code sdk} (an SDK client per region). */
    private static synchronized Connection load(Function<String, S3Client> sdk) throws SQLException {
        String name = "aws" + (databases++ == 0 ? "" : String.valueOf(databases));
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=LOW;IGNORE_CATALOGS=TRUE;DB_CLOSE_DELAY=-1");
        try (Statement st = h2.createStatement()) {
            st.execute("CREATE SCHEMA s3");
            st.execute("SET SCHEMA s3");
            st.execute("CREATE TABLE buckets (name VARCHAR NOT NULL PRIMARY KEY, region VARCHAR NOT NULL, "
                    + "creation_date TIMESTAMP)");
            st.execute("CREATE TABLE bucket_inventory_configurations (bucket VARCHAR NOT NULL, id VARCHAR NOT NULL, "
                    + "region VARCHAR NOT NULL, is_enabled BOOLEAN NOT NULL, included_object_versions VARCHAR NOT NULL, "
                    + "schedule_frequency VARCHAR NOT NULL, filter_prefix VARCHAR, destination_bucket_arn VARCHAR NOT NULL, "
                    + "destination_account_id VARCHAR, destination_format VARCHAR NOT NULL, destination_prefix VARCHAR, "
                    + "destination_encryption VARCHAR, destination_kms_key_id VARCHAR, optional_fields VARCHAR, "
                    + "configuration_json VARCHAR NOT NULL, PRIMARY KEY (bucket, id))");
        }
        S3Client home = sdk.apply("us-east-1");
        try (PreparedStatement bucketRow = h2.prepareStatement("INSERT INTO buckets VALUES (?, ?, ?)");
                PreparedStatement configRow = h2.prepareStatement("INSERT INTO bucket_inventory_configurations VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Bucket b : home.listBuckets(r -> r.maxBuckets(1000)).buckets()) {
                bucketRow.setString(1, b.name());
                bucketRow.setString(2, b.bucketRegion());
                // The contract: TIMESTAMP holding the UTC wall-clock time.
                bucketRow.setTimestamp(3, b.creationDate() == null ? null
                        : Timestamp.valueOf(LocalDateTime.ofInstant(b.creationDate(), ZoneOffset.UTC)));
                bucketRow.executeUpdate();
                S3Client regional = sdk.apply(b.bucketRegion());
                for (InventoryConfiguration c : regional.listBucketInventoryConfigurations(r -> r.bucket(b.name()))
                        .inventoryConfigurationList()) {
                    List<Object> row = ExpectedRows.row(b.name(), b.bucketRegion(), c);
                    for (int i = 0; i < 14; i++) {
                        configRow.setObject(i + 1, row.get(i));
                    }
                    configRow.setString(15, jsonText(row.get(14)));
                    configRow.executeUpdate();
                }
            }
        }
        return h2;
    }

    private static String jsonText(Object tree) throws SQLException {
        try {
            return JSON.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot write JSON", e);
        }
    }
}
