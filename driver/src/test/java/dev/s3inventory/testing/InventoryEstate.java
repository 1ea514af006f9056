package dev.s3inventory.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryEncryption;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.SSEKMS;
import software.amazon.awssdk.services.s3.model.SSES3;

/**
 * Seeds LocalStack, through the AWS SDK, with buckets in several regions and varied inventory
 * configurations (every column shape: nulls, encryptions, formats, optional fields), all named with
 * a unique prefix so that tests sharing one LocalStack do not see each other's data.
 */
public final class InventoryEstate {
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

    public final String prefix;
    public final List<String> buckets = new ArrayList<>();
    public final List<String> bucketRegions = new ArrayList<>();

    private InventoryEstate(String prefix) {
        this.prefix = prefix;
    }

    /** Creates {@code bucketCount} buckets round-robin over {@link #REGIONS}; bucket i gets i % 4 configurations. */
    public static InventoryEstate seed(String testName, int bucketCount) {
        String prefix = (testName + "-" + UUID.randomUUID().toString().substring(0, 8) + "-").toLowerCase(Locale.ROOT);
        InventoryEstate estate = new InventoryEstate(prefix);
        for (int i = 0; i < bucketCount; i++) {
            String region = REGIONS.get(i % REGIONS.size());
            String bucket = prefix + String.format("%03d", i);
            createBucket(bucket, region);
            estate.buckets.add(bucket);
            estate.bucketRegions.add(region);
            for (int c = 0; c < i % 4; c++) {
                InventoryConfiguration configuration = configuration(bucket, c);
                LocalStackEnvironment.sdk(region).putBucketInventoryConfiguration(r -> r.bucket(bucket)
                        .id(configuration.id()).inventoryConfiguration(configuration));
            }
        }
        return estate;
    }

    public static void createBucket(String bucket, String region) {
        S3Client s3 = LocalStackEnvironment.sdk(region);
        if (region.equals("us-east-1")) {
            s3.createBucket(b -> b.bucket(bucket));
        } else {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
        }
    }

    public static String configurationId(int variant) {
        return new String[] {"daily-csv", "weekly-orc", "parquet-kms"}[variant % 3];
    }

    /** Three shapes that together cover every column, nulls included. */
    public static InventoryConfiguration configuration(String bucket, int variant) {
        InventoryConfiguration.Builder b = InventoryConfiguration.builder().id(configurationId(variant));
        switch (variant % 3) {
            case 0:
                return b.isEnabled(true).includedObjectVersions(InventoryIncludedObjectVersions.ALL)
                        .schedule(s -> s.frequency(InventoryFrequency.DAILY))
                        .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::" + bucket + "-reports")
                                .format(InventoryFormat.CSV)))
                        .build();
            case 1:
                return b.isEnabled(false).includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                        .schedule(s -> s.frequency(InventoryFrequency.WEEKLY))
                        .filter(f -> f.prefix("logs/"))
                        .optionalFields(InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG,
                                InventoryOptionalField.STORAGE_CLASS)
                        .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::central-inventory")
                                .accountId("123456789012").format(InventoryFormat.ORC).prefix("weekly/" + bucket)
                                .encryption(InventoryEncryption.builder().sses3(SSES3.builder().build()).build())))
                        .build();
            default:
                return b.isEnabled(true).includedObjectVersions(InventoryIncludedObjectVersions.ALL)
                        .schedule(s -> s.frequency(InventoryFrequency.DAILY))
                        .optionalFields(InventoryOptionalField.LAST_MODIFIED_DATE,
                                InventoryOptionalField.ENCRYPTION_STATUS)
                        .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::kms-reports")
                                .format(InventoryFormat.PARQUET).prefix("p/")
                                .encryption(InventoryEncryption.builder().ssekms(SSEKMS.builder()
                                        .keyId("arn:aws:kms:us-east-1:123456789012:key/abc").build()).build())))
                        .build();
        }
    }
}
