package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import java.sql.SQLException;

/**
 * Checks the parentheses of a statement before JSqlParser sees it. JSqlParser backtracks
 * exponentially on an unclosed parenthesis — {@code SELECT (((((} took 8 to 16 s to fail (its
 * parse timeout, twice) — and slows down steeply with depth (200 levels: 0.75 s, 400: 3 s), so a
 * typo or a runaway generator would freeze the statement. Text inside string literals, quoted
 * identifiers and comments is skipped.
 */
final class Nesting {
    /** Far beyond hand-written or tool-generated SQL; JSqlParser answers within ~0.2 s at this depth. */
    static final int MAX_DEPTH = 100;

    private Nesting() {
    }

    static void check(String sql) throws SQLException {
        int depth = 0;
        int[] openLine = new int[MAX_DEPTH + 1];
        int[] openColumn = new int[MAX_DEPTH + 1];
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end - 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '(') {
                if (depth == MAX_DEPTH) {
                    throw Errors.nestedTooDeeply(MAX_DEPTH, line, i - lineStart + 1);
                }
                depth++;
                openLine[depth] = line;
                openColumn[depth] = i - lineStart + 1;
            } else if (c == ')') {
                if (depth == 0) {
                    throw Errors.syntax("SQL syntax error at line " + line + ", column " + (i - lineStart + 1)
                            + ": ')' closes no '('");
                }
                depth--;
            }
        }
        if (depth > 0) {
            throw Errors.syntax("SQL syntax error at line " + openLine[depth] + ", column " + openColumn[depth]
                    + ": this '(' is never closed");
        }
    }

    /** The index of the closing quote (a doubled quote is an escaped one), or the end of the text. */
    private static int skipQuoted(String sql, int open, char quote) {
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return sql.length();
    }
}
