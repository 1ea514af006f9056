package dev.s3inventory.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules about what a module's sources may mention, checked on the source text (imports and fully qualified
 * names alike; comments are ignored, string literals are not, so a reflective
 * {@code Class.forName("software.amazon...")} counts too). Each module's architecture test holds its table
 * of {@link Rule}s; paths are relative to {@code src/main/java}.
 */
public final class SourceRules {
    public static final String ROOT = "dev/s3inventory/";
    /** In a rule's {@code allowed} map: what every file in the rule's scope may mention. */
    public static final String ANY_FILE = "*";

    private SourceRules() {
    }

    /**
     * One row of a rule table: in files matching {@code scope}, every match of {@code forbidden} is a
     * violation unless the matched text is listed for that file (by file name), or for {@link #ANY_FILE}, in
     * {@code allowed}.
     */
    public record Rule(String why, Predicate<String> scope, Pattern forbidden, Map<String, Set<String>> allowed) {
        public Rule(String why, Predicate<String> scope, String forbidden) {
            this(why, scope, Pattern.compile(forbidden), Map.of());
        }

        public Rule allowing(Map<String, Set<String>> exceptions) {
            return new Rule(why, scope, forbidden, exceptions);
        }
    }

    /** Files under these packages (relative to {@code dev/s3inventory/}). */
    public static Predicate<String> in(String... dirs) {
        return path -> Stream.of(dirs).anyMatch(d -> path.startsWith(ROOT + d));
    }

    public static Predicate<String> outside(String... dirs) {
        return in(dirs).negate();
    }

    /** The module's main sources: {@code src/main/java} under the module Maven runs the test in. */
    public static Path mainSources() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/main/java");
    }

    public static List<Path> sources(Path main) throws IOException {
        assertTrue(Files.isDirectory(main.resolve(ROOT)), "no " + ROOT + " under " + main);
        try (Stream<Path> walk = Files.walk(main)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).sorted(Comparator.naturalOrder()).toList();
            assertFalse(files.isEmpty(), "no Java sources under " + main);
            return files;
        }
    }

    /** Violations of every rule in every file under {@code main}. */
    public static List<String> violations(List<Rule> rules, Path main) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(main)) {
            String relative = main.relativize(file).toString().replace('\\', '/');
            violations.addAll(check(rules, relative, Files.readString(file, StandardCharsets.UTF_8)));
        }
        return violations;
    }

    /** Violations of every rule in one file, as {@code path:line: matched text — why}. */
    public static List<String> check(List<Rule> rules, String path, String source) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        List<String> lines = withoutComments(source).lines().toList();
        List<String> violations = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.scope().test(path)) {
                continue;
            }
            Set<String> allowed = new HashSet<>(rule.allowed().getOrDefault(fileName, Set.of()));
            allowed.addAll(rule.allowed().getOrDefault(ANY_FILE, Set.of()));
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
    public static String withoutComments(String s) {
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
