package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.cli.SqlCompleter.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TAB completion without a terminal: what {@link SqlCompleter#suggest} offers where the cursor stands. */
class SqlCompleterTest {
    /** The driver's catalog as DatabaseMetaData describes it (InteractiveShellTest checks the real one). */
    static final CompletionCatalog CATALOG = new CompletionCatalog("aws", "s3", Map.of(
            "buckets", List.of("name", "region", "creation_date"),
            "bucket_inventory_configurations", List.of("bucket", "id", "region", "is_enabled",
                    "included_object_versions", "schedule_frequency", "filter_prefix", "destination_bucket_arn",
                    "destination_account_id", "destination_format", "destination_prefix", "destination_encryption",
                    "destination_kms_key_id", "optional_fields", "configuration_json")),
            List.of("AND", "AS", "BY", "COALESCE", "COUNT", "DESCRIBE", "FROM", "GROUP", "IN", "IS", "LIKE", "LIMIT",
                    "LOWER", "NOT", "NULL", "ORDER", "SELECT", "SET", "SHOW", "UPDATE", "WHERE"));

    private final SqlCompleter completer = new SqlCompleter(CATALOG);

    /** Values offered with the cursor at {@code |} (which is removed from the buffer). */
    private List<String> at(String bufferWithCursor) {
        int cursor = bufferWithCursor.indexOf('|');
        String buffer = bufferWithCursor.substring(0, cursor) + bufferWithCursor.substring(cursor + 1);
        return completer.suggest(buffer, cursor).stream().map(Suggestion::value).toList();
    }

    @Test
    void tablesAfterFromJoinUpdateAndDescribe() {
        assertEquals(List.of("aws.s3.", "bucket_inventory_configurations", "buckets"), at("SELECT * FROM |"));
        assertEquals(List.of("bucket_inventory_configurations", "buckets"), at("SELECT * FROM b|"));
        assertEquals(List.of("bucket_inventory_configurations", "buckets"),
                at("SELECT * FROM bucket_inventory_configurations c JOIN bucke|ts"));
        assertEquals(List.of("bucket_inventory_configurations"), at("update bucket_i|"));
        assertEquals(List.of("bucket_inventory_configurations"), at("DESCRIBE bucket_|"));
        assertEquals(List.of("bucket_inventory_configurations"), at("SHOW METHODS IN bucket_|"));
        assertEquals(List.of("bucket_inventory_configurations", "buckets"), at("SELECT 1;\nSELECT * FROM buc|k"),
                "only the current statement counts");
    }

    @Test
    void qualifiedNamesFollowTheDots() {
        assertEquals(List.of("aws.s3."), at("SELECT * FROM aws.|"));
        assertEquals(List.of("aws.s3.bucket_inventory_configurations", "aws.s3.buckets"), at("SELECT * FROM aws.s3.|"));
        assertEquals(List.of("s3.bucket_inventory_configurations", "s3.buckets"), at("SELECT * FROM s3.bucke|"));
        assertEquals(List.of("AWS.S3.buckets"), at("SELECT * FROM AWS.S3.buckets|"), "what is typed stays as typed");
    }

    @Test
    void columnsOfTheTablesTheStatementNames() {
        // The FROM clause usually comes after the cursor.
        assertEquals(List.of("region"), at("SELECT reg| FROM aws.s3.buckets"));
        assertEquals(List.of("is_enabled"), at("SELECT bucket FROM bucket_inventory_configurations WHERE is_|"));
        assertEquals(List.of("b.creation_date", "b.name", "b.region"),
                at("SELECT b.| FROM aws.s3.buckets b JOIN bucket_inventory_configurations AS c ON c.bucket = b.name"));
        assertEquals(List.of("c.destination_account_id", "c.destination_bucket_arn", "c.destination_encryption",
                "c.destination_format", "c.destination_kms_key_id", "c.destination_prefix"),
                at("SELECT c.dest| FROM aws.s3.buckets b JOIN bucket_inventory_configurations AS c ON c.bucket = b.name"));
        assertEquals(List.of("buckets.name"), at("SELECT buckets.na| FROM buckets"));
        // No table named yet: every table's columns.
        assertEquals(List.of("name"), at("SELECT na|"));
        assertEquals(List.of("destination_format"), at("SELECT destination_f|"));
    }

    @Test
    void keywordsAndFunctionsInTheCaseTheyAreTyped() {
        // No table named yet, so every column is a candidate too.
        assertEquals(List.of("SELECT", "SET", "SHOW", "schedule_frequency"), at("S|"));
        assertEquals(List.of("schedule_frequency", "select", "set", "show"), at("s|"));
        assertEquals(List.of("LIKE", "LIMIT", "LOWER"), at("SELECT name FROM buckets WHERE name L|"));
        assertEquals(List.of("coalesce", "count"), at("select co| from buckets"));
    }

    @Test
    void commandsAndTheirArguments() {
        assertEquals(Commands.NAMES, at("\\|"));
        assertEquals(List.of("\\format"), at("\\f|"));
        assertEquals(List.of("csv", "json", "markdown", "table", "tsv"), at("\\format |"));
        assertEquals(List.of("json"), at("\\format j|"));
        assertEquals(List.of("on", "off").stream().sorted().toList(), at("\\timing |"));
        assertEquals(List.of("bucket_inventory_configurations", "buckets"), at("\\d b|"));
        assertEquals(List.of(), at("\\i |"), "file names are not guessed");
    }

    @Test
    void tablesAndKeywordsTakeASpaceColumnsAndPathsDoNot() {
        Map<String, Boolean> complete = new java.util.HashMap<>();
        completer.suggest("SELECT * FROM ", 14).forEach(s -> complete.put(s.value(), s.complete()));
        assertEquals(Map.of("aws.s3.", false, "bucket_inventory_configurations", true, "buckets", true), complete);
        assertTrue(completer.suggest("SEL", 3).get(0).complete());
        assertEquals(List.of(new Suggestion("region", false)), completer.suggest("SELECT reg FROM buckets", 10));
    }
}
