package dev.s3inventory.cli;

import dev.s3inventory.cli.CliOptions.Format;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes result sets as an aligned table (NULL shown as {@code NULL}, numbers right-aligned, a
 * {@code (N rows)} footer), as RFC 4180 CSV (CRLF line ends; NULL is an empty field, an empty string
 * is {@code ""}) or as TSV (tab, newline and backslash escaped as {@code \t \n \\}; NULL is empty).
 * Timestamps are written as ISO-8601 instants in UTC, whatever the JVM's time zone.
 */
final class ResultPrinter {
    private final Format format;
    private final PrintStream out;

    ResultPrinter(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    /** Reads the rest of the result set and prints it. */
    void print(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> headers = new ArrayList<>(n);
        boolean[] numeric = new boolean[n];
        for (int i = 1; i <= n; i++) {
            headers.add(md.getColumnLabel(i));
            numeric[i - 1] = isNumeric(md.getColumnType(i));
        }
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = text(rs, i);
            }
            rows.add(row);
        }
        print(headers, numeric, rows);
    }

    /** Prints rows given as text; a null cell is SQL NULL. */
    void print(List<String> headers, boolean[] rightAligned, List<String[]> rows) {
        switch (format) {
            case CSV -> printDelimited(headers, rows, ',', "\r\n");
            case TSV -> printDelimited(headers, rows, '\t', "\n");
            default -> printTable(headers, rightAligned, rows);
        }
        out.flush();
    }

    /** How many rows, with the right noun: {@code 1 row}, {@code 3 rows}. */
    static String rows(long count) {
        return count + (count == 1 ? " row" : " rows");
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return rs.getString(column);
    }

    private static boolean isNumeric(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> true;
            default -> false;
        };
    }

    private void printTable(List<String> headers, boolean[] rightAligned, List<String[]> rows) {
        int n = headers.size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>(rows.size());
        for (int i = 0; i < n; i++) {
            width[i] = length(headers.get(i));
        }
        for (String[] row : rows) {
            String[] shown = new String[n];
            for (int i = 0; i < n; i++) {
                shown[i] = row[i] == null ? "NULL" : visible(row[i]);
                width[i] = Math.max(width[i], length(shown[i]));
            }
            cells.add(shown);
        }
        out.println(line(headers.toArray(new String[0]), width, new boolean[n]));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (String[] row : cells) {
            out.println(line(row, width, rightAligned));
        }
        out.println("(" + rows(rows.size()) + ")");
    }

    private static String line(String[] cells, int[] width, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - length(cells[i]));
            line.append(i == 0 ? "" : " | ");
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        return stripTrailing(line);
    }

    private static String stripTrailing(StringBuilder s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Keeps a table cell on one line: control characters are shown as escapes. */
    private static String visible(String s) {
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

    private void printDelimited(List<String> headers, List<String[]> rows, char separator, String newline) {
        StringBuilder b = new StringBuilder();
        appendRecord(b, headers.toArray(new String[0]), separator, newline, true);
        for (String[] row : rows) {
            appendRecord(b, row, separator, newline, false);
        }
        out.print(b);
    }

    private static void appendRecord(StringBuilder b, String[] fields, char separator, String newline,
            boolean header) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(separator);
            }
            String field = fields[i];
            if (field != null) {
                b.append(separator == ',' ? csvField(field, header) : tsvField(field));
            }
        }
        b.append(newline);
    }

    private static String csvField(String s, boolean header) {
        boolean quote = (!header && s.isEmpty()) || s.indexOf(',') >= 0 || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String tsvField(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
