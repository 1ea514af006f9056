package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.s3.DemoEstate;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
                new String[] {"SELECT 1"}, new String[] {"--url", "jdbc:other:x", "-e", "SELECT 1"})) {
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
    void unreachableEndpointExitsWithTwo() {
        Outcome r = run("", "--url", "jdbc:s3inventory:?endpoint=http://127.0.0.1:1&region=us-east-1"
                + "&user=test&password=sekrit", "-e", "SELECT name FROM aws.s3.buckets");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error [08001]: "), r.err());
        assertFalse(r.err().contains("sekrit"), r.err());
    }

    // ---- the demo estate -----------------------------------------------------------------------

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
        try (Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
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

    private static Map<String, String> creationDates() throws Exception {
        Set<String> demo = new HashSet<>(DemoEstate.bucketNames());
        Map<String, String> dates = new HashMap<>();
        try (Connection c = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
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
