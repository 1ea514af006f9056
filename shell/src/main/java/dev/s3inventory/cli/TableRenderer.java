package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The aligned table people read: a header, a rule, one line a row, a {@code (N rows)} footer. NULL is
 * shown as {@code NULL}, numbers are right-aligned, and control characters are escaped so that every
 * row stays on one line.
 */
final class TableRenderer {
    private TableRenderer() {
    }

    static List<String> render(ResultTable table) {
        int n = table.width();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = length(table.headers().get(i));
            right[i] = table.isNumber(i);
        }
        List<String[]> cells = new ArrayList<>(table.rows().size());
        for (String[] row : table.rows()) {
            String[] shown = new String[n];
            for (int i = 0; i < n; i++) {
                shown[i] = row[i] == null ? "NULL" : visible(row[i]);
                width[i] = Math.max(width[i], length(shown[i]));
            }
            cells.add(shown);
        }
        List<String> lines = new ArrayList<>(cells.size() + 3);
        lines.add(line(table.headers().toArray(new String[0]), width, new boolean[n]));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        lines.add(rule.toString());
        for (String[] row : cells) {
            lines.add(line(row, width, right));
        }
        lines.add("(" + rows(table.rows().size()) + ")");
        return lines;
    }

    /** How many rows, with the right noun: {@code 1 row}, {@code 3 rows}. */
    static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - length(cells[i]));
            line.append(i == 0 ? "" : " | ");
            line.append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        return line.toString().stripTrailing();
    }

    /** Width in code points, so that accented names keep the columns aligned. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Keeps a cell on one line: line breaks, tabs and other control characters are shown as escapes. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}
