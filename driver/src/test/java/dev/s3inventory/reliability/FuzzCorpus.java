package dev.s3inventory.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed statements and the mutations the fuzz test applies to them: token edits (drop, repeat, swap,
 * replace, insert from a dictionary of SQL keywords, operators and odd tokens), character edits
 * (unicode, control characters, surrogate halves), splices of two seeds, truncation, deep nesting
 * and huge literals. Deterministic for a given {@link Random}.
 */
final class FuzzCorpus {
    private static final String T = "aws.s3.bucket_inventory_configurations";
    private static final String INSERT_COLUMNS = "(bucket, id, destination_bucket_arn, destination_format, "
            + "schedule_frequency)";

    static final List<String> SEEDS = List.of(
            "SELECT * FROM " + T,
            "SELECT bucket, id, region FROM " + T + " WHERE bucket = 'fuzz-a' AND id = 'daily'",
            "SELECT bucket FROM " + T + " WHERE bucket IN ('fuzz-a', 'fuzz-b', 'nope') ORDER BY 1 DESC NULLS LAST",
            "SELECT bucket, COUNT(*) AS n FROM " + T + " WHERE bucket LIKE 'fuzz-%' GROUP BY bucket HAVING COUNT(*) > 0",
            "SELECT DISTINCT region FROM " + T + " WHERE region = 'eu-west-1' OR NOT is_enabled",
            "SELECT CASE WHEN is_enabled THEN 'on' ELSE 'off' END, CAST(LENGTH(id) AS VARCHAR) || '!' FROM " + T,
            "SELECT {fn UCASE(bucket)}, COALESCE(filter_prefix, '-'), NULLIF(id, 'x') FROM " + T + " LIMIT 3 OFFSET 1",
            "SELECT id FROM " + T + " WHERE id BETWEEN 'a' AND 'z' AND optional_fields IS NOT NULL ORDER BY id "
                    + "OFFSET 0 ROWS FETCH NEXT 5 ROWS ONLY",
            "SELECT t.bucket FROM (SELECT bucket FROM " + T + " WHERE bucket LIKE 'fuzz!_%' ESCAPE '!') t",
            "SELECT name FROM aws.s3.buckets WHERE name NOT IN (SELECT bucket FROM " + T + ")",
            "SELECT b.name, c.id FROM aws.s3.buckets b LEFT JOIN " + T + " c ON c.bucket = b.name",
            "SELECT name FROM s3.buckets WHERE EXISTS (SELECT 1 FROM " + T + " WHERE bucket = 'fuzz-a')",
            "SELECT MIN(id), MAX(bucket), SUM(1), AVG(2.5) FROM \"aws\".\"s3\".\"bucket_inventory_configurations\"",
            "SELECT 1 + 2 * 3 / 4 % 5, -7, 1.5e3, TRUE, NULL, {d '2024-01-31'}, {ts '2024-01-31 10:00:00'}",
            "SELECT SUBSTRING(bucket, 2, 3), REPLACE(id, 'a', 'b'), TRIM(' x '), ABS(-1) FROM " + T,
            "INSERT INTO " + T + " " + INSERT_COLUMNS + " VALUES ('fuzz-a', 'fz', 'arn:aws:s3:::dest', 'CSV', 'Daily')",
            "INSERT INTO " + T + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency, "
                    + "optional_fields, destination_encryption, destination_kms_key_id, destination_account_id) VALUES "
                    + "('fuzz-b', 'fz2', 'arn:aws:s3:::dest', 'ORC', 'Weekly', 'Size,ETag', 'SSE-KMS', 'key', "
                    + "'123456789012'), ('fuzz-a', 'fz3', 'arn:aws:s3:::dest', 'parquet', 'weekly', NULL, NULL, NULL, NULL)",
            "INSERT INTO " + T + " (bucket, configuration_json) VALUES ('fuzz-a', '{\"Id\":\"fz4\",\"IsEnabled\":true,"
                    + "\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"arn:aws:s3:::dest\",\"Format\":\"CSV\"}},"
                    + "\"IncludedObjectVersions\":\"All\",\"Schedule\":{\"Frequency\":\"Daily\"}}')",
            "UPDATE " + T + " SET destination_format = 'Parquet', is_enabled = NOT is_enabled WHERE bucket = 'fuzz-a'",
            "UPDATE " + T + " SET optional_fields = 'Size', filter_prefix = id || '/' WHERE id LIKE 'fz%'",
            "UPDATE " + T + " SET destination_encryption = 'SSE-S3' WHERE bucket = 'fuzz-b' AND id = 'fz2'",
            "DELETE FROM " + T + " WHERE bucket = 'fuzz-a' AND id = 'fz'",
            "DELETE FROM " + T + " WHERE id IN ('fz2', 'fz3', 'fz4')",
            "EXEC " + T + ".bucket_inventory_configurations_Put @bucket='fuzz-b', @id='fz5', @@json='{\"Id\":\"fz5\","
                    + "\"IsEnabled\":false,\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"arn:aws:s3:::dest\","
                    + "\"Format\":\"ORC\"}},\"IncludedObjectVersions\":\"Current\",\"Schedule\":{\"Frequency\":\"Weekly\"}}'",
            "SHOW TABLES",
            "SHOW METHODS IN " + T,
            "DESCRIBE buckets",
            "DESCRIBE aws.s3.bucket_inventory_configurations");

    private static final List<String> DICTIONARY = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "NULL",
            "IN", "LIKE", "ESCAPE", "BETWEEN", "IS", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "GROUP BY",
            "ORDER BY", "HAVING", "LIMIT", "OFFSET", "UNION", "JOIN", "ON", "EXISTS", "DISTINCT", "INSERT", "INTO",
            "VALUES", "UPDATE", "SET", "DELETE", "EXEC", "SHOW", "DESCRIBE", "WITH", "RETURNING", "CREATE TABLE x (a INT)",
            "(", ")", ",", ";", ".", "*", "=", "<>", "!=", "<=", ">=", "||", "+", "-", "/", "%", "?", "@", "@@", "$1",
            ":name", "'", "\"", "`", "[x]", "{fn", "{d '2024-13-45'}", "}", "--", "/*", "*/", "\\", "0", "-1",
            "9223372036854775808", "1e309", "NaN", "0x1F", "''", "'it''s'", "\"quoted id\"", "aws.s3.buckets",
            "aws.s3.nope", "bucket", "id", "region", "configuration_json", "is_enabled", "COUNT(*)", "SUM(bucket)",
            "UPPER(", "'\u00e9\u00e8\u4e2d\u6587'", "'\ud83d\ude00'", "\u202e", "\u0000", "'\ud800'", "\t", "\n");
    /** Possessive quantifiers: a megabyte-long literal must not recurse once per character. */
    private static final Pattern TOKENS = Pattern.compile("'(?:[^']++|'')*+'|\"[^\"]*+\"|\\w++|\\s++|.", Pattern.DOTALL);

    private FuzzCorpus() {
    }

    /** One mutant of a random seed. */
    static String mutant(Random r) {
        String seed = SEEDS.get(r.nextInt(SEEDS.size()));
        int edits = 1 + r.nextInt(3);
        String s = seed;
        for (int i = 0; i < edits; i++) {
            s = mutate(s, r);
        }
        return s;
    }

    private static String mutate(String s, Random r) {
        List<String> tokens = tokens(s);
        switch (r.nextInt(12)) {
            case 0 -> tokens.remove(r.nextInt(tokens.size()));
            case 1 -> tokens.add(r.nextInt(tokens.size()), tokens.get(r.nextInt(tokens.size())));
            case 2 -> {
                int a = r.nextInt(tokens.size());
                int b = r.nextInt(tokens.size());
                String t = tokens.get(a);
                tokens.set(a, tokens.get(b));
                tokens.set(b, t);
            }
            case 3 -> tokens.set(r.nextInt(tokens.size()), pick(r));
            case 4, 5 -> tokens.add(r.nextInt(tokens.size() + 1), " " + pick(r) + " ");
            case 6 -> {
                return charEdit(s, r);
            }
            case 7 -> {
                String other = SEEDS.get(r.nextInt(SEEDS.size()));
                return s.substring(0, r.nextInt(s.length() + 1)) + other.substring(r.nextInt(other.length() + 1));
            }
            case 8 -> {
                return s.substring(0, r.nextInt(s.length() + 1));
            }
            case 9 -> {
                return nest(s, r);
            }
            case 10 -> {
                return hugeLiteral(s, r);
            }
            default -> tokens.set(r.nextInt(tokens.size()), tokens.get(r.nextInt(tokens.size())).toUpperCase());
        }
        return String.join("", tokens);
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        if (out.isEmpty()) {
            out.add(" ");
        }
        return out;
    }

    private static String pick(Random r) {
        return DICTIONARY.get(r.nextInt(DICTIONARY.size()));
    }

    private static String charEdit(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int at = r.nextInt(sb.length() + 1);
        switch (r.nextInt(4)) {
            case 0 -> sb.insert(at, (char) r.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
            case 1 -> sb.insert(at, (char) r.nextInt(32)); // control characters
            case 2 -> {
                if (sb.length() > 0) {
                    sb.deleteCharAt(Math.min(at, sb.length() - 1));
                }
            }
            default -> sb.insert(at, "\uD83D\uDE00\u0301\u200B");
        }
        return sb.toString();
    }

    /**
     * An expression or a subquery nested 5 to 5,000 levels deep. (A few hundred levels cost JSqlParser
     * seconds each; {@link FuzzTest} times those separately rather than thousands of times.)
     */
    private static String nest(String s, Random r) {
        int depth = new int[] {5, 20, 100, 5_000}[r.nextInt(4)];
        String inner = r.nextBoolean() ? "bucket" : "(SELECT bucket FROM " + T + ")";
        String deep = "(".repeat(depth) + inner + ")".repeat(depth);
        return r.nextBoolean() ? "SELECT " + deep + " FROM " + T
                : s.replaceFirst("\\bbucket\\b", java.util.regex.Matcher.quoteReplacement(deep));
    }

    /** A string, number or identifier of up to 64 K characters ({@link FuzzTest} tries a megabyte separately). */
    private static String hugeLiteral(String s, Random r) {
        int size = new int[] {1_000, 65_536}[r.nextInt(2)];
        String huge = switch (r.nextInt(3)) {
            case 0 -> "'" + "x".repeat(size) + "'";
            case 1 -> "9".repeat(size);
            default -> "\"" + "y".repeat(size) + "\"";
        };
        return s.replaceFirst("'[^']*'|\\b\\d+\\b|\\bid\\b", java.util.regex.Matcher.quoteReplacement(huge));
    }
}
