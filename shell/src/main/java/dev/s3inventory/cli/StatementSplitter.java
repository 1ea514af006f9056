package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text, fed line by line, into statements that end with {@code ;}. A {@code ;} inside a
 * string literal ({@code '...'}, with {@code ''} as an escaped quote), a quoted identifier
 * ({@code "..."} or {@code `...`}) or a comment ({@code -- ...}, {@code /* ... *}{@code /}) does not end a
 * statement; literals and identifiers may span lines. Comments are dropped from the statement text.
 */
final class StatementSplitter {
    private final StringBuilder pending = new StringBuilder();
    /** The quote character of the literal or identifier we are inside, or 0. */
    private char quote;
    private boolean inBlockComment;

    /** Adds one line (without its line terminator); returns the statements it completed, trimmed, without {@code ;}. */
    List<String> feed(String line) {
        List<String> complete = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (inBlockComment) {
                if (c == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                    inBlockComment = false;
                    pending.append(' ');
                    i += 2;
                } else {
                    i++;
                }
                continue;
            }
            if (quote != 0) {
                pending.append(c);
                if (c == quote) {
                    quote = 0; // a doubled quote re-opens at once: 'it''s' stays one literal
                }
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                pending.append(c);
                i++;
            } else if (c == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
                break; // the rest of the line is a comment
            } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                inBlockComment = true;
                i += 2;
            } else if (c == ';') {
                String statement = pending.toString().trim();
                pending.setLength(0);
                if (!statement.isEmpty()) {
                    complete.add(statement);
                }
                i++;
            } else {
                pending.append(c);
                i++;
            }
        }
        pending.append('\n');
        return complete;
    }

    /** True when no statement text is waiting for its {@code ;}. */
    boolean isEmpty() {
        return quote == 0 && !inBlockComment && pending.toString().isBlank();
    }

    /** Returns what is left without a closing {@code ;} (null when nothing), and resets. */
    String flush() {
        String rest = pending.toString().trim();
        pending.setLength(0);
        quote = 0;
        inBlockComment = false;
        return rest.isEmpty() ? null : rest;
    }
}
