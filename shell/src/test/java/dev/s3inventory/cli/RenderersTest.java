package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.cli.ResultTable.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output formats on values a database round trip cannot easily produce. */
class RenderersTest {
    private static ResultTable table(List<String> headers, List<Kind> kinds, String[]... rows) {
        return new ResultTable(headers, kinds, new ArrayList<>(List.of(rows)));
    }

    @Test
    void jsonEscapesAndTypes() {
        ResultTable t = table(List.of("s", "n", "b", "x"), List.of(Kind.TEXT, Kind.NUMBER, Kind.BOOLEAN, Kind.NUMBER),
                new String[] {"tab\tnew\nline \u0001 \"q\" \\ é", "-1.5E3", "false", "NaN"},
                new String[] {null, "0", null, "Infinity"});
        assertEquals(List.of(
                "[",
                "  {\"s\": \"tab\\tnew\\nline \\u0001 \\\"q\\\" \\\\ é\", \"n\": -1.5E3, \"b\": false, \"x\": \"NaN\"},",
                "  {\"s\": null, \"n\": 0, \"b\": null, \"x\": \"Infinity\"}",
                "]"), JsonRenderer.render(t));
        assertEquals(List.of("[]"), JsonRenderer.render(table(List.of("a"), List.of(Kind.TEXT))));
    }

    @Test
    void markdownEscapesPipesAndLineBreaks() {
        ResultTable t = table(List.of("a|b", "n"), List.of(Kind.TEXT, Kind.NUMBER),
                new String[] {"x|y\nz", "7"}, new String[] {"back\\slash", null});
        assertEquals(List.of(
                "| a\\|b        | n   |",
                "| ----------- | --: |",
                "| x\\|y<br>z   |   7 |",
                "| back\\\\slash |     |"), MarkdownRenderer.render(t));
    }

    @Test
    void tableKeepsEveryRowOnOneLine() {
        ResultTable t = table(List.of("v", "n"), List.of(Kind.TEXT, Kind.NUMBER),
                new String[] {"two\nlines\ttab", "10"}, new String[] {null, "9"});
        assertEquals(List.of(
                "v               | n",
                "----------------+---",
                "two\\nlines\\ttab | 10",
                "NULL            |  9",
                "(2 rows)"), TableRenderer.render(t));
    }

    @Test
    void csvTellsEmptyFromNullAndTsvEscapes() {
        ResultTable t = table(List.of("a", "b"), List.of(Kind.TEXT, Kind.TEXT),
                new String[] {"", null}, new String[] {"x,\"y\"", "t\tn\n\\"});
        assertEquals("a,b\r\n\"\",\r\n\"x,\"\"y\"\"\",\"t\tn\n\\\"\r\n", DelimitedRenderer.csv(t));
        assertEquals("a\tb\n\t\nx,\"y\"\tt\\tn\\n\\\\\n", DelimitedRenderer.tsv(t));
    }
}
