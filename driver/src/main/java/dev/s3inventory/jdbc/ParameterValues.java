package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Converts what applications bind with setXxx/setObject into the engine's value types (String,
 * Boolean, Short, Integer, Long, Double, BigDecimal, Timestamp). TIMESTAMP columns hold a UTC wall
 * clock (see ValueConversions): values with a zone or an instant (Instant, OffsetDateTime,
 * ZonedDateTime) become the UTC wall clock of that instant; JDBC's own zone-less types
 * (java.sql.Timestamp, java.util.Date, LocalDateTime) keep their wall clock in the JVM zone, as the
 * JDBC setters without a Calendar specify, so {@code setObject(d)} and Spring's {@code setTimestamp}
 * of the same java.util.Date bind the same value.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * The wall clock of {@code instant} in {@code zone}: what setTimestamp/setDate with a Calendar
     * bind (JDBC: the Calendar gives the zone in which to build the zone-less SQL value).
     */
    static Timestamp wallClock(java.util.Date instant, java.util.TimeZone zone) throws SQLException {
        try {
            LocalDateTime wall = LocalDateTime.ofInstant(Instant.ofEpochMilli(instant.getTime()), zone.toZoneId());
            return Timestamp.valueOf(instant instanceof Timestamp t ? wall.withNano(t.getNanos()) : wall);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // beyond the years a TIMESTAMP holds: no JDBC setter may throw a RuntimeException
            throw Errors.badConversion("Cannot bind " + instant.getTime() + " ms since 1970 in zone " + zone.getID()
                    + ": " + e.getMessage());
        }
    }

    static Object toEngine(Object x) throws SQLException {
        try {
            return convert(x);
        } catch (java.time.DateTimeException | ArithmeticException | IllegalArgumentException e) {
            // e.g. a date before year -999999999 or after 999999999: no JDBC setter may throw a RuntimeException
            throw Errors.badConversion("Cannot bind the " + x.getClass().getSimpleName() + " value: it is out of the "
                    + "range a TIMESTAMP can hold (" + e.getMessage() + ")");
        }
    }

    private static Object convert(Object x) throws SQLException {
        if (x == null || x instanceof String || x instanceof Boolean || x instanceof Short || x instanceof Integer
                || x instanceof Long || x instanceof Double || x instanceof BigDecimal) {
            return x;
        }
        if (x instanceof Timestamp t) {
            return t;
        }
        if (x instanceof Byte b) {
            return (short) b;
        }
        if (x instanceof Float f) {
            return (double) f;
        }
        if (x instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        if (x instanceof java.sql.Date d) {
            return Timestamp.valueOf(d.toLocalDate().atStartOfDay());
        }
        if (x instanceof java.sql.Time t) {
            return t.toString();
        }
        if (x instanceof java.util.Date d) {
            return new Timestamp(d.getTime());
        }
        if (x instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        }
        if (x instanceof LocalDate d) {
            return Timestamp.valueOf(d.atStartOfDay());
        }
        if (x instanceof Instant i) {
            return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
        }
        if (x instanceof OffsetDateTime t) {
            return Timestamp.valueOf(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (x instanceof ZonedDateTime t) {
            return Timestamp.valueOf(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (x instanceof Enum<?> e) {
            return e.name();
        }
        if (x instanceof java.util.UUID || x instanceof CharSequence) {
            return x.toString();
        }
        throw Errors.badConversion("Cannot bind a parameter of type " + x.getClass().getName()
                + "; use a String, number, Boolean or date/time value");
    }
}
