package dev.s3inventory.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a configuration must satisfy before anything is sent to S3: allowed enum values
 * (accepted in any case, stored in the API's spelling), ARN and id shapes, known optional fields,
 * and a KMS key exactly when SSE-KMS is chosen. Also converts between column values and the AWS
 * JSON shape of {@code configuration_json}.
 */
final class InventoryValues {
    static final List<String> OPTIONAL_FIELDS = List.of("Size", "LastModifiedDate", "StorageClass", "ETag",
            "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus", "ObjectLockRetainUntilDate",
            "ObjectLockMode", "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier", "BucketKeyStatus",
            "ChecksumAlgorithm", "ObjectAccessControlList", "ObjectOwner", "LifecycleExpirationDate");
    private static final Map<String, List<String>> ENUMS = Map.of(
            "included_object_versions", List.of("All", "Current"),
            "schedule_frequency", List.of("Daily", "Weekly"),
            "destination_format", List.of("CSV", "ORC", "Parquet"),
            "destination_encryption", List.of("SSE-S3", "SSE-KMS"));
    /** Columns a write must end up with a value for. */
    static final List<String> REQUIRED = List.of("bucket", "id", "destination_bucket_arn", "destination_format",
            "schedule_frequency");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InventoryValues() {
    }

    /** Normalizes one column value (API spelling, types) or fails with 22023 naming the column. */
    static Object normalize(String column, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (column.equals("is_enabled")) {
            try {
                return Values.cast(value, SqlType.BOOLEAN);
            } catch (SQLException e) {
                throw Errors.badValue("Column is_enabled must be TRUE or FALSE, not '" + value + "'");
            }
        }
        String text = xmlSafe(column, (String) Values.cast(value, SqlType.VARCHAR));
        List<String> allowed = ENUMS.get(column);
        if (allowed != null) {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(text.trim())) {
                    return a;
                }
            }
            throw Errors.badValue("Column " + column + " must be one of " + String.join(", ", allowed) + ", not '"
                    + text + "'");
        }
        return switch (column) {
            case "optional_fields" -> optionalFields(text);
            case "destination_bucket_arn" -> check(column, text, ARN, "an S3 bucket ARN such as arn:aws:s3:::my-reports");
            case "bucket" -> check(column, text, BUCKET, "a bucket name: 3 to 63 lower-case letters, digits, '.' or '-'");
            case "id" -> check(column, text, ID, "1 to 64 letters, digits, '.', '_' or '-'");
            case "destination_account_id" -> check(column, text, ACCOUNT, "a 12-digit AWS account id");
            default -> text;
        };
    }

    /**
     * Configurations travel as XML 1.0, which cannot carry control characters (but tab and line
     * breaks), unpaired surrogates or U+FFFE/U+FFFF: S3 would refuse the document as MalformedXML.
     */
    private static String xmlSafe(String column, String text) throws SQLException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c == 0xFFFE
                    || c == 0xFFFF) {
                throw Errors.badValue("Column " + column + " contains the character U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + ", which S3 cannot store (XML 1.0 forbids it)");
            }
        }
        return text;
    }

    private static String check(String column, String text, Pattern pattern, String expected) throws SQLException {
        if (!pattern.matcher(text).matches()) {
            throw Errors.badValue("Column " + column + " must be " + expected + ", not '" + text + "'");
        }
        return text;
    }

    private static String optionalFields(String text) throws SQLException {
        if (text.isBlank()) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String raw : text.split(",")) {
            String name = raw.trim();
            String known = OPTIONAL_FIELDS.stream().filter(f -> f.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> Errors.badValue("Column optional_fields: '" + name + "' is not an inventory "
                            + "optional field; allowed: " + String.join(", ", OPTIONAL_FIELDS)));
            if (!fields.add(known)) {
                throw Errors.badValue("Column optional_fields names " + known + " twice");
            }
        }
        return String.join(",", fields);
    }

    /** Checks a complete configuration (column → normalized value) for the rules between columns. */
    static void checkComplete(Map<String, Object> c) throws SQLException {
        for (String required : REQUIRED) {
            if (c.get(required) == null) {
                throw Errors.badValue("Column " + required + " is required (required: " + String.join(", ", REQUIRED)
                        + "; or give configuration_json)");
            }
        }
        // Defaulted on INSERT, but an UPDATE could set them NULL: S3 requires both elements.
        for (String notNull : List.of("is_enabled", "included_object_versions")) {
            if (c.get(notNull) == null) {
                throw Errors.badValue("Column " + notNull + " cannot be NULL");
            }
        }
        boolean kms = "SSE-KMS".equals(c.get("destination_encryption"));
        if (kms && c.get("destination_kms_key_id") == null) {
            throw Errors.badValue("Column destination_kms_key_id is required when destination_encryption is SSE-KMS");
        }
        if (!kms && c.get("destination_kms_key_id") != null) {
            throw Errors.badValue("Column destination_kms_key_id is only allowed when destination_encryption is SSE-KMS");
        }
    }

    /** The AWS JSON shape (the CLI's --inventory-configuration) of a complete configuration. */
    static String toJson(Map<String, Object> c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Id", (String) c.get("id"));
        root.put("IsEnabled", (Boolean) c.get("is_enabled"));
        ObjectNode dest = root.putObject("Destination").putObject("S3BucketDestination");
        putIfPresent(dest, "AccountId", c.get("destination_account_id"));
        dest.put("Bucket", (String) c.get("destination_bucket_arn"));
        dest.put("Format", (String) c.get("destination_format"));
        putIfPresent(dest, "Prefix", c.get("destination_prefix"));
        if ("SSE-S3".equals(c.get("destination_encryption"))) {
            dest.putObject("Encryption").putObject("SSES3");
        } else if ("SSE-KMS".equals(c.get("destination_encryption"))) {
            dest.putObject("Encryption").putObject("SSEKMS").put("KeyId", (String) c.get("destination_kms_key_id"));
        }
        if (c.get("filter_prefix") != null) {
            root.putObject("Filter").put("Prefix", (String) c.get("filter_prefix"));
        }
        root.put("IncludedObjectVersions", (String) c.get("included_object_versions"));
        if (c.get("optional_fields") != null) {
            var fields = root.putArray("OptionalFields");
            for (String f : ((String) c.get("optional_fields")).split(",")) {
                fields.add(f);
            }
        }
        root.putObject("Schedule").put("Frequency", (String) c.get("schedule_frequency"));
        return root.toString();
    }

    private static void putIfPresent(ObjectNode node, String key, Object value) {
        if (value != null) {
            node.put(key, value.toString());
        }
    }

    /**
     * Reads {@code configuration_json} into column values (not yet normalized). Unknown keys are
     * refused, so that nothing the user wrote is silently dropped.
     */
    static Map<String, Object> fromJson(String json) throws SQLException {
        if (json == null) {
            throw Errors.badValue("configuration_json must not be NULL: give the whole configuration as JSON");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw Errors.badValue("configuration_json is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw Errors.badValue("configuration_json must be a JSON object in the AWS CLI shape, e.g. {\"Id\":\"daily\","
                    + "\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"arn:aws:s3:::reports\","
                    + "\"Format\":\"CSV\"}},\"IncludedObjectVersions\":\"All\",\"Schedule\":{\"Frequency\":\"Daily\"}}");
        }
        keys(root, "the configuration", "Id", "IsEnabled", "Destination", "Filter", "IncludedObjectVersions",
                "OptionalFields", "Schedule");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", text(root.get("Id")));
        c.put("is_enabled", root.has("IsEnabled") && !root.get("IsEnabled").isNull() ? root.get("IsEnabled").asText()
                : null);
        JsonNode dest = root.path("Destination");
        keys(dest, "Destination", "S3BucketDestination");
        JsonNode s3 = dest.path("S3BucketDestination");
        keys(s3, "Destination.S3BucketDestination", "AccountId", "Bucket", "Format", "Prefix", "Encryption");
        c.put("destination_account_id", text(s3.get("AccountId")));
        c.put("destination_bucket_arn", text(s3.get("Bucket")));
        c.put("destination_format", text(s3.get("Format")));
        c.put("destination_prefix", text(s3.get("Prefix")));
        JsonNode enc = s3.path("Encryption");
        keys(enc, "Destination.S3BucketDestination.Encryption", "SSES3", "SSEKMS");
        if (enc.has("SSEKMS")) {
            keys(enc.get("SSEKMS"), "Encryption.SSEKMS", "KeyId");
            c.put("destination_encryption", "SSE-KMS");
            c.put("destination_kms_key_id", text(enc.get("SSEKMS").get("KeyId")));
        } else if (enc.has("SSES3")) {
            c.put("destination_encryption", "SSE-S3");
        }
        JsonNode filter = root.path("Filter");
        keys(filter, "Filter", "Prefix");
        c.put("filter_prefix", text(filter.get("Prefix")));
        c.put("included_object_versions", text(root.get("IncludedObjectVersions")));
        JsonNode fields = root.path("OptionalFields");
        if (fields.isArray() && fields.size() > 0) {
            List<String> names = new ArrayList<>();
            fields.forEach(f -> names.add(f.asText()));
            c.put("optional_fields", String.join(",", names));
        }
        JsonNode schedule = root.path("Schedule");
        keys(schedule, "Schedule", "Frequency");
        c.put("schedule_frequency", text(schedule.get("Frequency")));
        return c;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static void keys(JsonNode node, String where, String... allowed) throws SQLException {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw Errors.badValue("configuration_json: " + where + " must be a JSON object");
        }
        List<String> ok = List.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ok.contains(key)) {
                throw Errors.badValue("configuration_json: unknown key '" + key + "' in " + where + "; allowed: "
                        + String.join(", ", ok));
            }
        }
    }

    /** Lower-cased column name → normalized value, for every column of a configuration map. */
    static Map<String, Object> normalizeAll(Map<String, Object> raw) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            out.put(e.getKey(), normalize(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }
        return out;
    }
}
