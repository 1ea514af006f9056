package dev.s3inventory.schema;

import static dev.s3inventory.schema.SqlType.BOOLEAN;
import static dev.s3inventory.schema.SqlType.TIMESTAMP;
import static dev.s3inventory.schema.SqlType.VARCHAR;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The driver's catalog {@code aws}, its one schema {@code s3}, and the tables in it, as fixed by
 * the product contract (product-spec.md). Column order here is the column order users see.
 */
public final class Catalog {
    public static final String CATALOG = "aws";
    public static final String SCHEMA = "s3";

    public static final TableDef INVENTORY_CONFIGURATIONS = new TableDef(
            "bucket_inventory_configurations",
            "One row per S3 bucket inventory configuration",
            List.of(
                    key("bucket", "Source bucket name"),
                    key("id", "Inventory configuration id"),
                    new Column("region", VARCHAR, false, false, "Source bucket's region (read-only)"),
                    data("is_enabled", BOOLEAN, false, "IsEnabled"),
                    data("included_object_versions", VARCHAR, false, "IncludedObjectVersions: All or Current"),
                    data("schedule_frequency", VARCHAR, false, "Schedule.Frequency: Daily or Weekly"),
                    data("filter_prefix", VARCHAR, true, "Filter.Prefix"),
                    data("destination_bucket_arn", VARCHAR, false,
                            "Destination.S3BucketDestination.Bucket, an ARN such as arn:aws:s3:::name"),
                    data("destination_account_id", VARCHAR, true, "Destination.S3BucketDestination.AccountId"),
                    data("destination_format", VARCHAR, false, "Destination.S3BucketDestination.Format: CSV, ORC or Parquet"),
                    data("destination_prefix", VARCHAR, true, "Destination.S3BucketDestination.Prefix"),
                    data("destination_encryption", VARCHAR, true, "SSE-S3, SSE-KMS or NULL"),
                    data("destination_kms_key_id", VARCHAR, true, "Destination.S3BucketDestination.Encryption.SSEKMS.KeyId"),
                    data("optional_fields", VARCHAR, true, "OptionalFields joined with ',' in API order; NULL when none"),
                    data("configuration_json", VARCHAR, false, "The whole configuration as JSON in the AWS CLI shape")),
            List.of("bucket", "id"),
            true);

    public static final TableDef BUCKETS = new TableDef(
            "buckets",
            "One row per S3 bucket of the account (read-only)",
            List.of(
                    new Column("name", VARCHAR, false, false, "Bucket name"),
                    new Column("region", VARCHAR, false, false, "Bucket region"),
                    new Column("creation_date", TIMESTAMP, true, false, "Creation date (UTC)")),
            List.of("name"),
            false);

    public static final List<TableDef> TABLES = List.of(BUCKETS, INVENTORY_CONFIGURATIONS);

    private Catalog() {
    }

    /**
     * Resolves a 1-, 2- or 3-part table name case-insensitively ({@code t}, {@code s3.t}, {@code aws.s3.t}).
     */
    public static Optional<TableDef> table(String catalog, String schema, String table) {
        if (catalog != null && !catalog.equalsIgnoreCase(CATALOG)) {
            return Optional.empty();
        }
        if (schema != null && !schema.equalsIgnoreCase(SCHEMA)) {
            return Optional.empty();
        }
        String wanted = table.toLowerCase(Locale.ROOT);
        return TABLES.stream().filter(t -> t.name().equals(wanted)).findFirst();
    }

    private static Column key(String name, String remarks) {
        return new Column(name, VARCHAR, false, true, remarks);
    }

    private static Column data(String name, SqlType type, boolean nullable, String remarks) {
        return new Column(name, type, nullable, true, remarks);
    }
}
