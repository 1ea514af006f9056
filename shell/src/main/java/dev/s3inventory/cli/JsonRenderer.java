package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One JSON array per result set, one object per row on its own line, keys in column order:
 * <pre>
 * [
 *   {"name": "acme-prod-logs", "region": "us-east-1"},
 *   {"name": "acme-dev-scratch", "region": "us-east-1"}
 * ]
 * </pre>
 * NULL is {@code null}, BOOLEAN columns are {@code true}/{@code false}, numbers are JSON numbers
 * (a value JSON cannot hold, such as NaN, is written as a string), everything else is a string.
 * Several statements give several arrays one after the other, which {@code jq} reads as a stream.
 */
final class JsonRenderer {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private JsonRenderer() {
    }

    static List<String> render(ResultTable table) {
        if (table.rows().isEmpty()) {
            return List.of("[]");
        }
        List<String> lines = new ArrayList<>(table.rows().size() + 2);
        lines.add("[");
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            StringBuilder object = new StringBuilder("  {");
            for (int i = 0; i < table.width(); i++) {
                object.append(i == 0 ? "" : ", ");
                quote(object, table.headers().get(i)).append(": ");
                value(object, row[i], table.kinds().get(i));
            }
            object.append(r + 1 < table.rows().size() ? "}," : "}");
            lines.add(object.toString());
        }
        lines.add("]");
        return lines;
    }

    private static void value(StringBuilder b, String text, ResultTable.Kind kind) {
        if (text == null) {
            b.append("null");
        } else if (kind == ResultTable.Kind.BOOLEAN && (text.equals("true") || text.equals("false"))) {
            b.append(text);
        } else if (kind == ResultTable.Kind.NUMBER && JSON_NUMBER.matcher(text).matches()) {
            b.append(text);
        } else {
            quote(b, text);
        }
    }

    /** Appends a JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"');
    }
}
