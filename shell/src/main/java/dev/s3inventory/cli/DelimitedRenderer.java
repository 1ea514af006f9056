package dev.s3inventory.cli;

/**
 * CSV as RFC 4180 (CRLF line ends; NULL is an empty field, an empty string is {@code ""}) and TSV
 * (tab, newline and backslash escaped as {@code \t \n \\}; NULL is empty). Both start with a header
 * record and carry nothing else, so that they pipe cleanly into other tools.
 */
final class DelimitedRenderer {
    private DelimitedRenderer() {
    }

    static String csv(ResultTable table) {
        return render(table, ',', "\r\n");
    }

    static String tsv(ResultTable table) {
        return render(table, '\t', "\n");
    }

    private static String render(ResultTable table, char separator, String newline) {
        StringBuilder b = new StringBuilder();
        appendRecord(b, table.headers().toArray(new String[0]), separator, newline, true);
        for (String[] row : table.rows()) {
            appendRecord(b, row, separator, newline, false);
        }
        return b.toString();
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
        // An empty string is quoted so that it differs from NULL (an empty field).
        boolean quote = (!header && s.isEmpty()) || s.indexOf(',') >= 0 || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String tsvField(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
