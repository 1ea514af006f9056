package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.demo.DemoEstate;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line runner, in-process through {@link Main#run}, against LocalStack. */
class MainTest {
    /** Fixed length, so that the expected tables below stay aligned whatever the random part is. */
    private static final String PREFIX = "maintest-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final String ALPHA = PREFIX + "alpha";
    private static final String BETA = PREFIX + "beta";
    private static final String BOTH = "SELECT name, region FROM aws.s3.buckets WHERE name LIKE '" + PREFIX
            + "%' ORDER BY name";
    private static String url;

    /** Creates this class's two buckets on first use; skips (or fails, with s3.required) without LocalStack. */
    private static synchronized String url() {
        if (url == null) {
            String jdbcUrl = LocalStackEnvironment.jdbcUrl(null);
            InventoryEstate.createBucket(ALPHA, "us-east-1");
            InventoryEstate.createBucket(BETA, "ap-southeast-2");
            url = jdbcUrl;
        }
        return url;
    }

    private record Outcome(int status, String out, String err) {
        /** Standard output with the platform's line separator turned into \n (CSV keeps its CRLF). */
        String text() {
            return out.replace(System.lineSeparator(), "\n");
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private static Outcome run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String table(String text) {
        return text.replace("maintest-XXXXXXXX-", PREFIX);
    }

    // ---- -e and output formats -----------------------------------------------------------------

    @Test
    void executePrintsAnAlignedTable() {
        Outcome r = run("", "--url", url(), "-e", BOTH);
        assertEquals("", r.err());
        assertEquals(0, r.status());
        assertEquals(table("""
                name                    | region
                ------------------------+---------------
                maintest-XXXXXXXX-alpha | us-east-1
                maintest-XXXXXXXX-beta  | ap-southeast-2
                (2 rows)
                """), r.text());
    }

    @Test
    void tableShowsNullRightAlignsNumbersAndCountsOneRow() {
        Outcome r = run("", "--url", url(), "-e", "SELECT name, CAST(NULL AS VARCHAR) AS nothing, 40 + 2 AS answer "
                + "FROM aws.s3.buckets WHERE name = '" + ALPHA + "';");
        assertEquals(0, r.status(), r.err());
        assertEquals(table("""
                name                    | nothing | answer
                ------------------------+---------+-------
                maintest-XXXXXXXX-alpha | NULL    |     42
                (1 row)
                """), r.text());
    }

    @Test
    void csvFollowsRfc4180() {
        Outcome r = run("", "--url", url(), "--format", "csv", "-e", BOTH);
        assertEquals(0, r.status(), r.err());
        assertEquals("name,region\r\n" + ALPHA + ",us-east-1\r\n" + BETA + ",ap-southeast-2\r\n", r.out());

        Outcome quoted = run("", "--url", url(), "--format=csv", "-e", "SELECT name, CAST(NULL AS VARCHAR) AS nothing, "
                + "'' AS blank, 'say \"hi\", then; go' AS quoted FROM aws.s3.buckets WHERE name = '" + ALPHA + "'");
        assertEquals(0, quoted.status(), quoted.err());
        assertEquals("name,nothing,blank,quoted\r\n" + ALPHA + ",,\"\",\"say \"\"hi\"\", then; go\"\r\n", quoted.out());
    }

    @Test
    void tsvSeparatesWithTabs() {
        Outcome r = run("", "--url", url(), "--format", "tsv", "-e", BOTH);
        assertEquals(0, r.status(), r.err());
        assertEquals("name\tregion\n" + ALPHA + "\tus-east-1\n" + BETA + "\tap-southeast-2\n", r.text());
    }

    @Test
    void jsonIsOneArrayOfTypedObjects() {
        Outcome r = run("", "--url", url(), "--format", "json", "-e", BOTH);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertEquals(table("""
                [
                  {"name": "maintest-XXXXXXXX-alpha", "region": "us-east-1"},
                  {"name": "maintest-XXXXXXXX-beta", "region": "ap-southeast-2"}
                ]
                """), r.text());

        Outcome typed = run("", "--url", url(), "--format=JSON", "-e", "SELECT 40 + 2 AS answer, 1.5 AS half, TRUE AS yes, "
                + "CAST(NULL AS VARCHAR) AS nothing, 'say \"hi\"\\' AS quoted, name FROM aws.s3.buckets WHERE name = '"
                + ALPHA + "'");
        assertEquals(0, typed.status(), typed.err());
        assertEquals(table("""
                [
                  {"answer": 42, "half": 1.5, "yes": true, "nothing": null, "quoted": "say \\"hi\\"\\\\", "name": "maintest-XXXXXXXX-alpha"}
                ]
                """), typed.text());

        Outcome empty = run("", "--url", url(), "--format", "json", "-e", "SELECT name FROM aws.s3.buckets WHERE 1 = 0");
        assertEquals("[]\n", empty.text());
    }

    @Test
    void markdownIsAPaddedGithubTable() {
        Outcome r = run("", "--url", url(), "--format", "markdown", "-e", "SELECT name, region, 40 + 2 AS answer, "
                + "CAST(NULL AS VARCHAR) AS nothing, 'a|b' AS pipe FROM aws.s3.buckets WHERE name LIKE '" + PREFIX
                + "%' ORDER BY name");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertEquals(table("""
                | name                    | region         | answer | nothing | pipe |
                | ----------------------- | -------------- | -----: | ------- | ---- |
                | maintest-XXXXXXXX-alpha | us-east-1      |     42 |         | a\\|b |
                | maintest-XXXXXXXX-beta  | ap-southeast-2 |     42 |         | a\\|b |
                """), r.text());
        assertEquals(r.text(), run("", "--url", url(), "--format", "md", "-e", "SELECT name, region, 40 + 2 AS answer, "
                + "CAST(NULL AS VARCHAR) AS nothing, 'a|b' AS pipe FROM aws.s3.buckets WHERE name LIKE '" + PREFIX
                + "%' ORDER BY name").text(), "md is markdown");
    }

    /** Data formats keep standard output pure data: the count of a write goes to standard error. */
    @Test
    void writeCountsGoToStandardErrorInDataFormats() {
        String insert = "INSERT INTO aws.s3.bucket_inventory_configurations (bucket, id, destination_bucket_arn, "
                + "destination_format, schedule_frequency) VALUES ('" + ALPHA + "', 'maintest', 'arn:aws:s3:::" + ALPHA
                + "', 'CSV', 'Daily')";
        Outcome json = run("", "--url", url(), "--format", "json", "-e", insert);
        assertEquals(0, json.status(), json.err());
        assertEquals("", json.out());
        assertEquals("1 row affected\n", json.err().replace(System.lineSeparator(), "\n"));

        Outcome tableFormat = run("", "--url", url(), "-e", "DELETE FROM aws.s3.bucket_inventory_configurations "
                + "WHERE bucket = '" + ALPHA + "' AND id = 'maintest'");
        assertEquals(0, tableFormat.status(), tableFormat.err());
        assertEquals("1 row affected\n", tableFormat.text());
    }

    /** Timestamps print as the true UTC instant, whatever the JVM's time zone. */
    @Test
    void timestampsAreUtcInstants() {
        String url = url();
        java.time.Instant created = LocalStackEnvironment.sdk("us-east-1").listBuckets().buckets().stream()
                .filter(b -> b.name().equals(ALPHA)).findFirst().orElseThrow().creationDate();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        Outcome r;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kathmandu")); // UTC+05:45
            r = run("", "--url", url, "--format", "csv", "-e", "SELECT creation_date FROM aws.s3.buckets WHERE name = '"
                    + ALPHA + "'");
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        assertEquals(0, r.status(), r.err());
        assertEquals("creation_date\r\n" + created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\r\n", r.out());
    }

    // ---- connection flags ----------------------------------------------------------------------

    @Test
    void connectionFlagsBuildTheUrl() {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        Outcome r = run("\\conninfo\nSELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n", "--endpoint",
                endpoint, "--region", "us-east-1", "-p", "user=test", "--property=password=test");
        assertEquals(0, r.status(), r.err());
        assertEquals(table("Connected to jdbc:s3inventory:?endpoint=" + endpoint + "&region=us-east-1&user=test"
                + "&password=***&pathStyleAccess=true\n"
                + "name\n-----------------------\nmaintest-XXXXXXXX-alpha\n(1 row)\n"), r.text());

        // A flag wins over the same key in --url; the other keys stay as they were.
        Outcome both = run("\\conninfo\n", "--url", url().replace("region=us-east-1", "region=eu-west-1"),
                "--region", "us-east-1", "--read-only");
        assertEquals(0, both.status(), both.err());
        assertEquals("Connected to jdbc:s3inventory:?endpoint=" + endpoint + "&pathStyleAccess=true&user=test"
                + "&password=***&region=us-east-1&readOnly=true\n", both.text());
        Outcome refused = run("", "--url", url(), "--read-only", "-e", "DELETE FROM aws.s3.bucket_inventory_configurations "
                + "WHERE bucket = '" + ALPHA + "'");
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("error [25006]: "), refused.err());
    }

    @Test
    void demoFlagSeedsAndConnectsToTheDemoAccountOnly() {
        Outcome r = run("", "--demo", LocalStackEnvironment.endpoint().toString(), "--format", "csv", "-e",
                "SELECT COUNT(*) AS buckets, COUNT(DISTINCT region) AS regions FROM buckets");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        // Exactly the estate: the demo's own LocalStack account holds no other test's buckets.
        assertEquals("buckets,regions\r\n" + DemoEstate.BUCKET_COUNT + ",3\r\n", r.out());
        assertEquals(2, run("", "--demo", "http://127.0.0.1:1", "--url", url()).status(), "--demo and --url exclude each other");
    }

    // ---- the shell's commands --------------------------------------------------------------------

    @Test
    void formatAndTimingCommandsChangeTheSession() {
        Outcome r = run("\\format csv\nSELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n\\timing on\n"
                + "\\format\nSELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n", "--url", url());
        assertEquals(0, r.status(), r.err());
        assertEquals("name\r\n" + ALPHA + "\r\nname\r\n" + ALPHA + "\r\n", r.out());
        List<String> err = r.errLines();
        assertEquals(4, err.size(), r.err());
        assertEquals("Output format is csv.", err.get(0));
        assertEquals("Timing is on.", err.get(1));
        assertEquals("Output format is csv.", err.get(2));
        assertTrue(err.get(3).matches("Time: \\d+\\.\\d{3} s"), err.get(3));

        Outcome bad = run("\\format xml\n\\timing maybe\n", "--url", url());
        assertEquals(1, bad.status());
        assertEquals(List.of("error: unknown format 'xml' (choose table, csv, tsv, json or markdown)",
                "error: \\timing takes on or off (got 'maybe')"), bad.errLines());
    }

    @Test
    void helpIncludeAndUnknownCommands(@TempDir Path dir) throws Exception {
        Outcome help = run("\\?\nhelp;\n", "--url", url());
        assertEquals(0, help.status(), help.err());
        for (String command : List.of("\\d TABLE", "\\format", "\\timing", "\\i FILE", "\\conninfo", "\\q")) {
            assertTrue(help.out().contains(command), command + " in:\n" + help.out());
        }

        Path script = dir.resolve("two.sql");
        Files.writeString(script, "SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n"
                + "SELECT name FROM aws.s3.buckets WHERE name = '" + BETA + "'");
        Outcome include = run("", "--url", url(), "--format", "tsv", "-e", "\\i " + script);
        assertEquals(0, include.status(), include.err());
        assertEquals("name\n" + ALPHA + "\nname\n" + BETA + "\n", include.text());

        Outcome unknown = run("", "--url", url(), "-e", "\\bogus");
        assertEquals(1, unknown.status());
        assertEquals(List.of("error: unknown command '\\bogus' (\\? lists the commands)"), unknown.errLines());
        assertEquals(1, run("", "--url", url(), "-e", "\\i " + dir.resolve("missing.sql")).status());
    }

    // ---- progress ------------------------------------------------------------------------------

    @Test
    void progressLineAppearsOnlyWhenStandardErrorIsATerminal() {
        String sql = "SELECT COUNT(*) AS n FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE '" + PREFIX + "%'";
        Outcome plain = run("", "--url", url(), "-e", sql);
        assertEquals(0, plain.status(), plain.err());
        assertEquals("", plain.err(), "no terminal, no progress");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            // A "terminal" on standard error that shows the line at once.
            Io fakeTerminal = new Io(new ByteArrayInputStream(new byte[0]), o, e, false, true, 0, verbose -> {
                throw new IOException("not interactive");
            });
            status = Main.run(new String[] {"--url", url(), "-e", sql}, fakeTerminal);
        }
        assertEquals(0, status);
        assertEquals(plain.out(), out.toString(StandardCharsets.UTF_8), "the data is the same, and only on stdout");
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.matches("(\\rscanned [0-2]/2 buckets, \\d+\\.\\d s *)+\\r +\\r"),
                "redrawn in place, erased before the results: " + progress.replace("\r", "\\r"));
        assertTrue(progress.contains("scanned 2/2 buckets"), progress.replace("\r", "\\r"));
    }

    // ---- errors and warnings -------------------------------------------------------------------

    @Test
    void failingStatementExitsWithOneAndOneErrorLine() {
        Outcome r = run("", "--url", url(), "-e", "SELECT nope FROM aws.s3.buckets");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error [42S22]: "), r.err());
        assertTrue(r.err().contains("nope"), r.err());

        // A parser message spanning several lines still comes out as one line.
        Outcome syntax = run("", "--url", url(), "-e", "SELEC name FROM aws.s3.buckets");
        assertEquals(1, syntax.status());
        assertEquals(1, syntax.errLines().size(), syntax.err());
        assertTrue(syntax.err().startsWith("error [42000]: "), syntax.err());
    }

    @Test
    void verboseAddsTheStackTraceAndHintsNameTheShellsFlags() {
        Outcome quiet = run("", "--url", url(), "-e", "SELECT nope FROM aws.s3.buckets");
        assertEquals(1, quiet.errLines().size(), quiet.err());
        // -e has no line editor: TAB completes nothing there, so the hint would mislead.
        assertFalse(quiet.err().contains("TAB"), quiet.err());
        ByteArrayOutputStream editor = new ByteArrayOutputStream();
        new ErrorReporter(new PrintStream(editor, true, StandardCharsets.UTF_8), false, true)
                .error(new java.sql.SQLSyntaxErrorException("Column 'nope' does not exist", "42S22"));
        assertTrue(editor.toString(StandardCharsets.UTF_8).contains("Hint: In the shell, TAB completes column names."),
                editor.toString(StandardCharsets.UTF_8));

        Outcome verbose = run("", "--verbose", "--url", url(), "-e", "SELECT nope FROM aws.s3.buckets");
        assertEquals(1, verbose.status());
        assertTrue(verbose.errLines().get(0).startsWith("error [42S22]: "), verbose.err());
        assertTrue(verbose.errLines().size() > 3 && verbose.err().contains("\tat dev.s3inventory."), verbose.err());
    }

    @Test
    void warningsGoToStandardError() {
        Outcome r = run("", "--url", url(), "-e", "SELECT bucket, id FROM aws.s3.bucket_inventory_configurations "
                + "WHERE bucket = '" + PREFIX + "missing'");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.text().endsWith("(0 rows)\n"), r.out());
        assertTrue(r.err().startsWith("warning: "), r.err());
        assertTrue(r.err().contains(PREFIX + "missing"), r.err());
    }

    @Test
    void fileRunsStatementsAndStopsAtTheFirstFailure(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "-- two good statements, then a bad one; the last never runs\n"
                + "SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n"
                + "SELECT name\n  FROM aws.s3.buckets\n WHERE name = '" + BETA + "';\n"
                + "SELECT nope FROM aws.s3.buckets;\n"
                + "SELECT region FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n");
        Outcome r = run("", "--url", url(), "-f", script.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains(ALPHA) && r.out().contains(BETA), r.out());
        assertFalse(r.out().contains("us-east-1"), r.out());
        assertEquals(1, r.errLines().size(), r.err());

        Files.writeString(script, "SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "'"); // no final ';'
        Outcome last = run("", "--url", url(), "-f", script.toString());
        assertEquals(0, last.status(), last.err());
        assertTrue(last.out().contains(ALPHA), last.out());
    }

    // ---- standard input ------------------------------------------------------------------------

    @Test
    void stdinRunsTwoStatementsOnOneLine() {
        Outcome r = run("SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "'; SELECT region "
                + "FROM aws.s3.buckets WHERE name = '" + BETA + "';\n", "--url", url());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertEquals(table("""
                name
                -----------------------
                maintest-XXXXXXXX-alpha
                (1 row)
                region
                --------------
                ap-southeast-2
                (1 row)
                """), r.text());
    }

    @Test
    void semicolonInsideAStringLiteralDoesNotEndTheStatement() {
        Outcome r = run("SELECT 'a;b' AS v, 'it''s; fine' AS w,\n  name FROM aws.s3.buckets\n"
                + "  WHERE name = '" + ALPHA + "'\n;\n", "--url", url());
        assertEquals(0, r.status(), r.err());
        assertEquals(table("""
                v   | w          | name
                ----+------------+------------------------
                a;b | it's; fine | maintest-XXXXXXXX-alpha
                (1 row)
                """), r.text());
    }

    @Test
    void fileDashReadsStandardInputAndStopsAtTheFirstFailure() {
        Outcome r = run("SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\nSELECT nope FROM aws.s3.buckets;\n"
                + "SELECT name FROM aws.s3.buckets WHERE name = '" + BETA + "';\n", "--url", url(), "--format", "tsv", "-f", "-");
        assertEquals(1, r.status());
        assertEquals("name\n" + ALPHA + "\n", r.text());
    }

    @Test
    void stdinKeepsGoingAfterAFailure() {
        Outcome r = run("SELECT nope FROM aws.s3.buckets;\n\n"
                + "SELECT name FROM aws.s3.buckets WHERE name = '" + ALPHA + "';\n", "--url", url());
        assertEquals(1, r.status(), "not a terminal, so a failure still shows in the exit status");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.out().contains(ALPHA), r.out());
    }

    @Test
    void backslashCommandsListDescribeAndQuit() {
        Outcome r = run("\\d\n\\d aws.s3.buckets\n\\q\nSELECT nope FROM aws.s3.buckets;\n", "--url", url());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        String out = r.text();
        assertTrue(out.contains("bucket_inventory_configurations") && out.contains("(2 rows)"), out);
        assertTrue(out.contains("creation_date") && out.contains("(3 rows)"), out);

        assertEquals(0, run("quit\n", "--url", url()).status());
        assertEquals(0, run("EXIT;\n", "--url", url()).status());
    }

    // ---- usage and connection ------------------------------------------------------------------

    @Test
    void badUsageExitsWithTwo() {
        for (String[] args : List.of(new String[] {"--bogus"}, new String[] {"-e"},
                new String[] {"--format", "xml", "-e", "SELECT 1"}, new String[] {"-e", "SELECT 1", "-f", "x.sql"},
                new String[] {"SELECT 1"}, new String[] {"--url", "jdbc:other:x", "-e", "SELECT 1"},
                new String[] {"-p", "novalue", "-e", "SELECT 1"})) {
            Outcome r = run("", args);
            assertEquals(2, r.status(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        assertEquals(2, run("", "-f", "/no/such/dir/script.sql").status());
    }

    @Test
    void helpExitsWithZero() {
        Outcome r = run("", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--format") && r.out().contains("--url"), r.out());
    }

    @Test
    void unreachableEndpointExitsWithThree() {
        Outcome r = run("", "--url", "jdbc:s3inventory:?endpoint=http://127.0.0.1:1&region=us-east-1"
                + "&user=test&password=sekrit", "-e", "SELECT name FROM aws.s3.buckets");
        assertEquals(3, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error [08001]: "), r.err());
        assertTrue(r.err().contains("Hint: For the demo run bin/s3inventory"), r.err());
        assertFalse(r.err().contains("sekrit"), r.err());

        Outcome unknownProperty = run("", "--url", url(), "-p", "colour=blue", "-e", "SELECT 1");
        assertEquals(3, unknownProperty.status(), unknownProperty.err());
        assertTrue(unknownProperty.err().startsWith("error [22023]: Unknown connection property 'colour'"),
                unknownProperty.err());
    }

    @Test
    void noCredentialsAgainstADeadEndpointSaysBoth() {
        // A profile that does not exist: no credentials, whatever the machine running the test has.
        Outcome r = run("", "--endpoint", "http://127.0.0.1:1", "--profile", "s3inventory-test-no-such-profile",
                "-e", "SELECT name FROM aws.s3.buckets");
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().startsWith("error [28000]: No AWS credentials"), r.err());
        assertTrue(r.err().contains("Nothing answers at http://127.0.0.1:1 either"), r.err());

        Outcome answering = run("", "--endpoint", LocalStackEnvironment.endpoint().toString(), "--profile",
                "s3inventory-test-no-such-profile", "-e", "SELECT name FROM aws.s3.buckets");
        assertEquals(3, answering.status(), answering.err());
        assertTrue(answering.err().contains("answers; it only needs credentials"), answering.err());
    }

    // ---- the demo estate -----------------------------------------------------------------------

    /** --reset-demo removes what was changed in the demo account and seeds the estate afresh. */
    @Test
    void resetDemoUndoesChangesToTheDemo() throws Exception {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        assertEquals(0, run("", "--seed-demo", endpoint).status());
        List<String> seeded = demoConfigurations();
        try (Connection c = DriverManager.getConnection(demoUrl()); Statement st = c.createStatement()) {
            String[] first = seeded.get(0).split("/");
            st.executeUpdate("DELETE FROM aws.s3.bucket_inventory_configurations WHERE bucket = '" + first[0]
                    + "' AND id = '" + first[1] + "'");
            st.executeUpdate("INSERT INTO aws.s3.bucket_inventory_configurations (bucket, id, destination_bucket_arn, "
                    + "destination_format, schedule_frequency) VALUES ('" + first[0] + "', 'added-by-a-user', "
                    + "'arn:aws:s3:::somewhere', 'CSV', 'Daily')");
        }
        assertFalse(demoConfigurations().equals(seeded), "the demo was changed");

        Outcome reset = run("", "--seed-demo", endpoint, "--reset-demo");

        assertEquals(0, reset.status(), reset.err());
        assertTrue(reset.err().contains("Reset the demo at " + endpoint), reset.err());
        assertEquals(seeded, demoConfigurations(), "the demo as seeded, changes undone");
        assertEquals(2, run("", "--reset-demo").status(), "--reset-demo needs --demo or --seed-demo");
    }

    private static List<String> demoConfigurations() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(demoUrl()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT bucket, id FROM aws.s3.bucket_inventory_configurations "
                        + "ORDER BY bucket, id")) {
            while (rs.next()) {
                ids.add(rs.getString(1) + "/" + rs.getString(2));
            }
        }
        return ids;
    }

    /**
     * Seeds twice (once through --seed-demo, once directly) and checks through the driver what the
     * seeder documents. Assumes nobody changed the demo's acme-* buckets on this LocalStack.
     */
    @Test
    void demoEstateIsSeededIdempotently() throws Exception {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        assertEquals(24, DemoEstate.BUCKET_COUNT);
        assertEquals(21, DemoEstate.CONFIGURATION_COUNT);
        assertEquals(8, DemoEstate.BUCKETS_WITHOUT_CONFIGURATION);
        assertEquals(Map.of("us-east-1", 10, "eu-west-1", 8, "ap-southeast-2", 6), DemoEstate.BUCKETS_PER_REGION);

        Outcome first = run("", "--seed-demo", endpoint);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("24 buckets") && first.out().contains("21 inventory configurations")
                && first.out().contains("8 have none"), first.out());
        Map<String, String> created = creationDates();

        String second = DemoEstate.seed(LocalStackEnvironment.endpoint());
        assertTrue(second.contains("already existed"), second);
        assertEquals(created, creationDates(), "the second run must not recreate anything");

        Set<String> demo = new HashSet<>(DemoEstate.bucketNames());
        Map<String, Integer> perRegion = new HashMap<>();
        List<List<String>> configurations = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(demoUrl());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, region FROM aws.s3.buckets WHERE name LIKE 'acme-%'")) {
                while (rs.next()) {
                    if (demo.contains(rs.getString(1))) {
                        perRegion.merge(rs.getString(2), 1, Integer::sum);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT bucket, id, is_enabled, schedule_frequency, "
                    + "destination_format, destination_account_id, destination_encryption, filter_prefix, "
                    + "optional_fields FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE 'acme-%'")) {
                while (rs.next()) {
                    if (demo.contains(rs.getString(1))) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= 9; i++) {
                            row.add(rs.getString(i));
                        }
                        configurations.add(row);
                    }
                }
            }
        }
        assertEquals(DemoEstate.BUCKETS_PER_REGION, perRegion, "every bucket in its region, every region used");
        assertEquals(DemoEstate.CONFIGURATION_COUNT, configurations.size());
        Map<String, Integer> perBucket = new HashMap<>();
        configurations.forEach(r -> perBucket.merge(r.get(0), 1, Integer::sum));
        assertEquals(DemoEstate.BUCKET_COUNT - DemoEstate.BUCKETS_WITHOUT_CONFIGURATION, perBucket.size());
        assertTrue(perBucket.values().stream().anyMatch(n -> n >= 2), "a bucket with several configurations");

        // The typical mistakes and variants the demo promises.
        assertTrue(configurations.stream().anyMatch(r -> r.get(2).equals("false")), "a disabled configuration");
        assertTrue(configurations.stream().anyMatch(r -> r.get(3).equals("Weekly")), "a weekly schedule");
        assertTrue(configurations.stream().anyMatch(r -> r.get(4).equals("CSV")), "CSV reports");
        assertTrue(configurations.stream().anyMatch(r -> r.get(4).equals("ORC")), "ORC reports");
        assertTrue(configurations.stream().anyMatch(r -> r.get(5) != null), "another account as destination");
        assertTrue(configurations.stream().anyMatch(r -> "SSE-KMS".equals(r.get(6))), "SSE-KMS");
        assertTrue(configurations.stream().anyMatch(r -> "SSE-S3".equals(r.get(6))), "SSE-S3");
        assertTrue(configurations.stream().anyMatch(r -> r.get(6) == null), "unencrypted reports");
        assertTrue(configurations.stream().anyMatch(r -> r.get(7) != null), "a filter prefix");
        assertTrue(configurations.stream().anyMatch(r -> r.get(8) == null), "no optional fields");
        assertFalse(configurations.stream().anyMatch(r -> r.get(8) != null && r.get(8).toLowerCase(Locale.ROOT)
                .matches(".*(objectaccesscontrollist|objectowner|lifecycleexpirationdate).*")),
                "only optional fields LocalStack 4.13.1 accepts");
    }

    /** The demo lives in its own LocalStack account (DemoEstate.ACCESS_KEY_ID). */
    private static String demoUrl() {
        return DemoMode.url(LocalStackEnvironment.endpoint().toString());
    }

    private static Map<String, String> creationDates() throws Exception {
        Set<String> demo = new HashSet<>(DemoEstate.bucketNames());
        Map<String, String> dates = new HashMap<>();
        try (Connection c = DriverManager.getConnection(demoUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT name, creation_date FROM aws.s3.buckets WHERE name LIKE 'acme-%'")) {
            while (rs.next()) {
                if (demo.contains(rs.getString(1))) {
                    dates.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertEquals(DemoEstate.BUCKET_COUNT, dates.size(), "all demo buckets exist");
        return dates;
    }
}
