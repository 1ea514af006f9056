package dev.s3inventory.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryDestination;
import software.amazon.awssdk.services.s3.model.InventoryEncryption;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.InventoryS3BucketDestination;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.SSEKMS;
import software.amazon.awssdk.services.s3.model.SSES3;

/**
 * The demo estate behind {@code bin/s3inventory}: a small, realistic company account ("acme") on a
 * LocalStack endpoint, with the inventory mistakes people actually make: disabled configurations,
 * weekly instead of daily, CSV instead of Parquet, no optional fields, reports sent to another
 * account or another region, several configurations on one bucket, and buckets with none at all.
 *
 * <p>The estate lives in its own LocalStack account, {@value #ACCESS_KEY_ID} (LocalStack takes an access key
 * id of twelve digits as the account id), so that the demo shows only its own buckets even on a
 * LocalStack that tests or other work share, and the cookbook's outputs stay exact.
 *
 * <p>Seeding is idempotent: a bucket that already exists is left exactly as it is (with whatever
 * the user changed through SQL), so it is cheap to call before every session. Uses only the 13
 * optional fields LocalStack 4.13.1 accepts (not ObjectAccessControlList, ObjectOwner or
 * LifecycleExpirationDate).
 */
public final class DemoEstate {
    /** The demo account's access key id: on LocalStack, the account id the estate lives in. */
    public static final String ACCESS_KEY_ID = "123456789012";
    /** LocalStack accepts any secret. */
    public static final String SECRET_ACCESS_KEY = "test";
    /** Buckets in the estate. */
    public static final int BUCKET_COUNT;
    /** Inventory configurations over all buckets. */
    public static final int CONFIGURATION_COUNT;
    /** Buckets without any inventory configuration. */
    public static final int BUCKETS_WITHOUT_CONFIGURATION;
    /** Buckets per region, in the order regions first appear. */
    public static final Map<String, Integer> BUCKETS_PER_REGION;

    private static final InventoryFrequency DAILY = InventoryFrequency.DAILY;
    private static final InventoryFrequency WEEKLY = InventoryFrequency.WEEKLY;
    private static final InventoryIncludedObjectVersions ALL = InventoryIncludedObjectVersions.ALL;
    private static final InventoryIncludedObjectVersions CURRENT = InventoryIncludedObjectVersions.CURRENT;
    private static final InventoryFormat CSV = InventoryFormat.CSV;
    private static final InventoryFormat ORC = InventoryFormat.ORC;
    private static final InventoryFormat PARQUET = InventoryFormat.PARQUET;

    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String APAC = "ap-southeast-2";
    /** A central security account that receives some of the reports (the estate's own is 123456789012). */
    private static final String SECURITY_ACCOUNT = "210987654321";
    private static final String KMS_US = "arn:aws:kms:us-east-1:123456789012:key/1f0e6c1a-4b7d-4e52-9a1e-7c2d5f9b3a10";
    private static final String KMS_EU = "arn:aws:kms:eu-west-1:123456789012:key/8c3b2a71-0d4e-4f8a-b6c5-2e9d1a7f4c63";
    private static final String KMS_APAC = "arn:aws:kms:ap-southeast-2:123456789012:key/5a9d7e20-6c1b-4d3f-8e2a-b4f0c9e1d785";
    private static final String SECURITY_KMS = "arn:aws:kms:us-east-1:210987654321:key/e7b4c2d9-3a6f-4b1e-9d8c-0f5a2b7e6c14";

    private static final List<DemoBucket> BUCKETS = estate();

    static {
        int configurations = 0;
        int without = 0;
        Map<String, Integer> perRegion = new LinkedHashMap<>();
        for (DemoBucket b : BUCKETS) {
            configurations += b.configurations().size();
            without += b.configurations().isEmpty() ? 1 : 0;
            perRegion.merge(b.region(), 1, Integer::sum);
        }
        BUCKET_COUNT = BUCKETS.size();
        CONFIGURATION_COUNT = configurations;
        BUCKETS_WITHOUT_CONFIGURATION = without;
        BUCKETS_PER_REGION = Collections.unmodifiableMap(perRegion);
    }

    private DemoEstate() {
    }

    private record DemoBucket(String name, String region, List<InventoryConfiguration> configurations) {
    }

    /** The names of the estate's buckets, in creation order. */
    public static List<String> bucketNames() {
        return BUCKETS.stream().map(DemoBucket::name).toList();
    }

    /**
     * Creates the estate on an S3 endpoint (LocalStack: path-style, the demo account's credentials),
     * skipping buckets that already exist. Returns a one-paragraph summary.
     *
     * @throws RuntimeException (an SDK exception) when the endpoint cannot be reached or refuses a call
     */
    public static String seed(URI endpoint) {
        SdkHttpClient http = Apache5HttpClient.builder().build();
        Map<String, S3Client> clients = new HashMap<>();
        try {
            S3Client home = client(clients, http, endpoint, US);
            Set<String> existing = new HashSet<>();
            for (ListBucketsResponse page : home.listBucketsPaginator(r -> r.maxBuckets(1000))) {
                page.buckets().stream().map(Bucket::name).forEach(existing::add);
            }
            List<String> created = new ArrayList<>();
            int configurationsPut = 0;
            for (DemoBucket bucket : BUCKETS) {
                if (existing.contains(bucket.name())) {
                    continue;
                }
                S3Client s3 = client(clients, http, endpoint, bucket.region());
                try {
                    if (bucket.region().equals(US)) {
                        s3.createBucket(r -> r.bucket(bucket.name()));
                    } else {
                        s3.createBucket(r -> r.bucket(bucket.name()).createBucketConfiguration(
                                c -> c.locationConstraint(BucketLocationConstraint.fromValue(bucket.region()))));
                    }
                } catch (BucketAlreadyOwnedByYouException raced) {
                    continue; // another seeder was faster; its bucket is as good as ours
                } catch (BucketAlreadyExistsException taken) {
                    // Bucket names are global: another account of this LocalStack (an older demo seeded with
                    // test/test, or someone's test) holds the name.
                    throw new IllegalStateException("bucket " + bucket.name() + " exists in another account of the "
                            + "LocalStack at " + endpoint + "; restart that LocalStack (bash .ci/localstack.sh stop, "
                            + "then start) to seed the demo afresh", taken);
                }
                created.add(bucket.name());
                for (InventoryConfiguration c : bucket.configurations()) {
                    s3.putBucketInventoryConfiguration(r -> r.bucket(bucket.name()).id(c.id()).inventoryConfiguration(c));
                    configurationsPut++;
                }
            }
            return summary(endpoint, created.size(), configurationsPut);
        } finally {
            clients.values().forEach(S3Client::close);
            http.close();
        }
    }

    /**
     * Removes every bucket of the demo account (its inventory configurations first), so that the next
     * {@link #seed} creates the estate afresh: {@code --reset-demo} undoes whatever was changed in it.
     * Only the demo's own LocalStack account is touched. Returns how many buckets were removed.
     */
    public static int reset(URI endpoint) {
        SdkHttpClient http = Apache5HttpClient.builder().build();
        Map<String, S3Client> clients = new HashMap<>();
        try {
            S3Client home = client(clients, http, endpoint, US);
            int removed = 0;
            for (ListBucketsResponse page : home.listBucketsPaginator(r -> r.maxBuckets(1000))) {
                for (Bucket b : page.buckets()) {
                    String region = b.bucketRegion() == null || b.bucketRegion().isEmpty() ? US : b.bucketRegion();
                    S3Client s3 = client(clients, http, endpoint, region);
                    String token = null;
                    do {
                        String continuation = token;
                        var list = s3.listBucketInventoryConfigurations(r -> r.bucket(b.name())
                                .continuationToken(continuation));
                        for (InventoryConfiguration c : list.inventoryConfigurationList()) {
                            s3.deleteBucketInventoryConfiguration(r -> r.bucket(b.name()).id(c.id()));
                        }
                        token = Boolean.TRUE.equals(list.isTruncated()) ? list.nextContinuationToken() : null;
                    } while (token != null);
                    s3.deleteBucket(r -> r.bucket(b.name()));
                    removed++;
                }
            }
            return removed;
        } finally {
            clients.values().forEach(S3Client::close);
            http.close();
        }
    }

    private static String summary(URI endpoint, int createdBuckets, int createdConfigurations) {
        StringJoiner regions = new StringJoiner(", ");
        BUCKETS_PER_REGION.forEach((region, count) -> regions.add(count + " in " + region));
        String now = createdBuckets == 0
                ? "All of them already existed and were left as they are."
                : createdBuckets == BUCKET_COUNT
                        ? "Created all of them now."
                        : "Created " + createdBuckets + " missing bucket(s) with " + createdConfigurations
                                + " configuration(s) now; the others already existed and were left as they are.";
        return "Demo estate at " + endpoint + ": " + BUCKET_COUNT + " buckets named acme-* (" + regions + "); "
                + (BUCKET_COUNT - BUCKETS_WITHOUT_CONFIGURATION) + " of them have " + CONFIGURATION_COUNT
                + " inventory configurations between them and " + BUCKETS_WITHOUT_CONFIGURATION + " have none. "
                + now;
    }

    private static S3Client client(Map<String, S3Client> clients, SdkHttpClient http, URI endpoint, String region) {
        return clients.computeIfAbsent(region, r -> S3Client.builder()
                .httpClient(http)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build());
    }

    // ---- the estate ------------------------------------------------------------------------------

    private static List<DemoBucket> estate() {
        List<DemoBucket> b = new ArrayList<>();
        String usReports = "arn:aws:s3:::acme-inventory-reports";
        String euReports = "arn:aws:s3:::acme-eu-inventory-reports";
        String apacReports = "arn:aws:s3:::acme-apac-inventory-reports";
        String security = "arn:aws:s3:::acme-security-central-inventory";

        // us-east-1: headquarters
        b.add(bucket("acme-prod-logs", US,
                config("daily-parquet", true, DAILY, CURRENT, null,
                        dest(usReports, PARQUET, "acme-prod-logs", null, sseS3()),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.STORAGE_CLASS, InventoryOptionalField.E_TAG)));
        b.add(bucket("acme-prod-data-lake", US,
                config("full-daily", true, DAILY, ALL, null,
                        dest(usReports, PARQUET, "acme-prod-data-lake", null, sseKms(KMS_US)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.STORAGE_CLASS, InventoryOptionalField.E_TAG,
                        InventoryOptionalField.IS_MULTIPART_UPLOADED, InventoryOptionalField.REPLICATION_STATUS,
                        InventoryOptionalField.ENCRYPTION_STATUS, InventoryOptionalField.INTELLIGENT_TIERING_ACCESS_TIER,
                        InventoryOptionalField.BUCKET_KEY_STATUS, InventoryOptionalField.CHECKSUM_ALGORITHM),
                config("raw-zone", true, WEEKLY, CURRENT, "raw/",
                        dest(usReports, CSV, "acme-prod-data-lake/raw", null, null),
                        InventoryOptionalField.SIZE)));
        b.add(bucket("acme-prod-backups", US,
                config("weekly-csv", true, WEEKLY, ALL, null,
                        dest(usReports, CSV, "acme-prod-backups", null, null),
                        InventoryOptionalField.SIZE, InventoryOptionalField.STORAGE_CLASS)));
        b.add(bucket("acme-prod-web-assets", US));
        b.add(bucket("acme-prod-cloudtrail", US,
                config("security-audit", true, DAILY, ALL, "AWSLogs/",
                        dest(security, ORC, "cloudtrail", SECURITY_ACCOUNT, sseKms(SECURITY_KMS)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.ENCRYPTION_STATUS, InventoryOptionalField.OBJECT_LOCK_MODE,
                        InventoryOptionalField.OBJECT_LOCK_RETAIN_UNTIL_DATE,
                        InventoryOptionalField.OBJECT_LOCK_LEGAL_HOLD_STATUS)));
        b.add(bucket("acme-dev-scratch", US));
        b.add(bucket("acme-dev-artifacts", US,
                config("daily-csv", false, DAILY, CURRENT, null,
                        dest(usReports, CSV, null, null, null))));
        b.add(bucket("acme-finance-reports", US,
                config("finance-daily", true, DAILY, ALL, null,
                        dest(usReports, PARQUET, "acme-finance-reports", null, sseKms(KMS_US)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.ENCRYPTION_STATUS, InventoryOptionalField.OBJECT_LOCK_MODE,
                        InventoryOptionalField.OBJECT_LOCK_RETAIN_UNTIL_DATE),
                config("finance-legacy", false, WEEKLY, CURRENT, "archive/",
                        dest(usReports, CSV, "legacy", null, null),
                        InventoryOptionalField.SIZE)));
        b.add(bucket("acme-inventory-reports", US));
        b.add(bucket("acme-terraform-state", US));

        // eu-west-1: the European subsidiary
        b.add(bucket("acme-eu-prod-logs", EU,
                config("daily-parquet", true, DAILY, CURRENT, null,
                        dest(euReports, PARQUET, "acme-eu-prod-logs", null, sseS3()),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.STORAGE_CLASS)));
        b.add(bucket("acme-eu-prod-data-lake", EU,
                config("full-daily", true, DAILY, ALL, null,
                        dest(euReports, PARQUET, "acme-eu-prod-data-lake", null, sseKms(KMS_EU)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.STORAGE_CLASS, InventoryOptionalField.E_TAG,
                        InventoryOptionalField.REPLICATION_STATUS, InventoryOptionalField.ENCRYPTION_STATUS),
                config("curated-zone", true, WEEKLY, CURRENT, "curated/",
                        dest(euReports, ORC, "acme-eu-prod-data-lake/curated", null, null),
                        InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG)));
        // Reports land in the US bucket: another region than the source, which S3 does not allow.
        b.add(bucket("acme-eu-customer-exports", EU,
                config("exports", true, WEEKLY, CURRENT, "exports/",
                        dest(usReports, CSV, null, null, null))));
        b.add(bucket("acme-eu-gdpr-archive", EU,
                config("security-audit", true, DAILY, ALL, null,
                        dest(security, PARQUET, "gdpr-archive", SECURITY_ACCOUNT, sseKms(SECURITY_KMS)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.ENCRYPTION_STATUS,
                        InventoryOptionalField.OBJECT_LOCK_MODE, InventoryOptionalField.OBJECT_LOCK_RETAIN_UNTIL_DATE,
                        InventoryOptionalField.OBJECT_LOCK_LEGAL_HOLD_STATUS)));
        b.add(bucket("acme-eu-dev-scratch", EU));
        b.add(bucket("acme-eu-marketing-media", EU,
                config("media-weekly", false, WEEKLY, CURRENT, null,
                        dest(euReports, CSV, "acme-eu-marketing-media", null, null),
                        InventoryOptionalField.SIZE, InventoryOptionalField.STORAGE_CLASS)));
        b.add(bucket("acme-eu-ml-datasets", EU,
                config("tiering-daily", true, DAILY, CURRENT, "datasets/",
                        dest(euReports, PARQUET, "acme-eu-ml-datasets", null, sseS3()),
                        InventoryOptionalField.SIZE, InventoryOptionalField.STORAGE_CLASS,
                        InventoryOptionalField.INTELLIGENT_TIERING_ACCESS_TIER)));
        b.add(bucket("acme-eu-inventory-reports", EU));

        // ap-southeast-2: the Sydney office
        b.add(bucket("acme-apac-prod-logs", APAC,
                config("daily-csv", true, DAILY, CURRENT, null,
                        dest(apacReports, CSV, "acme-apac-prod-logs", null, null),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE)));
        b.add(bucket("acme-apac-prod-data-lake", APAC,
                config("full-daily", true, DAILY, ALL, null,
                        dest(apacReports, PARQUET, "acme-apac-prod-data-lake", null, sseKms(KMS_APAC)),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE,
                        InventoryOptionalField.STORAGE_CLASS, InventoryOptionalField.E_TAG,
                        InventoryOptionalField.CHECKSUM_ALGORITHM),
                config("full-weekly", true, WEEKLY, ALL, null,
                        dest(apacReports, CSV, "acme-apac-prod-data-lake/weekly", null, null),
                        InventoryOptionalField.SIZE),
                config("tmp-check", false, DAILY, CURRENT, "tmp/",
                        dest(apacReports, CSV, null, null, null))));
        b.add(bucket("acme-apac-mobile-uploads", APAC));
        b.add(bucket("acme-apac-analytics", APAC,
                config("partner-share", true, WEEKLY, CURRENT, "shared/",
                        dest("arn:aws:s3:::globex-partner-inventory", ORC, null, "345678901234", null),
                        InventoryOptionalField.SIZE, InventoryOptionalField.LAST_MODIFIED_DATE)));
        b.add(bucket("acme-apac-dev-scratch", APAC));
        b.add(bucket("acme-apac-backups", APAC,
                config("weekly-csv", true, WEEKLY, ALL, null,
                        dest(apacReports, CSV, "acme-apac-backups", null, null))));
        return List.copyOf(b);
    }

    private static DemoBucket bucket(String name, String region, InventoryConfiguration... configurations) {
        return new DemoBucket(name, region, List.of(configurations));
    }

    private static InventoryConfiguration config(String id, boolean enabled, InventoryFrequency frequency,
            InventoryIncludedObjectVersions versions, String filterPrefix, InventoryS3BucketDestination destination,
            InventoryOptionalField... fields) {
        InventoryConfiguration.Builder c = InventoryConfiguration.builder()
                .id(id)
                .isEnabled(enabled)
                .schedule(s -> s.frequency(frequency))
                .includedObjectVersions(versions)
                .destination(InventoryDestination.builder().s3BucketDestination(destination).build());
        if (filterPrefix != null) {
            c.filter(f -> f.prefix(filterPrefix));
        }
        if (fields.length > 0) {
            c.optionalFields(fields);
        }
        return c.build();
    }

    private static InventoryS3BucketDestination dest(String bucketArn, InventoryFormat format, String prefix,
            String accountId, InventoryEncryption encryption) {
        return InventoryS3BucketDestination.builder()
                .bucket(bucketArn)
                .format(format)
                .prefix(prefix)
                .accountId(accountId)
                .encryption(encryption)
                .build();
    }

    private static InventoryEncryption sseS3() {
        return InventoryEncryption.builder().sses3(SSES3.builder().build()).build();
    }

    private static InventoryEncryption sseKms(String keyArn) {
        return InventoryEncryption.builder().ssekms(SSEKMS.builder().keyId(keyArn).build()).build();
    }
}
