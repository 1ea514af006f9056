package dev.s3inventory.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryEncryption;
import software.amazon.awssdk.services.s3.model.InventoryS3BucketDestination;
import software.amazon.awssdk.services.s3.model.SSEKMS;
import software.amazon.awssdk.services.s3.model.SSES3;

/**
 * The fixed estate the SQL dialect is proven on (golden files name its buckets): twelve buckets in
 * four regions, five without any configuration, and configurations that put a NULL in every
 * nullable column, repeat ids and values across buckets, and carry LIKE's wildcards ({@code _}, {@code %})
 * and a quote in their values. On LocalStack it lives in its own account, so no other test's buckets
 * appear in its queries; seeding replaces whatever an earlier run left there. {@link #seed(FakeS3Server)}
 * puts the same estate on the in-process server, through the same SDK calls for the configurations. The
 * one NULL it cannot hold is a bucket without a creation date: S3 always reports one. Creation dates change with every
 * seeding, so golden queries test them (IS NULL, comparisons) but never print them.
 */
public final class DialectEstate {
    /** LocalStack account of this estate (a 12-digit access key id selects it). */
    public static final String ACCOUNT = "314159265358";
    public static final String CENTRAL = "arn:aws:s3:::dx-central-inventory";
    public static final String REPORTS = "arn:aws:s3:::dx-inventory-reports";

    /** Bucket name → region, in name order. */
    public static final Map<String, String> BUCKETS = new LinkedHashMap<>();
    /** Bucket name → its configurations. */
    public static final Map<String, List<InventoryConfiguration>> CONFIGURATIONS = new LinkedHashMap<>();

    static {
        bucket("dx-app-logs", "us-east-1",
                config("daily-csv").daily().all().csv(REPORTS).build(),
                config("weekly_orc").disabled().weekly().current().filter("logs/").orc(CENTRAL).account("123456789012")
                        .prefix("weekly/app-logs").sseS3().fields("Size", "ETag", "StorageClass").build());
        bucket("dx-archive", "eu-west-1",
                config("daily-csv").daily().all().csv(CENTRAL).build(),
                config("glacier-audit").weekly().all().parquet(REPORTS).prefix("archive/")
                        .fields("StorageClass", "ObjectLockMode", "ObjectLockRetainUntilDate").build());
        bucket("dx-backups", "us-west-2");
        bucket("dx-billing", "eu-west-1",
                config("Compliance-Weekly").weekly().current().parquet(CENTRAL).account("210987654321").prefix("compliance/")
                        .sseKms("arn:aws:kms:eu-west-1:210987654321:key/billing")
                        .fields("LastModifiedDate", "EncryptionStatus").build(),
                config("daily-csv").daily().all().csv(REPORTS).build());
        bucket("dx-data-lake", "ap-southeast-2",
                config("100%-sample").daily().current().filter("sample/").orc(REPORTS).fields("Size").build(),
                config("daily-csv").daily().all().filter("raw/").csv(REPORTS).build(),
                config("dailyXcsv").disabled().daily().all().csv(REPORTS).prefix("x/").build(),
                config("weekly_orc").weekly().all().orc(CENTRAL).account("123456789012").sseS3().build());
        bucket("dx-empty-eu", "eu-west-1");
        bucket("dx-media", "us-east-1",
                config("thumbnails").weekly().all().filter("o'brien/").parquet(REPORTS)
                        .fields("ReplicationStatus", "IsMultipartUploaded").build());
        bucket("dx-ml-training", "us-west-2",
                config("weekly_orc").weekly().current().filter("datasets/").orc(CENTRAL).fields("Size", "ETag").build());
        bucket("dx-public-site", "ap-southeast-2");
        bucket("dx-reports", "ap-southeast-2",
                config("Compliance-Weekly").disabled().weekly().all().csv(CENTRAL).account("210987654321")
                        .sseKms("arn:aws:kms:ap-southeast-2:210987654321:key/reports").build());
        bucket("dx-staging", "us-west-2",
                config("daily-csv").disabled().daily().current().csv(REPORTS).build());
        bucket("dx-web-assets", "us-east-1");
    }

    private DialectEstate() {
    }

    private static void bucket(String name, String region, InventoryConfiguration... configurations) {
        BUCKETS.put(name, region);
        CONFIGURATIONS.put(name, List.of(configurations));
    }

    /** Makes the account hold exactly this estate: deletes its buckets, then creates and configures them again. */
    public static void seed() {
        S3Client home = LocalStackEnvironment.sdkForAccount(ACCOUNT, "us-east-1");
        for (Bucket b : home.listBuckets(r -> r.maxBuckets(1000)).buckets()) {
            LocalStackEnvironment.sdkForAccount(ACCOUNT, b.bucketRegion() == null ? "us-east-1" : b.bucketRegion())
                    .deleteBucket(r -> r.bucket(b.name()));
        }
        for (Map.Entry<String, String> b : BUCKETS.entrySet()) {
            String bucket = b.getKey();
            String region = b.getValue();
            S3Client s3 = LocalStackEnvironment.sdkForAccount(ACCOUNT, region);
            if (region.equals("us-east-1")) {
                s3.createBucket(r -> r.bucket(bucket));
            } else {
                s3.createBucket(r -> r.bucket(bucket)
                        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
            }
            for (InventoryConfiguration c : CONFIGURATIONS.get(bucket)) {
                s3.putBucketInventoryConfiguration(r -> r.bucket(bucket).id(c.id()).inventoryConfiguration(c));
            }
        }
    }

    /** Puts the estate on a fresh in-process server: its buckets, then each configuration through the SDK. */
    public static void seed(FakeS3Server s3) {
        Map<String, S3Client> clients = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> b : BUCKETS.entrySet()) {
                s3.addBucket(b.getKey(), b.getValue());
                S3Client client = clients.computeIfAbsent(b.getValue(), r -> s3.clientBuilder(r).build());
                for (InventoryConfiguration c : CONFIGURATIONS.get(b.getKey())) {
                    client.putBucketInventoryConfiguration(r -> r.bucket(b.getKey()).id(c.id()).inventoryConfiguration(c));
                }
            }
        } finally {
            clients.values().forEach(S3Client::close);
        }
    }

    private static Spec config(String id) {
        return new Spec(id);
    }

    /** A readable way to write one configuration; enabled by default. */
    private static final class Spec {
        private final InventoryConfiguration.Builder b;
        private final InventoryS3BucketDestination.Builder d = InventoryS3BucketDestination.builder();
        private final List<String> fields = new ArrayList<>();

        Spec(String id) {
            b = InventoryConfiguration.builder().id(id).isEnabled(true);
        }

        Spec disabled() {
            b.isEnabled(false);
            return this;
        }

        Spec daily() {
            b.schedule(s -> s.frequency("Daily"));
            return this;
        }

        Spec weekly() {
            b.schedule(s -> s.frequency("Weekly"));
            return this;
        }

        Spec all() {
            b.includedObjectVersions("All");
            return this;
        }

        Spec current() {
            b.includedObjectVersions("Current");
            return this;
        }

        Spec filter(String prefix) {
            b.filter(f -> f.prefix(prefix));
            return this;
        }

        Spec csv(String arn) {
            d.bucket(arn).format("CSV");
            return this;
        }

        Spec orc(String arn) {
            d.bucket(arn).format("ORC");
            return this;
        }

        Spec parquet(String arn) {
            d.bucket(arn).format("Parquet");
            return this;
        }

        Spec account(String id) {
            d.accountId(id);
            return this;
        }

        Spec prefix(String prefix) {
            d.prefix(prefix);
            return this;
        }

        Spec sseS3() {
            d.encryption(InventoryEncryption.builder().sses3(SSES3.builder().build()).build());
            return this;
        }

        Spec sseKms(String key) {
            d.encryption(InventoryEncryption.builder().ssekms(SSEKMS.builder().keyId(key).build()).build());
            return this;
        }

        Spec fields(String... names) {
            fields.addAll(List.of(names));
            return this;
        }

        InventoryConfiguration build() {
            if (!fields.isEmpty()) {
                b.optionalFieldsWithStrings(fields);
            }
            return b.destination(x -> x.s3BucketDestination(d.build())).build();
        }
    }
}
