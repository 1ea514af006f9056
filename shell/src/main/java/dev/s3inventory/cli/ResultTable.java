package dev.s3inventory.cli;

import java.util.List;

/**
 * A result set read into memory as text, which is what every output format starts from.
 *
 * @param headers column labels
 * @param kinds   what each column holds, for alignment (table, Markdown) and typing (JSON)
 * @param rows    the cells as text; a null cell is SQL NULL
 */
record ResultTable(List<String> headers, List<Kind> kinds, List<String[]> rows) {

    enum Kind { TEXT, NUMBER, BOOLEAN }

    int width() {
        return headers.size();
    }

    boolean isNumber(int column) {
        return kinds.get(column) == Kind.NUMBER;
    }

    /** A table of text columns, e.g. for command output that does not come from a result set. */
    static ResultTable ofText(List<String> headers, List<String[]> rows) {
        return new ResultTable(headers, headers.stream().map(h -> Kind.TEXT).toList(), rows);
    }
}
