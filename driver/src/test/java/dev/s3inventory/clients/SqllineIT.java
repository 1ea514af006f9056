package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.ExpectedRows;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline 1.12, as a user runs it, with the -all jar: {@code !dbinfo} (about 80 DatabaseMetaData methods
 * called reflectively), {@code !tables}, {@code !columns}, {@code !primarykeys}, {@code !describe} and a
 * query, all without a single error line (jdbc-client-checklist.md, sqlline section).
 */
class SqllineIT {
    /** What sqlline prints when any call fails: "Error: ... (state=...)", a stack trace, or a missing method. */
    private static final Pattern FAILURE = Pattern.compile(
            "Error:|Exception|No such method|No method matching|not supported by s3inventory|No current connection");

    @TempDir
    Path temp;

    @Test
    void metadataCommandsAndAQueryRunWithoutErrors() throws Exception {
        InventoryEstate estate = InventoryEstate.seed("sqlline", 3); // 0+1+2 configurations
        List<List<Object>> expected = ExpectedRows.inventory(estate.prefix);
        Path script = temp.resolve("session.sql");
        Files.writeString(script, String.join("\n",
                "!dbinfo",
                "!tables",
                "!columns bucket_inventory_configurations",
                "!primarykeys bucket_inventory_configurations",
                "!describe buckets",
                "!indexes bucket_inventory_configurations",
                "!importedkeys buckets",
                "!procedures",
                "!typeinfo",
                "!schemas",
                "SELECT bucket, id, is_enabled, destination_format FROM aws.s3.bucket_inventory_configurations",
                "  WHERE bucket LIKE '" + estate.prefix + "%' ORDER BY bucket, id;",
                "!quit", ""));
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of("sqlline-", "jline-", "jansi-"),
                List.of("-Dorg.jline.terminal.dumb=true"), "sqlline.SqlLine",
                "-u", "jdbc:s3inventory:?endpoint=" + LocalStackEnvironment.endpoint() + "&pathStyleAccess=true"
                        + "&region=us-east-1", "-n", "test", "-p", "secret-key-that-must-not-show",
                "-d", "dev.s3inventory.jdbc.S3InventoryDriver", "--color=false", "--showWarnings=true",
                "--maxWidth=400", "-f", script.toString());
        String all = out.stdout() + "\n" + out.stderr();

        for (String line : all.lines().toList()) {
            // sqlline's default isolation is REPEATABLE_READ; it says so once, harmlessly (checklist d.24)
            if (line.contains("Transaction isolation level") && line.contains("is not supported")) {
                continue;
            }
            assertFalse(FAILURE.matcher(line).find(), "sqlline reported a failure: " + line + out.transcript());
        }
        // !dbinfo: every method answered, secrets stay out of getURL()
        assertTrue(all.contains("getDatabaseProductName") && all.contains("S3 Inventory"), out.transcript());
        assertTrue(all.contains("supportsTransactions") && all.contains("getMaxRowSize"), out.transcript());
        assertFalse(out.stdout().contains("secret-key-that-must-not-show"), "the secret key must never be printed"
                + out.transcript());
        // !tables, !columns, !primarykeys, !describe
        assertTrue(all.contains("| bucket_inventory_configurations") && all.contains("| buckets "), out.transcript());
        for (String column : List.of("configuration_json", "destination_kms_key_id", "optional_fields")) {
            assertTrue(all.contains(column), column + out.transcript());
        }
        assertTrue(all.contains("pk_bucket_inventory_configurations"), out.transcript());
        assertTrue(all.contains("creation_date") && all.contains("TIMESTAMP"), out.transcript());
        // the query: every seeded row, in order, then sqlline's row count
        assertEquals(3, expected.size());
        int at = 0;
        for (List<Object> row : expected) {
            String line = "| " + row.get(0);
            int found = all.indexOf(line, at);
            assertTrue(found >= 0 && all.indexOf((String) row.get(1), found) > found, row + out.transcript());
            at = found + 1;
        }
        assertTrue(all.contains("3 rows selected"), out.transcript());
    }
}
