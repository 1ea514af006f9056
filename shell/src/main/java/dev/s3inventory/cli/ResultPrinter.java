package dev.s3inventory.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a result set and writes it to standard output in one of the {@link Format}s. Timestamps are
 * written as ISO-8601 instants in UTC ({@code 2025-03-01T09:30:00Z}), whatever the JVM's time zone, so
 * that output does not depend on where it was produced.
 */
final class ResultPrinter {
    private final PrintStream out;

    ResultPrinter(PrintStream out) {
        this.out = out;
    }

    /** Reads the rest of the result set into memory (the driver has materialized it already). */
    static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> headers = new ArrayList<>(n);
        List<ResultTable.Kind> kinds = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            headers.add(md.getColumnLabel(i));
            kinds.add(kind(md.getColumnType(i)));
        }
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = text(rs, i);
            }
            rows.add(row);
        }
        return new ResultTable(headers, kinds, rows);
    }

    void print(ResultTable table, Format format) {
        switch (format) {
            case CSV -> out.print(DelimitedRenderer.csv(table));
            case TSV -> out.print(DelimitedRenderer.tsv(table));
            case JSON -> JsonRenderer.render(table).forEach(out::println);
            case MARKDOWN -> MarkdownRenderer.render(table).forEach(out::println);
            default -> TableRenderer.render(table).forEach(out::println);
        }
        out.flush();
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            // The driver's TIMESTAMP is a UTC wall-clock time; asking for an Instant gives the true
            // instant whatever this JVM's time zone.
            return rs.getObject(column, Instant.class).toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Boolean) {
            return value.toString();
        }
        return rs.getString(column);
    }

    private static ResultTable.Kind kind(int type) {
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> ResultTable.Kind.NUMBER;
            case Types.BOOLEAN, Types.BIT -> ResultTable.Kind.BOOLEAN;
            default -> ResultTable.Kind.TEXT;
        };
    }
}
