package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line, and the JDBC URL its connection flags build. */
class CliOptionsTest {
    private static final Path HOME_HISTORY = Path.of("/home/someone/.s3inventory_history");

    private static CliOptions parse(String... args) throws CliOptions.UsageException {
        return CliOptions.parse(args, HOME_HISTORY);
    }

    private static String url(String... args) throws CliOptions.UsageException {
        return parse(args).url();
    }

    @Test
    void flagsBuildTheUrl() throws Exception {
        assertEquals("jdbc:s3inventory:", url());
        assertEquals("jdbc:s3inventory:", url("--aws"));
        assertEquals("jdbc:s3inventory:?region=eu-west-1&profile=prod", url("--region", "eu-west-1", "--profile=prod"));
        assertEquals("jdbc:s3inventory:?endpoint=http://127.0.0.1:4566&pathStyleAccess=true",
                url("--endpoint", "http://127.0.0.1:4566"), "an endpoint override means path-style");
        assertEquals("jdbc:s3inventory:?endpoint=http://minio:9000&pathStyleAccess=false",
                url("--endpoint", "http://minio:9000", "-p", "pathStyleAccess=false"));
        assertEquals("jdbc:s3inventory:?pathStyleAccess=false&endpoint=http://minio:9000",
                url("--url", "jdbc:s3inventory:?pathStyleAccess=false", "--endpoint", "http://minio:9000"));
        assertEquals("jdbc:s3inventory:?readOnly=true&maxConcurrency=8&onBucketError=fail",
                url("--read-only", "-p", "maxConcurrency=8", "--property", "onBucketError=fail"));
        assertEquals("jdbc:s3inventory:?pathStyleAccess=true", url("--path-style"));
    }

    @Test
    void aFlagWinsOverTheSameKeyInTheUrl() throws Exception {
        assertEquals("jdbc:s3inventory:?maxConcurrency=8&profile=x&region=eu-west-1",
                url("--url", "jdbc:s3inventory:?Region=us-east-1&maxConcurrency=8&profile=x", "--region", "eu-west-1"));
        assertEquals("JDBC:S3INVENTORY:?region=eu-west-1", url("--url", "JDBC:S3INVENTORY:", "--region", "eu-west-1"));
    }

    @Test
    void valuesAreEncodedOnlyWhereTheQueryStringNeedsIt() throws Exception {
        assertEquals("jdbc:s3inventory:?sessionToken=a%2Bb%26c%3Dd%25e%20f%C3%A9",
                url("-p", "sessionToken=a+b&c=d%e fé"));
        assertEquals("jdbc:s3inventory:?endpoint=https://s3.example.com:9000/path&pathStyleAccess=true",
                url("--endpoint", "https://s3.example.com:9000/path"));
    }

    @Test
    void demoUrlIsTheDemoAccountWithFlagsOnTop() throws Exception {
        assertEquals("jdbc:s3inventory:?endpoint=http://127.0.0.1:4566&pathStyleAccess=true&region=us-east-1"
                + "&user=123456789012&password=test", url("--demo", "http://127.0.0.1:4566"));
        assertEquals("jdbc:s3inventory:?endpoint=http://127.0.0.1:4566&pathStyleAccess=true&region=us-east-1"
                + "&user=123456789012&password=test&maxConcurrency=2",
                url("--demo=http://127.0.0.1:4566", "-p", "maxConcurrency=2"));
    }

    @Test
    void outputHistoryAndStatements() throws Exception {
        CliOptions o = parse("--format", "MD", "--timing", "-v", "-e", "SELECT 1", "--execute=SELECT 2");
        assertEquals(Format.MARKDOWN, o.format());
        assertTrue(o.timing() && o.verbose() && o.batch());
        assertEquals(java.util.List.of("SELECT 1", "SELECT 2"), o.commands());
        assertEquals(HOME_HISTORY, o.history());
        assertNull(parse("--no-history").history());
        assertEquals(Path.of("/tmp/h"), parse("--history", "/tmp/h").history());
        assertEquals("-", parse("-f", "-").file());
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() {
        assertEquals("unknown format 'xml' (choose table, csv, tsv, json or markdown)",
                assertThrows(CliOptions.UsageException.class, () -> parse("--format", "xml")).getMessage());
        assertEquals("-p needs key=value (got 'region'), e.g. -p maxConcurrency=8",
                assertThrows(CliOptions.UsageException.class, () -> parse("-p", "region")).getMessage());
        assertEquals("use either --demo or --url, not both",
                assertThrows(CliOptions.UsageException.class, () -> parse("--demo", "x", "--url", "jdbc:s3inventory:"))
                        .getMessage());
        assertEquals("--url must start with jdbc:s3inventory: (got 'jdbc:x:?password=***')",
                assertThrows(CliOptions.UsageException.class, () -> parse("--url", "jdbc:x:?password=hunter2"))
                        .getMessage());
        assertEquals("--region needs a value",
                assertThrows(CliOptions.UsageException.class, () -> parse("--region")).getMessage());
    }
}
