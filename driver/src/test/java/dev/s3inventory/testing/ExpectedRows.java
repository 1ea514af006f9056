package dev.s3inventory.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryS3BucketDestination;

/**
 * What the driver must return, computed from what the AWS SDK reads from S3 — written here,
 * independently of the driver's own mapping, so a mapping bug cannot hide on both sides.
 */
public final class ExpectedRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectedRows() {
    }

    /** Every configuration of every bucket whose name starts with prefix (null: all), as driver rows. */
    public static List<List<Object>> inventory(String prefix) {
        List<List<Object>> rows = new ArrayList<>();
        for (Bucket b : LocalStackEnvironment.sdk("us-east-1").listBuckets(r -> r.maxBuckets(1000)).buckets()) {
            if (prefix != null && !b.name().startsWith(prefix)) {
                continue;
            }
            String region = b.bucketRegion();
            for (InventoryConfiguration c : LocalStackEnvironment.sdk(region)
                    .listBucketInventoryConfigurations(r -> r.bucket(b.name())).inventoryConfigurationList()) {
                rows.add(row(b.name(), region, c));
            }
        }
        rows.sort(ExpectedRows::byBucketThenId);
        return rows;
    }

    public static List<Object> row(String bucket, String region, InventoryConfiguration c) {
        InventoryS3BucketDestination d = c.destination().s3BucketDestination();
        String encryption = null;
        String kms = null;
        if (d.encryption() != null && d.encryption().ssekms() != null) {
            encryption = "SSE-KMS";
            kms = d.encryption().ssekms().keyId();
        } else if (d.encryption() != null && d.encryption().sses3() != null) {
            encryption = "SSE-S3";
        }
        List<String> fields = c.hasOptionalFields() ? c.optionalFieldsAsStrings() : List.of();
        return Arrays.asList(bucket, c.id(), region, c.isEnabled(), c.includedObjectVersionsAsString(),
                c.schedule().frequencyAsString(), c.filter() == null ? null : c.filter().prefix(), d.bucket(),
                d.accountId(), d.formatAsString(), d.prefix(), encryption, kms,
                fields.isEmpty() ? null : String.join(",", fields), json(c));
    }

    /** The configuration in the AWS CLI JSON shape, as a parsed tree (key order does not matter). */
    public static ObjectNode json(InventoryConfiguration c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Id", c.id());
        root.put("IsEnabled", c.isEnabled());
        InventoryS3BucketDestination d = c.destination().s3BucketDestination();
        ObjectNode s3 = root.putObject("Destination").putObject("S3BucketDestination");
        if (d.accountId() != null) {
            s3.put("AccountId", d.accountId());
        }
        s3.put("Bucket", d.bucket());
        s3.put("Format", d.formatAsString());
        if (d.prefix() != null) {
            s3.put("Prefix", d.prefix());
        }
        if (d.encryption() != null) {
            ObjectNode enc = s3.putObject("Encryption");
            if (d.encryption().sses3() != null) {
                enc.putObject("SSES3");
            }
            if (d.encryption().ssekms() != null) {
                enc.putObject("SSEKMS").put("KeyId", d.encryption().ssekms().keyId());
            }
        }
        if (c.filter() != null) {
            ObjectNode filter = root.putObject("Filter");
            if (c.filter().prefix() != null) {
                filter.put("Prefix", c.filter().prefix());
            }
        }
        root.put("IncludedObjectVersions", c.includedObjectVersionsAsString());
        if (c.hasOptionalFields() && !c.optionalFieldsAsStrings().isEmpty()) {
            c.optionalFieldsAsStrings().forEach(root.putArray("OptionalFields")::add);
        }
        root.putObject("Schedule").put("Frequency", c.schedule().frequencyAsString());
        return root;
    }

    static int byBucketThenId(List<Object> a, List<Object> b) {
        int c = ((String) a.get(0)).compareTo((String) b.get(0));
        return c != 0 ? c : ((String) a.get(1)).compareTo((String) b.get(1));
    }

    /** Reads a driver row for comparison with {@link #row}: the JSON column parsed into a tree. */
    public static List<Object> readRow(java.sql.ResultSet rs) throws Exception {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            row.add(rs.getObject(i));
        }
        row.add(JSON.readTree(rs.getString(15)));
        return row;
    }
}
