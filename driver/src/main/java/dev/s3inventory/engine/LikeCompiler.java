package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Like;
import java.sql.SQLException;

/** Compiles LIKE / ILIKE; a constant pattern is turned into a regex once per statement. */
final class LikeCompiler {
    private LikeCompiler() {
    }

    static Compiled compile(Expr.Like like, ExprCompiler compiler) throws SQLException {
        Compiled operand = compiler.compile(like.operand());
        Compiled pattern = compiler.compile(like.pattern());
        Compiled escape = like.escape() == null ? null : compiler.compile(like.escape());
        boolean negated = like.negated();
        boolean ci = like.caseInsensitive();
        Like[] cache = new Like[1];
        String[] cachedKey = new String[1];
        return new Compiled(SqlType.BOOLEAN, true, row -> {
            Object v = operand.eval(row);
            Object p = pattern.eval(row);
            Object esc = escape == null ? null : escape.eval(row);
            if (v == null || p == null || (escape != null && esc == null)) {
                return null;
            }
            String patternText = (String) Values.cast(p, SqlType.VARCHAR);
            Character escapeChar = escapeChar(esc);
            String key = patternText + '\u0000' + escapeChar;
            Like matcher;
            synchronized (cache) {
                if (!key.equals(cachedKey[0])) {
                    cache[0] = compilePattern(patternText, escapeChar, ci);
                    cachedKey[0] = key;
                }
                matcher = cache[0];
            }
            return matcher.matches((String) Values.cast(v, SqlType.VARCHAR)) != negated;
        });
    }

    static Character escapeChar(Object esc) throws SQLException {
        if (esc == null) {
            return null;
        }
        String s = esc.toString();
        if (s.length() != 1) {
            throw Errors.badValue("The ESCAPE of LIKE must be exactly one character, not '" + s + "'");
        }
        return s.charAt(0);
    }

    private static Like compilePattern(String pattern, Character escape, boolean ci) throws SQLException {
        try {
            return Like.compile(pattern, escape, ci);
        } catch (IllegalArgumentException e) {
            throw Errors.badValue(e.getMessage());
        }
    }
}
