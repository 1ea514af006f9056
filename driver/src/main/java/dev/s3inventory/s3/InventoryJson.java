package dev.s3inventory.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3inventory.Errors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryDestination;
import software.amazon.awssdk.services.s3.model.InventoryEncryption;
import software.amazon.awssdk.services.s3.model.InventoryFilter;
import software.amazon.awssdk.services.s3.model.InventoryS3BucketDestination;
import software.amazon.awssdk.services.s3.model.InventorySchedule;
import software.amazon.awssdk.services.s3.model.SSEKMS;
import software.amazon.awssdk.services.s3.model.SSES3;

/**
 * Converts between the SDK's {@link InventoryConfiguration} and the AWS JSON shape (what the AWS
 * CLI's {@code --inventory-configuration} takes): keys Id, IsEnabled, Destination, Filter,
 * IncludedObjectVersions, OptionalFields, Schedule. Enum values are read and written as strings so
 * that values newer than the SDK pass through unchanged.
 */
final class InventoryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private InventoryJson() {
    }

    static String toJson(InventoryConfiguration c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Id", c.id());
        if (c.isEnabled() != null) {
            root.put("IsEnabled", c.isEnabled());
        }
        InventoryS3BucketDestination d = c.destination() == null ? null : c.destination().s3BucketDestination();
        if (d != null) {
            ObjectNode dest = root.putObject("Destination").putObject("S3BucketDestination");
            putIfPresent(dest, "AccountId", d.accountId());
            putIfPresent(dest, "Bucket", d.bucket());
            putIfPresent(dest, "Format", d.formatAsString());
            putIfPresent(dest, "Prefix", d.prefix());
            if (d.encryption() != null) {
                ObjectNode enc = dest.putObject("Encryption");
                if (d.encryption().sses3() != null) {
                    enc.putObject("SSES3");
                }
                if (d.encryption().ssekms() != null) {
                    putIfPresent(enc.putObject("SSEKMS"), "KeyId", d.encryption().ssekms().keyId());
                }
            }
        }
        if (c.filter() != null) {
            putIfPresent(root.putObject("Filter"), "Prefix", c.filter().prefix());
        }
        putIfPresent(root, "IncludedObjectVersions", c.includedObjectVersionsAsString());
        if (c.hasOptionalFields() && !c.optionalFieldsAsStrings().isEmpty()) {
            ArrayNode fields = root.putArray("OptionalFields");
            c.optionalFieldsAsStrings().forEach(fields::add);
        }
        if (c.schedule() != null) {
            putIfPresent(root.putObject("Schedule"), "Frequency", c.schedule().frequencyAsString());
        }
        return root.toString();
    }

    /** Parses a configuration in the AWS JSON shape; unknown keys are refused so nothing is silently dropped. */
    static InventoryConfiguration fromJson(String json) throws SQLException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Errors.badValue("configuration_json is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw Errors.badValue("configuration_json must be a JSON object such as "
                    + "{\"Id\":\"daily\",\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":{...}},...}");
        }
        checkKeys(root, "configuration_json", "Id", "IsEnabled", "Destination", "Filter", "IncludedObjectVersions",
                "OptionalFields", "Schedule");
        InventoryConfiguration.Builder b = InventoryConfiguration.builder();
        b.id(text(root, "Id"));
        if (root.has("IsEnabled")) {
            b.isEnabled(root.get("IsEnabled").asBoolean());
        }
        JsonNode dest = root.path("Destination");
        if (!dest.isMissingNode()) {
            checkKeys(dest, "Destination", "S3BucketDestination");
            JsonNode s3 = dest.path("S3BucketDestination");
            checkKeys(s3, "Destination.S3BucketDestination", "AccountId", "Bucket", "Format", "Prefix", "Encryption");
            InventoryS3BucketDestination.Builder d = InventoryS3BucketDestination.builder()
                    .accountId(text(s3, "AccountId")).bucket(text(s3, "Bucket")).format(text(s3, "Format"))
                    .prefix(text(s3, "Prefix"));
            JsonNode enc = s3.path("Encryption");
            if (!enc.isMissingNode() && !enc.isNull()) {
                checkKeys(enc, "Destination.S3BucketDestination.Encryption", "SSES3", "SSEKMS");
                InventoryEncryption.Builder e = InventoryEncryption.builder();
                if (enc.has("SSES3")) {
                    e.sses3(SSES3.builder().build());
                }
                if (enc.has("SSEKMS")) {
                    e.ssekms(SSEKMS.builder().keyId(text(enc.get("SSEKMS"), "KeyId")).build());
                }
                d.encryption(e.build());
            }
            b.destination(InventoryDestination.builder().s3BucketDestination(d.build()).build());
        }
        JsonNode filter = root.path("Filter");
        if (!filter.isMissingNode() && !filter.isNull()) {
            checkKeys(filter, "Filter", "Prefix");
            b.filter(InventoryFilter.builder().prefix(text(filter, "Prefix")).build());
        }
        b.includedObjectVersions(text(root, "IncludedObjectVersions"));
        JsonNode fields = root.path("OptionalFields");
        if (fields.isArray()) {
            List<String> names = new ArrayList<>();
            fields.forEach(f -> names.add(f.asText()));
            b.optionalFieldsWithStrings(names);
        }
        JsonNode schedule = root.path("Schedule");
        if (!schedule.isMissingNode() && !schedule.isNull()) {
            checkKeys(schedule, "Schedule", "Frequency");
            b.schedule(InventorySchedule.builder().frequency(text(schedule, "Frequency")).build());
        }
        return b.build();
    }

    static InventoryConfig toRow(String bucket, String region, InventoryConfiguration c) {
        InventoryS3BucketDestination d = c.destination() == null ? null : c.destination().s3BucketDestination();
        InventoryEncryption enc = d == null ? null : d.encryption();
        String encryption = null;
        String kmsKey = null;
        if (enc != null && enc.ssekms() != null) {
            encryption = "SSE-KMS";
            kmsKey = enc.ssekms().keyId();
        } else if (enc != null && enc.sses3() != null) {
            encryption = "SSE-S3";
        }
        return new InventoryConfig(bucket, region, c.id(), Boolean.TRUE.equals(c.isEnabled()),
                c.includedObjectVersionsAsString(),
                c.schedule() == null ? null : c.schedule().frequencyAsString(),
                c.filter() == null ? null : c.filter().prefix(),
                d == null ? null : d.bucket(),
                d == null ? null : d.accountId(),
                d == null ? null : d.formatAsString(),
                d == null ? null : d.prefix(),
                encryption, kmsKey,
                c.hasOptionalFields() ? c.optionalFieldsAsStrings() : List.of(),
                toJson(c));
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node == null ? null : node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void checkKeys(JsonNode node, String where, String... allowed) throws SQLException {
        if (!node.isObject()) {
            throw Errors.badValue("configuration_json: " + where + " must be a JSON object");
        }
        List<String> allowedKeys = List.of(allowed);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowedKeys.contains(key)) {
                throw Errors.badValue("configuration_json: unknown key '" + key + "' in " + where + "; allowed: "
                        + String.join(", ", allowedKeys));
            }
        }
    }
}
