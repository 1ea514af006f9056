package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * SQL value semantics over the engine's Java values (String, Boolean, Short, Integer, Long,
 * Double, BigDecimal, Timestamp): comparison with implicit conversion, arithmetic and CAST.
 * Callers handle NULL (three-valued logic) before calling in.
 */
final class Values {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Values() {
    }

    /** Compares two non-null values, converting between types the way SQL's implicit casts do. */
    static int compare(Object a, Object b) throws SQLException {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Timestamp x && b instanceof Timestamp y) {
            return x.compareTo(y);
        }
        // Mixed types: convert the string (or boolean) side to the other side's type.
        SqlType target = a instanceof String ? SqlType.ofValue(b) : SqlType.ofValue(a);
        if (target == SqlType.VARCHAR) {
            target = SqlType.ofValue(a instanceof String ? b : a);
        }
        return compare(cast(a, target), cast(b, target));
    }

    static boolean equal(Object a, Object b) throws SQLException {
        return compare(a, b) == 0;
    }

    /** Compares two non-null values whose types were known when the statement was compiled. */
    @FunctionalInterface
    interface Comparison {
        int compare(Object a, Object b) throws SQLException;
    }

    /**
     * The comparison for operands of these two types, chosen once per statement: same-typed operands
     * compare directly; mixed or unknown (NULL-typed) operands convert as {@link #compare} does.
     */
    static Comparison comparison(SqlType a, SqlType b) {
        if (a == b) {
            switch (a) {
                case VARCHAR:
                    return (x, y) -> ((String) x).compareTo((String) y);
                case BOOLEAN:
                    return (x, y) -> Boolean.compare((Boolean) x, (Boolean) y);
                case TIMESTAMP:
                    return (x, y) -> ((Timestamp) x).compareTo((Timestamp) y);
                case DOUBLE:
                    return (x, y) -> Double.compare((Double) x, (Double) y);
                case DECIMAL:
                    return (x, y) -> ((BigDecimal) x).compareTo((BigDecimal) y);
                default:
                    break;
            }
        }
        if (isIntegral(a) && isIntegral(b)) {
            return (x, y) -> Long.compare(((Number) x).longValue(), ((Number) y).longValue());
        }
        if (a.isNumeric() && b.isNumeric()) {
            return (x, y) -> compareNumbers((Number) x, (Number) y);
        }
        return Values::compare;
    }

    private static boolean isIntegral(SqlType t) {
        return t == SqlType.SMALLINT || t == SqlType.INTEGER || t == SqlType.BIGINT;
    }

    /**
     * The type of a value that may come from any of several expressions (CASE branches, COALESCE
     * arguments): numeric types widen to the widest; otherwise the first known type wins and the
     * other values are converted to it.
     */
    static SqlType commonType(List<SqlType> types) {
        SqlType result = SqlType.NULL;
        for (SqlType t : types) {
            if (t == SqlType.NULL) {
                continue;
            }
            if (result == SqlType.NULL) {
                result = t;
            } else if (result.isNumeric() && t.isNumeric()) {
                result = wider(result, t);
            }
        }
        return result;
    }

    private static SqlType wider(SqlType a, SqlType b) {
        for (SqlType t : List.of(SqlType.DOUBLE, SqlType.DECIMAL, SqlType.BIGINT, SqlType.INTEGER)) {
            if (a == t || b == t) {
                return t;
            }
        }
        return SqlType.SMALLINT;
    }

    private static int compareNumbers(Number x, Number y) {
        if (x instanceof Double || y instanceof Double) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return decimal(x).compareTo(decimal(y));
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    /** The type of {@code a op b} for arithmetic operators. */
    static SqlType arithmeticType(SqlType a, SqlType b) {
        if (a == SqlType.DOUBLE || b == SqlType.DOUBLE) {
            return SqlType.DOUBLE;
        }
        if (a == SqlType.DECIMAL || b == SqlType.DECIMAL || a == SqlType.VARCHAR || b == SqlType.VARCHAR) {
            return SqlType.DECIMAL;
        }
        if (a == SqlType.BIGINT || b == SqlType.BIGINT) {
            return SqlType.BIGINT;
        }
        return a == SqlType.NULL ? b : (b == SqlType.NULL ? a : SqlType.INTEGER);
    }

    static Object arithmetic(char op, Object a, Object b, SqlType type) throws SQLException {
        Number x = toNumber(a);
        Number y = toNumber(b);
        switch (type) {
            case DOUBLE: {
                double p = x.doubleValue();
                double q = y.doubleValue();
                if ((op == '/' || op == '%') && q == 0) {
                    throw divisionByZero();
                }
                return switch (op) {
                    case '+' -> p + q;
                    case '-' -> p - q;
                    case '*' -> p * q;
                    case '/' -> p / q;
                    default -> p % q;
                };
            }
            case DECIMAL: {
                BigDecimal p = decimal(x);
                BigDecimal q = decimal(y);
                if ((op == '/' || op == '%') && q.signum() == 0) {
                    throw divisionByZero();
                }
                return switch (op) {
                    case '+' -> p.add(q);
                    case '-' -> p.subtract(q);
                    case '*' -> p.multiply(q);
                    case '/' -> p.divide(q, MathContext.DECIMAL64).stripTrailingZeros();
                    default -> p.remainder(q);
                };
            }
            default: {
                long p = x.longValue();
                long q = y.longValue();
                if ((op == '/' || op == '%') && q == 0) {
                    throw divisionByZero();
                }
                try {
                    long r = switch (op) {
                        case '+' -> Math.addExact(p, q);
                        case '-' -> Math.subtractExact(p, q);
                        case '*' -> Math.multiplyExact(p, q);
                        case '/' -> p / q;
                        default -> p % q;
                    };
                    return type == SqlType.INTEGER ? (Object) Math.toIntExact(r) : (Object) r;
                } catch (ArithmeticException e) {
                    throw Errors.badConversion("Numeric overflow in " + p + " " + op + " " + q);
                }
            }
        }
    }

    private static SQLException divisionByZero() {
        return Errors.divisionByZero();
    }

    static Number toNumber(Object v) throws SQLException {
        if (v instanceof Number n) {
            return n;
        }
        return (Number) cast(v, SqlType.DECIMAL);
    }

    /**
     * CAST with a length (VARCHAR(n): longer strings are cut to n characters) or a scale
     * (DECIMAL(p, s): rounded half up to s digits); either may be null.
     */
    static Object cast(Object v, SqlType type, Integer maxLength, Integer scale) throws SQLException {
        Object value = cast(v, type);
        if (value instanceof String s && maxLength != null && s.codePointCount(0, s.length()) > maxLength) {
            return s.substring(0, s.offsetByCodePoints(0, maxLength));
        }
        if (value instanceof BigDecimal d && scale != null) {
            return d.setScale(scale, RoundingMode.HALF_UP);
        }
        return value;
    }

    /** SQL CAST of a value (NULL stays NULL). Bad input gives SQLState 22018. */
    static Object cast(Object v, SqlType type) throws SQLException {
        if (v == null || type == SqlType.NULL || type.javaClass().isInstance(v)) {
            return v;
        }
        try {
            switch (type) {
                case VARCHAR:
                    return text(v);
                case BOOLEAN:
                    if (v instanceof Number n) {
                        return n.doubleValue() != 0;
                    }
                    String s = v.toString().trim().toLowerCase(Locale.ROOT);
                    if (s.equals("true") || s.equals("t") || s.equals("1") || s.equals("yes")) {
                        return Boolean.TRUE;
                    }
                    if (s.equals("false") || s.equals("f") || s.equals("0") || s.equals("no")) {
                        return Boolean.FALSE;
                    }
                    throw cannotCast(v, type);
                case SMALLINT:
                    return (short) Math.toIntExact(integral(v));
                case INTEGER:
                    return Math.toIntExact(integral(v));
                case BIGINT:
                    return integral(v);
                case DOUBLE:
                    return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
                case DECIMAL:
                    if (v instanceof Boolean b) {
                        return b ? BigDecimal.ONE : BigDecimal.ZERO;
                    }
                    return v instanceof Number n ? decimal(n) : new BigDecimal(v.toString().trim());
                case TIMESTAMP:
                    return timestamp(v);
                default:
                    throw cannotCast(v, type);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw cannotCast(v, type);
        }
    }

    /** The standard SQL text of a value: TRUE/FALSE, 2024-05-01 10:00:00[.5], decimals without exponent. */
    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Timestamp t) {
            String s = t.toLocalDateTime().format(SECONDS);
            int nanos = t.getNanos();
            if (nanos == 0) {
                return s;
            }
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            return s + "." + fraction;
        }
        return v.toString();
    }

    private static long integral(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        BigDecimal d = v instanceof Number n ? decimal(n) : new BigDecimal(v.toString().trim());
        return d.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static Timestamp timestamp(Object v) throws SQLException {
        if (!(v instanceof String s)) {
            throw cannotCast(v, SqlType.TIMESTAMP);
        }
        String t = s.trim();
        if (t.length() == 10) {
            return Timestamp.valueOf(LocalDate.parse(t).atStartOfDay());
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return Timestamp.valueOf(OffsetDateTime.parse(t.replace(' ', 'T'))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        return Timestamp.valueOf(LocalDateTime.parse(t.replace(' ', 'T')));
    }

    private static SQLException cannotCast(Object v, SqlType type) {
        return Errors.badConversion("Cannot convert '" + v + "' (" + SqlType.ofValue(v) + ") to " + type);
    }
}
