package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.FunctionSignatures;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The scalar functions of the dialect. Each checks its arity at compile time. */
final class Functions {
    /** The names the parser accepts (sql.FunctionSignatures); every one is implemented below. */
    static final List<String> NAMES = List.copyOf(FunctionSignatures.SCALAR.keySet());

    private Functions() {
    }

    static Compiled compile(String name, List<Compiled> args) throws SQLException {
        switch (name) {
            case "LOWER":
            case "UPPER": {
                arity(name, args, 1, 1);
                Compiled a = args.get(0);
                boolean upper = name.equals("UPPER");
                return new Compiled(SqlType.VARCHAR, a.nullable(), row -> {
                    String s = string(a.eval(row));
                    return s == null ? null : upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
                });
            }
            case "LENGTH": {
                arity(name, args, 1, 1);
                Compiled a = args.get(0);
                return new Compiled(SqlType.INTEGER, a.nullable(), row -> {
                    String s = string(a.eval(row));
                    return s == null ? null : s.codePointCount(0, s.length());
                });
            }
            case "TRIM": {
                arity(name, args, 1, 1);
                Compiled a = args.get(0);
                return new Compiled(SqlType.VARCHAR, a.nullable(), row -> {
                    String s = string(a.eval(row));
                    return s == null ? null : trimSpaces(s);
                });
            }
            case "COALESCE": {
                arity(name, args, 1, Integer.MAX_VALUE);
                SqlType type = Values.commonType(args.stream().map(Compiled::type).toList());
                boolean nullable = args.stream().allMatch(Compiled::nullable);
                return new Compiled(type, nullable, row -> {
                    for (Compiled a : args) {
                        Object v = a.eval(row);
                        if (v != null) {
                            return Values.cast(v, type);
                        }
                    }
                    return null;
                });
            }
            case "NULLIF": {
                arity(name, args, 2, 2);
                Compiled a = args.get(0);
                Compiled b = args.get(1);
                return new Compiled(a.type(), true, row -> {
                    Object x = a.eval(row);
                    Object y = b.eval(row);
                    return x != null && y != null && Values.equal(x, y) ? null : x;
                });
            }
            case "CONCAT": {
                // Like most databases, CONCAT() skips NULL arguments (unlike ||).
                arity(name, args, 1, Integer.MAX_VALUE);
                return new Compiled(SqlType.VARCHAR, false, row -> {
                    StringBuilder sb = new StringBuilder();
                    for (Compiled a : args) {
                        String s = string(a.eval(row));
                        if (s != null) {
                            sb.append(s);
                        }
                    }
                    return sb.toString();
                });
            }
            case "ABS": {
                arity(name, args, 1, 1);
                Compiled a = args.get(0);
                SqlType type = a.type() == SqlType.NULL || a.type() == SqlType.VARCHAR ? SqlType.DECIMAL : a.type();
                return new Compiled(type, a.nullable(), row -> {
                    Object v = a.eval(row);
                    if (v == null) {
                        return null;
                    }
                    BigDecimal d = Values.decimal(Values.toNumber(v));
                    return Values.cast(d.abs(), type);
                });
            }
            case "SUBSTRING": {
                arity(name, args, 2, 3);
                return new Compiled(SqlType.VARCHAR, true, row -> substring(args, row));
            }
            case "REPLACE": {
                arity(name, args, 3, 3);
                return new Compiled(SqlType.VARCHAR, true, row -> {
                    String s = string(args.get(0).eval(row));
                    String from = string(args.get(1).eval(row));
                    String to = string(args.get(2).eval(row));
                    return s == null || from == null || to == null ? null : from.isEmpty() ? s : s.replace(from, to);
                });
            }
            default:
                throw Errors.unsupportedSql("The function " + name + " (supported: " + String.join(", ", NAMES)
                        + ", and the aggregates COUNT, MIN, MAX, SUM, AVG)");
        }
    }

    /** SQL's TRIM removes spaces only (not tabs or newlines), from both ends. */
    private static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    /** SQL SUBSTRING(s, start [, length]) with 1-based start, clamped like the standard says. */
    private static Object substring(List<Compiled> args, Object[] row) throws SQLException {
        String s = string(args.get(0).eval(row));
        Object startValue = args.get(1).eval(row);
        Object lengthValue = args.size() == 3 ? args.get(2).eval(row) : null;
        if (s == null || startValue == null || (args.size() == 3 && lengthValue == null)) {
            return null;
        }
        long start = Values.toNumber(startValue).longValue();
        long end = lengthValue == null ? Long.MAX_VALUE : start + Values.toNumber(lengthValue).longValue();
        if (lengthValue != null && Values.toNumber(lengthValue).longValue() < 0) {
            throw Errors.badValue("SUBSTRING length must not be negative");
        }
        long from = Math.max(start, 1) - 1;
        long to = Math.min(end - 1, s.length());
        return from >= to ? "" : s.substring((int) from, (int) to);
    }

    private static String string(Object v) throws SQLException {
        return v == null ? null : (String) Values.cast(v, SqlType.VARCHAR);
    }

    private static void arity(String name, List<Compiled> args, int min, int max) throws SQLException {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min
                    : min + " to " + max;
            throw Errors.syntax(name + " takes " + expected + " argument(s), not " + args.size());
        }
    }
}
