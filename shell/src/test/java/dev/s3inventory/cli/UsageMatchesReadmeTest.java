package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --help} and the README's option table of the shell list the same options. */
class UsageMatchesReadmeTest {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[a-z][a-z-]*)");

    @Test
    void helpAndReadmeListTheSameOptions() throws IOException {
        Set<String> help = new TreeSet<>();
        for (String line : Usage.text().split("\\R")) {
            // An option line: two spaces, the option column, two or more spaces, its meaning.
            Matcher row = Pattern.compile("^  (-\\S.*?)(\\s{2,}|$)").matcher(line);
            if (row.find()) {
                options(row.group(1), help);
            }
        }
        Set<String> readme = new TreeSet<>();
        String text = Files.readString(ProjectFiles.resolve("README.md"), StandardCharsets.UTF_8);
        String shell = text.substring(text.indexOf("## The shell"), text.indexOf("## Using the driver"));
        for (String line : shell.split("\\R")) {
            if (line.startsWith("| `-")) {
                options(line.substring(1, line.indexOf('|', 1)), readme);
            }
        }
        assertTrue(help.contains("--demo") && help.contains("--seed-demo") && help.contains("--reset-demo"), help.toString());
        assertEquals(help, readme, "--help and the README's option table of the shell");
    }

    private static void options(String column, Set<String> into) {
        Matcher m = OPTION.matcher(column);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
