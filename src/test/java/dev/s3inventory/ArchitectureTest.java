package dev.s3inventory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package boundaries of {@code src/main/java}, checked on the source text (imports and fully
 * qualified names alike; comments are ignored, string literals are not, so a reflective
 * {@code Class.forName("software.amazon...")} counts as a dependency too).
 *
 * <p>Paths below are relative to {@code src/main/java}. To allow something new, change the table,
 * not the code.
 */
class ArchitectureTest {

    private static final String ROOT = "dev/s3inventory/";

    /** Where a rule applies. */
    private static Predicate<String> in(String... dirs) {
        return path -> Stream.of(dirs).anyMatch(d -> path.startsWith(ROOT + d));
    }

    private static Predicate<String> outside(String... dirs) {
        return in(dirs).negate();
    }

    /**
     * One row of the rule table: in files matching {@code scope}, every match of {@code forbidden}
     * is a violation unless the matched text is listed for that file (by file name) in {@code allowed}.
     */
    private record Rule(String why, Predicate<String> scope, Pattern forbidden, Map<String, Set<String>> allowed) {
        Rule(String why, Predicate<String> scope, String forbidden) {
            this(why, scope, Pattern.compile(forbidden), Map.of());
        }

        Rule allowing(Map<String, Set<String>> exceptions) {
            return new Rule(why, scope, forbidden, exceptions);
        }
    }

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
        new Rule("engine/, schema/ and sql/ know nothing of JDBC",
            in("engine/", "schema/", "sql/"),  "\\bdev\\.s3inventory\\.jdbc\\b"),
        new Rule("schema/ is a leaf: no engine/, sql/, s3/ or jdbc/",
            in("schema/"),                     "\\bdev\\.s3inventory\\.(engine|sql|s3|jdbc)\\b"),
        new Rule("cli/ uses the driver through DriverManager only (DemoEstate seeds the demo through the SDK)",
            in("cli/"),                        "\\bdev\\.s3inventory\\.(engine|sql|s3|jdbc|schema)\\.[\\w.*]+")
            // ...and the driver's public progress extension, which any client may use the same way.
            .allowing(Map.of("Main.java", Set.of("dev.s3inventory.s3.DemoEstate",
                "dev.s3inventory.jdbc.ProgressReporting", "dev.s3inventory.jdbc.ProgressListener"))),
        new Rule("no console output outside cli/ (a driver lives inside someone else's process)",
            outside("cli/"),                   "\\bSystem\\s*\\.\\s*(out|err)\\b|\\bprintStackTrace\\s*\\(")
    );
    // @formatter:on

    /** DatabaseMetaData is the biggest file by far; anything approaching this should be split. */
    private static final int MAX_LINES = 1_300;

    private static final Path MAIN = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");

    @Test
    void packageBoundariesHold() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            violations.addAll(check(relative(file), Files.readString(file, StandardCharsets.UTF_8)));
        }
        if (!violations.isEmpty()) {
            fail(violations.size() + " architecture violation(s) in " + MAIN + ":\n  " + String.join("\n  ", violations));
        }
    }

    @Test
    void everyMainSourceFileIsUnderTheSizeLimit() throws IOException {
        List<String> tooBig = new ArrayList<>();
        String biggest = null;
        long biggestLines = -1;
        for (Path file : sources()) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > biggestLines) {
                biggestLines = lines;
                biggest = relative(file);
            }
            if (lines >= MAX_LINES) {
                tooBig.add(relative(file) + ": " + lines + " lines");
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
        assertOneViolation(check("dev/s3inventory/schema/X.java", "import dev.s3inventory.engine.Values;\n"), "leaf");
        assertTrue(check("dev/s3inventory/schema/X.java", "import dev.s3inventory.Errors;\n").isEmpty());
        assertOneViolation(check("dev/s3inventory/engine/X.java", "class X {{ System.err.println(1); }}\n"), "console");
        assertOneViolation(check("dev/s3inventory/engine/X.java", "class X {{ e.printStackTrace(); }}\n"), "console");
        assertTrue(check("dev/s3inventory/cli/Main.java", "class X {{ System.out.println(1); }}\n").isEmpty());
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

    private static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve(ROOT)), "no " + ROOT + " under " + MAIN);
        try (Stream<Path> walk = Files.walk(MAIN)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).sorted(Comparator.naturalOrder()).toList();
            assertFalse(files.isEmpty(), "no Java sources under " + MAIN);
            return files;
        }
    }

    private static String relative(Path file) {
        return MAIN.relativize(file).toString().replace('\\', '/');
    }

    /** Violations of every rule in one file, as {@code path:line: matched text — why}. */
    static List<String> check(String path, String source) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        List<String> lines = withoutComments(source).lines().toList();
        List<String> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.scope().test(path)) {
                continue;
            }
            Set<String> allowed = rule.allowed().getOrDefault(fileName, Set.of());
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = rule.forbidden().matcher(lines.get(i));
                while (m.find()) {
                    if (!allowed.contains(m.group())) {
                        violations.add(path + ":" + (i + 1) + ": " + m.group() + " — " + rule.why());
                    }
                }
            }
        }
        return violations;
    }

    /**
     * The source with every comment blanked out (line breaks kept, so line numbers stay right);
     * string, text-block and char literals are kept as they are.
     */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                out.append(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(s, i, j);
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
