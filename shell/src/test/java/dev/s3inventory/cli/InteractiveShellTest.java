package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.LocalStackEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line-editing shell in-process: JLine reads keystrokes from an in-memory terminal (as a person
 * would type them: Enter is CR, TAB completes, the up arrow recalls), against the demo estate.
 */
class InteractiveShellTest {

    @Test
    void completionNamesComeFromDatabaseMetaData() throws Exception {
        try (Connection c = DriverManager.getConnection(DemoMode.url(LocalStackEnvironment.endpoint().toString()))) {
            CompletionCatalog catalog = CompletionCatalog.load(c.getMetaData());
            assertEquals("aws", catalog.catalog());
            assertEquals("s3", catalog.schema());
            assertEquals(SqlCompleterTest.CATALOG.tables(), catalog.tables(), "the completer test uses the real catalog");
            assertTrue(catalog.keywords().containsAll(List.of("SELECT", "DESCRIBE", "COALESCE", "LOWER")),
                    catalog.keywords().toString());
        }
    }

    @Test
    void typedSessionWithMultiLineStatementsCompletionHistoryAndCommands(@TempDir Path dir) throws Exception {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        Path history = dir.resolve("history");
        String keys = "SELECT name, region\r"                            // no ';' yet: the statement goes on
                + "FROM aws.s3.buckets WHERE name = 'acme-prod-logs'\r"
                + ";\r"
                + "SELECT COUNT(*) AS n FROM bucket_inv\tWHERE bucket = 'acme-prod-data-lake';\r" // TAB completes the table
                + "\\format csv\r"
                + "\u001bOA\u001bOA\r"                                     // up twice (keypad mode): the COUNT again, as CSV
                + "SELECT nope FROM buckets;\r"                          // an error does not end the shell
                + "\\q\r";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Io io = new Io(new ByteArrayInputStream(new byte[0]), o, e, true, false, 0, verbose -> {
                ExternalTerminal terminal = new ExternalTerminal("test", "xterm",
                        new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
                terminal.setSize(new Size(160, 50));
                return terminal;
            });
            status = Main.run(new String[] {"--demo", endpoint, "--history", history.toString()}, io);
        }
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String results = out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertTrue(results.startsWith("s3inventory-jdbc "), results);
        assertTrue(results.contains("\nDemo: "), "the demo banner: " + results);
        assertTrue(results.contains("bin/s3inventory --reset-demo") && results.contains("bash .ci/localstack.sh stop"),
                "the banner says how to reset the demo and stop LocalStack: " + results);
        String lastBannerLine = "bash .ci/localstack.sh stop\n";
        String afterBanner = results.substring(results.indexOf(lastBannerLine) + lastBannerLine.length());
        assertEquals("""

                name           | region
                ---------------+----------
                acme-prod-logs | us-east-1
                (1 row)
                n
                -
                2
                (1 row)
                n\r
                2\r
                """, afterBanner, () -> "the terminal showed:\n" + screen.toString(StandardCharsets.UTF_8)
                .replace("\u001b", "<ESC>") + "\nstandard error:\n" + err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("Output format is csv.",
                "error [42S22]: Column 'nope' does not exist in buckets (DESCRIBE <table> lists the columns). "
                        + "Hint: In the shell, TAB completes column names."),
                err.toString(StandardCharsets.UTF_8).lines().toList());

        // The history file holds what was run, in order; a multi-line statement is one entry.
        List<String> saved = Files.readAllLines(history).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList();
        assertEquals(List.of("SELECT name, region\\nFROM aws.s3.buckets WHERE name = 'acme-prod-logs'\\n;",
                "SELECT COUNT(*) AS n FROM bucket_inventory_configurations WHERE bucket = 'acme-prod-data-lake';",
                "\\\\format csv",
                "SELECT COUNT(*) AS n FROM bucket_inventory_configurations WHERE bucket = 'acme-prod-data-lake';",
                "SELECT nope FROM buckets;",
                "\\\\q"), saved);
    }
}
