package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Map;
import java.util.TreeSet;

/**
 * The standard JDBC value conversions (JDBC 4.3 tables B-5/B-6) as static functions, shared by the
 * ResultSet getters and, later, PreparedStatement setters. Each takes a non-null value of any
 * supported Java class and either returns the converted value or throws an SQLDataException
 * (22018); none lets a RuntimeException escape.
 *
 * <p>Timestamps are {@code TIMESTAMP} without time zone: a {@link Timestamp} value from the engine
 * is a wall-clock date and time (its {@link Timestamp#toLocalDateTime()} fields), and by the product
 * contract that wall clock is UTC ({@code creation_date}). So:
 * <ul>
 * <li>getString, getTimestamp(), getObject(LocalDateTime/LocalDate/LocalTime), getDate() and getTime()
 * show the wall clock unchanged, whatever the JVM zone (the JDBC rule for zone-less values);</li>
 * <li>a Calendar says which zone the wall clock is in, so getTimestamp(i, utcCalendar) is the true
 * instant;</li>
 * <li>getObject(Instant/OffsetDateTime/ZonedDateTime) read the wall clock as UTC ({@link #STORED_ZONE}),
 * so they give the true instant on any JVM, never one shifted by the JVM's offset.</li>
 * </ul>
 * Strings without an offset are zone-less in the same way; strings with one are instants.
 */
final class ValueConversions {

    /** One conversion to a target class; the argument is never null. */
    @FunctionalInterface
    interface Conversion {
        Object apply(Object value) throws SQLException;
    }

    /** The zone the wall clock of zone-less values is in (product-spec.md: creation_date is UTC). */
    static final ZoneOffset STORED_ZONE = ZoneOffset.UTC;

    /** getObject(int, Class) dispatches on this table; adding a target class is one line. */
    private static final Map<Class<?>, Conversion> TO = Map.ofEntries(
            to(Object.class, ValueConversions::copyOf),
            to(String.class, ValueConversions::toStringValue),
            to(Boolean.class, ValueConversions::toBoolean),
            to(boolean.class, ValueConversions::toBoolean),
            to(Byte.class, ValueConversions::toByte),
            to(byte.class, ValueConversions::toByte),
            to(Short.class, ValueConversions::toShort),
            to(short.class, ValueConversions::toShort),
            to(Integer.class, ValueConversions::toInt),
            to(int.class, ValueConversions::toInt),
            to(Long.class, ValueConversions::toLong),
            to(long.class, ValueConversions::toLong),
            to(Float.class, ValueConversions::toFloat),
            to(float.class, ValueConversions::toFloat),
            to(Double.class, ValueConversions::toDouble),
            to(double.class, ValueConversions::toDouble),
            to(BigDecimal.class, ValueConversions::toBigDecimal),
            to(BigInteger.class, ValueConversions::toBigInteger),
            to(byte[].class, ValueConversions::toBytes),
            to(Timestamp.class, v -> toTimestamp(v, null)),
            to(java.util.Date.class, v -> toTimestamp(v, null)),
            to(Date.class, v -> toDate(v, null)),
            to(Time.class, v -> toTime(v, null)),
            to(Instant.class, v -> toInstant(v, STORED_ZONE)),
            to(LocalDateTime.class, v -> toLocalDateTime(v, ZoneId.systemDefault())),
            to(LocalDate.class, v -> toLocalDate(v, ZoneId.systemDefault())),
            to(LocalTime.class, v -> toLocalTime(v, ZoneId.systemDefault())),
            to(OffsetDateTime.class, ValueConversions::toOffsetDateTime),
            to(ZonedDateTime.class, ValueConversions::toZonedDateTime));

    private static final String SUPPORTED_TARGETS = supportedTargets();
    private static final LocalDate TIME_EPOCH_DAY = LocalDate.of(1970, 1, 1);

    private ValueConversions() {
    }

    private static Map.Entry<Class<?>, Conversion> to(Class<?> target, Conversion conversion) {
        return Map.entry(target, conversion);
    }

    /**
     * Converts to {@code type} through {@link #TO}; null stays null. A class missing from the
     * table is still accepted when the value already is one (e.g. Number, CharSequence).
     */
    @SuppressWarnings("unchecked") // for primitive targets T is the wrapper, which the table returns
    static <T> T convert(Object value, Class<T> type) throws SQLException {
        if (type == null) {
            throw Errors.badValue("getObject(column, type) needs a target class, not null");
        }
        if (value == null) {
            return null;
        }
        Conversion conversion = TO.get(type);
        if (conversion != null) {
            return (T) conversion.apply(value);
        }
        if (type.isInstance(value)) {
            return type.cast(copyOf(value));
        }
        throw cannot(value, type.getName(), "supported target classes: " + SUPPORTED_TARGETS);
    }

    /** The value itself, except that mutable values are copied so callers cannot change a row. */
    static Object copyOf(Object value) {
        if (value instanceof Timestamp ts) {
            Timestamp copy = new Timestamp(ts.getTime());
            copy.setNanos(ts.getNanos());
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    static String toStringValue(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString(); // never "1E+3" in a grid cell
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    /**
     * "true"/"false"/"1"/"0" for strings (case-insensitive); for numbers 0 is false and any other
     * value true, because the spec only fixes 0 and 1 and Spring calls getBoolean("NULLABLE"), which
     * may hold 2 (columnNullableUnknown).
     */
    static boolean toBoolean(Object value) throws SQLException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d)) {
                    throw cannot(value, "boolean", "NaN is neither true nor false");
                }
                return d != 0;
            }
            return toBigDecimal(n).signum() != 0;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            String s = value.toString().trim();
            if (s.equalsIgnoreCase("true") || s.equals("1")) {
                return true;
            }
            if (s.equalsIgnoreCase("false") || s.equals("0")) {
                return false;
            }
            throw cannot(value, "boolean", "use true, false, 1 or 0");
        }
        throw cannot(value, "boolean", null);
    }

    static byte toByte(Object value) throws SQLException {
        long v = toLong(value, "byte");
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
            throw outOfRange(value, "byte");
        }
        return (byte) v;
    }

    static short toShort(Object value) throws SQLException {
        long v = toLong(value, "short");
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw outOfRange(value, "short");
        }
        return (short) v;
    }

    static int toInt(Object value) throws SQLException {
        long v = toLong(value, "int");
        try {
            return Math.toIntExact(v);
        } catch (ArithmeticException e) {
            throw outOfRange(value, "int");
        }
    }

    static long toLong(Object value) throws SQLException {
        return toLong(value, "long");
    }

    /** Fractions are truncated toward zero (as pgjdbc and H2 do); values outside the range fail. */
    private static long toLong(Object value, String target) throws SQLException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal d = toBigDecimal(value, target);
        try {
            return d.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(value, target);
        }
    }

    static float toFloat(Object value) throws SQLException {
        double d = toDouble(value, "float");
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw outOfRange(value, "float");
        }
        return f;
    }

    static double toDouble(Object value) throws SQLException {
        return toDouble(value, "double");
    }

    private static double toDouble(Object value, String target) throws SQLException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof CharSequence) {
            String s = value.toString().trim();
            // BigDecimal below refuses these, and Double.parseDouble would also take "1d" and hex
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity": case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        double d = toBigDecimal(value, target).doubleValue();
        if (Double.isInfinite(d)) {
            throw outOfRange(value, target);
        }
        return d;
    }

    static BigDecimal toBigDecimal(Object value) throws SQLException {
        return toBigDecimal(value, "BigDecimal");
    }

    private static BigDecimal toBigDecimal(Object value, String target) throws SQLException {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(value, target, "not a finite number");
            }
            return BigDecimal.valueOf(d); // the shortest decimal that round-trips: 2.5, not 2.5000000001
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw cannot(value, target, "not a number");
            }
        }
        if (value instanceof Number n) {
            return toBigDecimal(n.toString(), target); // AtomicLong, LongAdder, ...
        }
        throw cannot(value, target, null);
    }

    static BigInteger toBigInteger(Object value) throws SQLException {
        if (value instanceof BigInteger i) {
            return i;
        }
        return toBigDecimal(value, "BigInteger").toBigInteger();
    }

    /** Strings as UTF-8. Numbers, booleans and times have no natural bytes, so they fail. */
    static byte[] toBytes(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof CharSequence s) {
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
        throw cannot(value, "byte[]", "only character values have bytes");
    }

    /**
     * Without a Calendar, a zone-less value keeps its wall clock (JDBC: the JVM zone builds the
     * Timestamp); with one, the wall clock is read in the calendar's zone. Instants stay instants.
     */
    static Timestamp toTimestamp(Object value, Calendar calendar) throws SQLException {
        if (calendar == null && value instanceof Timestamp ts) {
            return (Timestamp) copyOf(ts); // exactly the stored wall clock, even inside a DST gap
        }
        return Timestamp.from(toInstant(value, zone(calendar)));
    }

    /** The date of the value in the calendar's zone, as midnight in that zone. */
    static Date toDate(Object value, Calendar calendar) throws SQLException {
        ZoneId zone = zone(calendar);
        LocalDate date = toLocalDate(value, zone);
        return new Date(date.atStartOfDay(zone).toInstant().toEpochMilli());
    }

    /** The time of day of the value in the calendar's zone, on 1970-01-01 in that zone. */
    static Time toTime(Object value, Calendar calendar) throws SQLException {
        ZoneId zone = zone(calendar);
        LocalTime time = toLocalTime(value, zone);
        return new Time(TIME_EPOCH_DAY.atTime(time).atZone(zone).toInstant().toEpochMilli());
    }

    /** @param zone the zone a zone-less value's wall clock is read in */
    static Instant toInstant(Object value, ZoneId zone) throws SQLException {
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().atZone(zone).toInstant(); // a wall clock, not an instant
        }
        if (value instanceof Time || value instanceof Date) {
            // java.sql.Time/Date.toInstant() throw UnsupportedOperationException
            return Instant.ofEpochMilli(((java.util.Date) value).getTime());
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (value instanceof LocalDate l) {
            return l.atStartOfDay(zone).toInstant();
        }
        if (value instanceof CharSequence s) {
            Object parsed = parseDateTime(s.toString());
            if (parsed instanceof LocalTime) {
                throw cannot(value, "timestamp", "a time of day without a date");
            }
            return toInstant(parsed, zone);
        }
        throw cannot(value, "timestamp", null);
    }

    static LocalDateTime toLocalDateTime(Object value, ZoneId zone) throws SQLException {
        if (value instanceof LocalDateTime l) {
            return l;
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof LocalDate l) {
            return l.atStartOfDay();
        }
        if (value instanceof CharSequence s) {
            Object parsed = parseDateTime(s.toString());
            if (parsed instanceof LocalDateTime || parsed instanceof LocalDate) {
                return toLocalDateTime(parsed, zone);
            }
        }
        return LocalDateTime.ofInstant(toInstant(value, zone), zone);
    }

    static LocalDate toLocalDate(Object value, ZoneId zone) throws SQLException {
        if (value instanceof LocalDate l) {
            return l;
        }
        return toLocalDateTime(value, zone).toLocalDate();
    }

    static LocalTime toLocalTime(Object value, ZoneId zone) throws SQLException {
        if (value instanceof LocalTime l) {
            return l;
        }
        if (value instanceof CharSequence s) {
            Object parsed = parseDateTime(s.toString());
            if (parsed instanceof LocalTime l) {
                return l;
            }
        }
        if (value instanceof LocalDate) {
            throw cannot(value, "time", "a date without a time of day");
        }
        return toLocalDateTime(value, zone).toLocalTime();
    }

    /** Keeps an explicit offset (OffsetDateTime, ZonedDateTime, "...+02:00"); zone-less values are UTC. */
    static OffsetDateTime toOffsetDateTime(Object value) throws SQLException {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof CharSequence s) {
            Object parsed = parseDateTime(s.toString());
            if (parsed instanceof ZonedDateTime z) {
                return z.toOffsetDateTime();
            }
        }
        return toInstant(value, STORED_ZONE).atOffset(STORED_ZONE);
    }

    /** Like {@link #toOffsetDateTime}, but keeps a region zone ("...[Europe/Paris]") when the value has one. */
    static ZonedDateTime toZonedDateTime(Object value) throws SQLException {
        if (value instanceof ZonedDateTime z) {
            return z;
        }
        if (value instanceof CharSequence s && parseDateTime(s.toString()) instanceof ZonedDateTime z) {
            return z;
        }
        return toOffsetDateTime(value).toZonedDateTime();
    }

    /**
     * Parses ISO-8601 or JDBC escape text ("2024-01-02 03:04:05.5") into a ZonedDateTime,
     * LocalDateTime, LocalDate or LocalTime, whichever the text holds.
     */
    private static Object parseDateTime(String text) throws SQLDataException {
        String s = text.trim();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11); // JDBC escape format separates with a space
        }
        try {
            return ZonedDateTime.parse(s);
        } catch (DateTimeParseException e) {
            // not zoned; try the next shape
        }
        try {
            return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            // no time part; try the next shape
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            // no date part; try the next shape
        }
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw cannot(text, "date/time", "use yyyy-MM-dd[ HH:mm:ss[.fffffffff]][offset] or HH:mm:ss");
        }
    }

    private static ZoneId zone(Calendar calendar) throws SQLDataException {
        if (calendar == null) {
            return ZoneId.systemDefault();
        }
        try {
            return calendar.getTimeZone().toZoneId();
        } catch (DateTimeException e) {
            throw Errors.badConversion("The calendar's time zone " + calendar.getTimeZone().getID()
                    + " is not a valid java.time zone");
        }
    }

    static SQLDataException outOfRange(Object value, String target) {
        return cannot(value, target, "value out of range");
    }

    private static SQLDataException cannot(Object value, String target, String why) {
        return Errors.badConversion("Cannot convert " + describe(value) + " to " + target
                + (why == null ? "" : ": " + why));
    }

    /** E.g. {@code VARCHAR value 'abc'}: the SQL type when there is one, and the value, shortened. */
    private static String describe(Object value) {
        String type;
        try {
            type = SqlType.ofValue(value).typeName();
        } catch (IllegalArgumentException e) {
            type = value.getClass().getSimpleName();
        }
        String text = toStringValue(value);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return type + " value '" + text + "'";
    }

    private static String supportedTargets() {
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> c : TO.keySet()) {
            if (!c.isPrimitive()) {
                names.add(c.getName());
            }
        }
        return String.join(", ", names);
    }
}
