package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s3inventory.testing.LocalStackEnvironment;
import dev.s3inventory.testing.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/cookbook.md stays true: every {@code sql} block runs on the demo estate and prints exactly the
 * {@code text} block under it. With {@code -Dcookbook.update=true} the test writes the outputs into the
 * document instead (then review the diff), which is how the outputs were made in the first place.
 */
class CookbookTest {
    private static final Path COOKBOOK = ProjectFiles.resolve("docs/cookbook.md");

    /** One query of the cookbook: its SQL and the lines of the document that hold its output. */
    private record Example(String title, String sql, int outputStart, int outputEnd) {
    }

    @Test
    void everyQueryPrintsWhatTheCookbookShows() throws Exception {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        List<String> lines = new ArrayList<>(Files.readAllLines(COOKBOOK, StandardCharsets.UTF_8));
        List<Example> examples = examples(lines);
        assertTrue(examples.size() >= 15, "the cookbook should hold its ready queries, found " + examples.size());

        boolean update = Boolean.getBoolean("cookbook.update");
        List<String> differences = new ArrayList<>();
        // Backwards, so that replacing one output does not move the lines of those before it.
        for (int i = examples.size() - 1; i >= 0; i--) {
            Example e = examples.get(i);
            String actual = run(endpoint, e);
            List<String> actualLines = actual.isEmpty() ? List.of() : List.of(actual.split("\n", -1))
                    .subList(0, actual.split("\n", -1).length - 1);
            List<String> shown = lines.subList(e.outputStart(), e.outputEnd());
            if (!shown.equals(actualLines)) {
                if (update) {
                    shown.clear();
                    shown.addAll(actualLines);
                } else {
                    differences.add("### " + e.title() + "\n--- cookbook shows:\n" + String.join("\n", shown)
                            + "\n--- the query prints:\n" + actual);
                }
            }
        }
        if (update) {
            Files.write(COOKBOOK, lines, StandardCharsets.UTF_8);
            return;
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " cookbook output(s) differ; regenerate with -Dcookbook.update=true "
                    + "and review the diff:\n" + String.join("\n\n", differences));
        }
    }

    /** Runs one query as a user would: {@code bin/s3inventory} = the shell with {@code --demo}. */
    private static String run(String endpoint, Example e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream r = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(new String[] {"--demo", endpoint, "-e", e.sql()},
                    new ByteArrayInputStream(new byte[0]), o, r);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, e.title() + ": " + errors);
        assertEquals("", errors, e.title() + ": nothing on standard error (no warning, no error)");
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** Each {@code ```sql} block with the {@code ```text} block that must follow it. */
    private static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        String title = "(no title)";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                title = line.replaceFirst("^#+\\s*", "");
            }
            if (!line.equals("```sql")) {
                continue;
            }
            int end = closing(lines, i + 1);
            String sql = String.join("\n", lines.subList(i + 1, end));
            int next = end + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            assertFalse(next >= lines.size() || !lines.get(next).equals("```text"),
                    "the query under '" + title + "' (line " + (i + 1) + ") needs a ```text block with its output");
            int outputEnd = closing(lines, next + 1);
            examples.add(new Example(title, sql, next + 1, outputEnd));
            i = outputEnd;
        }
        return examples;
    }

    private static int closing(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new AssertionError("unclosed code block starting at line " + from);
    }
}
