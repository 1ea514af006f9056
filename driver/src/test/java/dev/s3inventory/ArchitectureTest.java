package dev.s3inventory;

import static dev.s3inventory.testing.SourceRules.ANY_FILE;
import static dev.s3inventory.testing.SourceRules.in;
import static dev.s3inventory.testing.SourceRules.outside;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s3inventory.testing.SourceRules;
import dev.s3inventory.testing.SourceRules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Package boundaries of the driver's {@code src/main/java}, checked on the source text by
 * {@link SourceRules}. To allow something new, change the table, not the code.
 */
class ArchitectureTest {

    // @formatter:off
    private static final List<Rule> RULES = List.of(
        new Rule("the AWS SDK is used only in s3/",
            outside("s3/"),                    "\\bsoftware\\.amazon\\.awssdk\\b"),
        new Rule("JSqlParser is used only in sql/",
            outside("sql/"),                   "\\bnet\\.sf\\.jsqlparser\\b"),
        new Rule("jdbc/ reaches into s3/ only to open the gateway",
            in("jdbc/"),                       "\\bdev\\.s3inventory\\.s3\\.[\\w.*]+")
            .allowing(Map.of(
                // ... and to put the per-connection listing cache (cacheTtlSeconds) on top of it
                "S3InventoryDriver.java", Set.of("dev.s3inventory.s3.AwsS3Gateway", "dev.s3inventory.s3.S3Gateway",
                        "dev.s3inventory.s3.CachingS3Gateway"),
                // the driver opens the gateway with config.s3Settings(), built here from the URL properties
                "ConnectionConfig.java",  Set.of("dev.s3inventory.s3.S3Settings"))),
        new Rule("jdbc/ reaches the engine only through QueryEngine and the types of its signatures and results",
            in("jdbc/"),                       "\\bdev\\.s3inventory\\.engine\\.[\\w.*]+")
            .allowing(Map.of(ANY_FILE, Set.of("dev.s3inventory.engine.QueryEngine",
                "dev.s3inventory.engine.ExecutionContext", "dev.s3inventory.engine.BucketErrorPolicy",
                "dev.s3inventory.engine.Result", "dev.s3inventory.engine.Relation",
                "dev.s3inventory.engine.ResultColumn"))),
        new Rule("engine/, schema/ and sql/ know nothing of JDBC",
            in("engine/", "schema/", "sql/"),  "\\bdev\\.s3inventory\\.jdbc\\b"),
        new Rule("schema/ is a leaf: no engine/, sql/, s3/ or jdbc/",
            in("schema/"),                     "\\bdev\\.s3inventory\\.(engine|sql|s3|jdbc)\\b"),
        new Rule("sql/ builds on schema/ alone: no engine/ or s3/",
            in("sql/"),                        "\\bdev\\.s3inventory\\.(engine|s3)\\b"),
        new Rule("s3/ is a leaf: the AWS side knows no engine/, sql/, schema/ or jdbc/",
            in("s3/"),                         "\\bdev\\.s3inventory\\.(engine|sql|schema|jdbc)\\b"),
        new Rule("the driver is only a driver: the shell and the demo live in the shell module",
            in(""),                            "\\bdev\\.s3inventory\\.(cli|demo)\\b|\\borg\\.jline\\b"),
        new Rule("every failure and warning gets its class and SQLState in Errors (add a factory method there)",
            outside("Errors.java"),            "\\bnew\\s+(java\\.sql\\.)?SQL\\w*(Exception|Warning)\\s*\\(|\"(\\d[0-9A-Z]|HY|HZ|XX)[0-9A-Z]{3}\""),
        new Rule("no console output (a driver lives inside someone else's process)",
            in(""),                            "\\bSystem\\s*\\.\\s*(out|err)\\b|\\bprintStackTrace\\s*\\(")
            // ... but for what `java -jar` of the driver's jar prints
            .allowing(Map.of("About.java", Set.of("System.out")))
    );
    // @formatter:on

    /** DatabaseMetaData is the biggest file by far; anything approaching this should be split. */
    private static final int MAX_LINES = 1_300;

    private static final Path MAIN = SourceRules.mainSources();

    @Test
    void packageBoundariesHold() throws IOException {
        List<String> violations = SourceRules.violations(RULES, MAIN);
        if (!violations.isEmpty()) {
            fail(violations.size() + " architecture violation(s) in " + MAIN + ":\n  " + String.join("\n  ", violations));
        }
    }

    @Test
    void everyMainSourceFileIsUnderTheSizeLimit() throws IOException {
        List<String> tooBig = new ArrayList<>();
        String biggest = null;
        long biggestLines = -1;
        for (Path file : SourceRules.sources(MAIN)) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            String relative = MAIN.relativize(file).toString();
            if (lines > biggestLines) {
                biggestLines = lines;
                biggest = relative;
            }
            if (lines >= MAX_LINES) {
                tooBig.add(relative + ": " + lines + " lines");
            }
        }
        String summary = "biggest main source file: " + biggest + " (" + biggestLines + " lines, limit " + MAX_LINES + ")";
        System.out.println("ArchitectureTest: " + summary);
        assertTrue(tooBig.isEmpty(), "files must stay under " + MAX_LINES + " lines; split them:\n  "
                + String.join("\n  ", tooBig) + "\n" + summary);
    }

    /** The checker itself: each rule catches what it should and lets the allowed cases through. */
    @Test
    void rulesCatchWhatTheyShould() {
        String sdkImport = "package dev.s3inventory.jdbc;\nimport software.amazon.awssdk.services.s3.S3Client;\n";
        assertOneViolation(check("dev/s3inventory/jdbc/X.java", sdkImport), "X.java:2");
        assertTrue(check("dev/s3inventory/s3/X.java", sdkImport.replace(".jdbc;", ".s3;")).isEmpty());
        assertOneViolation(check("dev/s3inventory/engine/X.java",
                "class X {\n  Object o = new\n    net.sf.jsqlparser.schema.Table();\n}\n"), "X.java:3");
        assertTrue(check("dev/s3inventory/jdbc/S3InventoryDriver.java",
                "import dev.s3inventory.s3.AwsS3Gateway;\nimport dev.s3inventory.s3.S3Gateway;\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/jdbc/S3InventoryDriver.java", "import dev.s3inventory.s3.InventoryConfig;\n"),
                "dev.s3inventory.s3.InventoryConfig");
        assertOneViolation(check("dev/s3inventory/jdbc/S3InventoryConnection.java", "import dev.s3inventory.s3.S3Gateway;\n"),
                "S3InventoryConnection.java:1");
        assertOneViolation(check("dev/s3inventory/jdbc/S3InventoryDriver.java", "import dev.s3inventory.s3.*;\n"), "s3.*");
        assertOneViolation(check("dev/s3inventory/sql/X.java", "import static dev.s3inventory.jdbc.Y.z;\n"), "X.java:1");
        // jdbc/ sees QueryEngine and its signature and result types, in any file, and nothing else of the engine
        assertTrue(check("dev/s3inventory/jdbc/AnyStatement.java", "import dev.s3inventory.engine.QueryEngine;\n"
                + "import dev.s3inventory.engine.Result;\nclass X { dev.s3inventory.engine.Relation r; }\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/jdbc/X.java",
                "class X {{ dev.s3inventory.engine.ParameterTypes.of(s, 1); }}\n"), "engine.ParameterTypes.of");
        assertOneViolation(check("dev/s3inventory/jdbc/X.java", "import dev.s3inventory.engine.*;\n"), "QueryEngine");
        assertOneViolation(check("dev/s3inventory/jdbc/X.java", "import static dev.s3inventory.engine.Result.rows;\n"),
                "Result.rows");
        assertOneViolation(check("dev/s3inventory/sql/X.java", "import dev.s3inventory.engine.Values;\n"), "schema/ alone");
        assertOneViolation(check("dev/s3inventory/s3/X.java", "import dev.s3inventory.schema.SqlType;\n"), "leaf");
        // SQLStates come from Errors: no exception or warning built elsewhere, no state spelled out elsewhere
        assertOneViolation(check("dev/s3inventory/engine/X.java",
                "class X {{ throw new SQLException(\"cancelled\", CANCELLED); }}\n"), "new SQLException(");
        assertOneViolation(check("dev/s3inventory/jdbc/X.java", "class X {{ w = new java.sql.SQLWarning (m,\n s); }}\n"),
                "new java.sql.SQLWarning (");
        assertOneViolation(check("dev/s3inventory/sql/X.java", "class X {{ ctx.warn(m, \"02000\"); }}\n"), "\"02000\"");
        assertOneViolation(check("dev/s3inventory/s3/X.java", "class X { static final String S = \"XX000\"; }\n"),
                "Errors");
        assertTrue(check("dev/s3inventory/Errors.java", "class X {{ new SQLException(m, \"54001\"); }}\n").isEmpty());
        assertTrue(check("dev/s3inventory/s3/X.java", "class X {{ new S3CallException(m, Errors.S3_ERROR, c, b, e); "
                + "Object[] a = new SQLException[1]; f(\"COUNT\", \"SSES3\", \"2024-01-01\"); }}\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/schema/X.java", "import dev.s3inventory.engine.Values;\n"), "leaf");
        assertTrue(check("dev/s3inventory/schema/X.java", "import dev.s3inventory.Errors;\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/engine/X.java", "class X {{ System.err.println(1); }}\n"), "console");
        assertOneViolation(check("dev/s3inventory/engine/X.java", "class X {{ e.printStackTrace(); }}\n"), "console");
        assertTrue(check("dev/s3inventory/jdbc/About.java", "class X {{ System.out.println(1); }}\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/jdbc/X.java", "import org.jline.reader.LineReader;\n"), "shell module");
        assertOneViolation(check("dev/s3inventory/s3/X.java", "import dev.s3inventory.demo.DemoEstate;\n"), "shell module");
        // comments do not count, code after a comment on the same line does, strings inside comments are no trap
        assertTrue(check("dev/s3inventory/engine/X.java",
                "/* System.out\n software.amazon.awssdk */ // net.sf.jsqlparser\n/** {@link dev.s3inventory.jdbc.X} */\n")
                .isEmpty());
        assertOneViolation(check("dev/s3inventory/engine/X.java", "/* \" */ int a; System.out.print(\"// \\\" /*\");\n"),
                "X.java:1");
        assertTrue(check("dev/s3inventory/engine/X.java", "String s = \"/*\"; // \nint b; // */ System.out\n")
                .isEmpty());
        assertOneViolation(check("dev/s3inventory/engine/X.java",
                "char c = '\"'; String t = \"\"\"\n  \"/*\n  \"\"\"; System.out.flush();\n"), "X.java:3");
    }

    private static void assertOneViolation(List<String> violations, String mustMention) {
        assertTrue(violations.size() == 1 && violations.get(0).contains(mustMention),
                "expected exactly one violation mentioning '" + mustMention + "', got " + violations);
    }


    private static List<String> check(String path, String source) {
        return SourceRules.check(RULES, path, source);
    }
}
