package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, padded so that it also reads well as plain text:
 * <pre>
 * | name             | configurations |
 * | ---------------- | -------------: |
 * | acme-prod-logs   |              1 |
 * </pre>
 * Numbers are right-aligned ({@code ---:}). NULL is an empty cell; {@code |} is escaped as {@code \|}
 * and line breaks become {@code <br>}, so that a cell never breaks the table. No footer: the
 * output is meant to be pasted as it is.
 */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    static List<String> render(ResultTable table) {
        int n = table.width();
        int[] width = new int[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            headers[i] = cell(table.headers().get(i));
            width[i] = Math.max(3, TableRenderer.length(headers[i])); // a delimiter cell needs three characters
        }
        List<String[]> cells = new ArrayList<>(table.rows().size());
        for (String[] row : table.rows()) {
            String[] shown = new String[n];
            for (int i = 0; i < n; i++) {
                shown[i] = row[i] == null ? "" : cell(row[i]);
                width[i] = Math.max(width[i], TableRenderer.length(shown[i]));
            }
            cells.add(shown);
        }
        List<String> lines = new ArrayList<>(cells.size() + 2);
        lines.add(line(headers, width, new boolean[n]));
        StringBuilder delimiter = new StringBuilder("|");
        for (int i = 0; i < n; i++) {
            delimiter.append(' ').append(table.isNumber(i) ? "-".repeat(width[i] - 1) + ":" : "-".repeat(width[i]))
                    .append(" |");
        }
        lines.add(delimiter.toString());
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            right[i] = table.isNumber(i);
        }
        for (String[] row : cells) {
            lines.add(line(row, width, right));
        }
        return lines;
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - TableRenderer.length(cells[i]));
            line.append(' ').append(right[i] ? pad + cells[i] : cells[i] + pad).append(" |");
        }
        return line.toString();
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
                .replace("\r", "<br>").replace("\t", " ");
    }
}
