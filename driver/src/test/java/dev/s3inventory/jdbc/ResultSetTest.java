package dev.s3inventory.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.Relation;
import dev.s3inventory.engine.ResultColumn;
import dev.s3inventory.schema.SqlType;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * S3InventoryResultSet: the getter conversion matrix (every SqlType × every getter, by index and by
 * label), wasNull, lookup by label, cursor flags, closing, and the rule that only SQLExceptions escape.
 * Runs in America/New_York so that zone handling is visible: a TIMESTAMP holds the UTC wall clock
 * 2024-01-02 03:04:05.123456789 (as the engine builds creation_date), which is 22:04 the day before in
 * New York; zone-less views must keep 03:04 and instant views must give 03:04Z, never 08:04Z.
 */
@SuppressWarnings("deprecation") // getBigDecimal(int, int) is part of what is tested
class ResultSetTest {
    /** Marks a matrix cell whose getter must fail with SQLDataException 22018. */
    private static final Object FAILS = new Object() {
        @Override
        public String toString() {
            return "FAILS(22018)";
        }
    };

    private static TimeZone savedZone;

    @BeforeAll
    static void useNewYork() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    private static final Instant INSTANT = Instant.parse("2024-01-02T03:04:05.123456789Z");

    /** The UTC wall clock of INSTANT, built the way engine/TableScanner builds creation_date. */
    private static Timestamp ts() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(INSTANT, ZoneOffset.UTC));
    }

    // ---- helpers ----

    @FunctionalInterface
    interface Read {
        Object apply(ResultSet rs) throws SQLException;
    }

    private record Getter(String name, Read byIndex, Read byLabel) {
    }

    private static final List<Getter> GETTERS = List.of(
            new Getter("getString", rs -> rs.getString(1), rs -> rs.getString("V")),
            new Getter("getBoolean", rs -> rs.getBoolean(1), rs -> rs.getBoolean("V")),
            new Getter("getByte", rs -> rs.getByte(1), rs -> rs.getByte("V")),
            new Getter("getShort", rs -> rs.getShort(1), rs -> rs.getShort("V")),
            new Getter("getInt", rs -> rs.getInt(1), rs -> rs.getInt("V")),
            new Getter("getLong", rs -> rs.getLong(1), rs -> rs.getLong("V")),
            new Getter("getFloat", rs -> rs.getFloat(1), rs -> rs.getFloat("V")),
            new Getter("getDouble", rs -> rs.getDouble(1), rs -> rs.getDouble("V")),
            new Getter("getBigDecimal", rs -> rs.getBigDecimal(1), rs -> rs.getBigDecimal("V")),
            new Getter("getBytes", rs -> rs.getBytes(1), rs -> rs.getBytes("V")),
            new Getter("getDate", rs -> rs.getDate(1), rs -> rs.getDate("V")),
            new Getter("getTime", rs -> rs.getTime(1), rs -> rs.getTime("V")),
            new Getter("getTimestamp", rs -> rs.getTimestamp(1), rs -> rs.getTimestamp("V")),
            new Getter("getObject", rs -> rs.getObject(1), rs -> rs.getObject("V")));

    private static Relation relation(List<ResultColumn> columns, Object[]... rows) {
        return new Relation(columns, new ArrayList<>(Arrays.asList(rows)));
    }

    /** A result set with one column labelled "v" and one row, positioned on that row. */
    private static S3InventoryResultSet single(SqlType type, Object value) throws SQLException {
        S3InventoryResultSet rs = new S3InventoryResultSet(null,
                relation(List.of(ResultColumn.computed("v", type, true)), new Object[] {value}));
        assertTrue(rs.next());
        return rs;
    }

    private static void assertState(String sqlState, Class<? extends SQLException> type, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertInstanceOf(type, e, e.toString());
        assertEquals(sqlState, e.getSQLState(), e.toString());
    }

    private static Date date(String iso) {
        return Date.valueOf(iso);
    }

    private static Time time(String hms, int millis) {
        return new Time(Time.valueOf(hms).getTime() + millis);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the conversion matrix ----

    /**
     * One row per (type, value); one expected cell per getter, in {@link #GETTERS} order:
     * getString, getBoolean, getByte, getShort, getInt, getLong, getFloat, getDouble,
     * getBigDecimal, getBytes, getDate, getTime, getTimestamp, getObject.
     */
    private static List<Object[]> matrix() {
        Object f = FAILS;
        return List.of(
                cells(SqlType.VARCHAR, "42", "42", f, (byte) 42, (short) 42, 42, 42L, 42f, 42d,
                        new BigDecimal("42"), utf8("42"), f, f, f, "42"),
                cells(SqlType.VARCHAR, " -7.9 ", " -7.9 ", f, (byte) -7, (short) -7, -7, -7L, -7.9f, -7.9d,
                        new BigDecimal("-7.9"), utf8(" -7.9 "), f, f, f, " -7.9 "),
                cells(SqlType.VARCHAR, "1", "1", true, (byte) 1, (short) 1, 1, 1L, 1f, 1d,
                        new BigDecimal("1"), utf8("1"), f, f, f, "1"),
                cells(SqlType.VARCHAR, "0", "0", false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        new BigDecimal("0"), utf8("0"), f, f, f, "0"),
                cells(SqlType.VARCHAR, "False", "False", false, f, f, f, f, f, f, f, utf8("False"), f, f, f, "False"),
                cells(SqlType.VARCHAR, "TRUE", "TRUE", true, f, f, f, f, f, f, f, utf8("TRUE"), f, f, f, "TRUE"),
                cells(SqlType.VARCHAR, "300", "300", f, f, (short) 300, 300, 300L, 300f, 300d,
                        new BigDecimal("300"), utf8("300"), f, f, f, "300"),
                cells(SqlType.VARCHAR, "99999999999999999999", "99999999999999999999", f, f, f, f, f, 1e20f, 1e20,
                        new BigDecimal("99999999999999999999"), utf8("99999999999999999999"), f, f, f,
                        "99999999999999999999"),
                cells(SqlType.VARCHAR, "héllo", "héllo", f, f, f, f, f, f, f, f, utf8("héllo"), f, f, f, "héllo"),
                cells(SqlType.VARCHAR, "2024-01-02 03:04:05", "2024-01-02 03:04:05", f, f, f, f, f, f, f, f,
                        utf8("2024-01-02 03:04:05"), date("2024-01-02"), time("03:04:05", 0),
                        Timestamp.valueOf("2024-01-02 03:04:05"), "2024-01-02 03:04:05"),
                cells(SqlType.VARCHAR, "2024-01-02", "2024-01-02", f, f, f, f, f, f, f, f, utf8("2024-01-02"),
                        date("2024-01-02"), time("00:00:00", 0), Timestamp.valueOf("2024-01-02 00:00:00"),
                        "2024-01-02"),
                cells(SqlType.VARCHAR, "2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z", f, f, f, f, f, f, f, f,
                        utf8("2024-01-02T03:04:05Z"), date("2024-01-01"), time("22:04:05", 0),
                        Timestamp.from(Instant.parse("2024-01-02T03:04:05Z")), "2024-01-02T03:04:05Z"),
                cells(SqlType.VARCHAR, "03:04:05", "03:04:05", f, f, f, f, f, f, f, f, utf8("03:04:05"),
                        f, time("03:04:05", 0), f, "03:04:05"),
                cells(SqlType.BOOLEAN, true, "true", true, (byte) 1, (short) 1, 1, 1L, 1f, 1d,
                        BigDecimal.ONE, f, f, f, f, true),
                cells(SqlType.BOOLEAN, false, "false", false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        BigDecimal.ZERO, f, f, f, f, false),
                cells(SqlType.SMALLINT, (short) 7, "7", true, (byte) 7, (short) 7, 7, 7L, 7f, 7d,
                        new BigDecimal("7"), f, f, f, f, (short) 7),
                cells(SqlType.INTEGER, 0, "0", false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        new BigDecimal("0"), f, f, f, f, 0),
                cells(SqlType.INTEGER, 300, "300", true, f, (short) 300, 300, 300L, 300f, 300d,
                        new BigDecimal("300"), f, f, f, f, 300),
                cells(SqlType.INTEGER, 2, "2", true, (byte) 2, (short) 2, 2, 2L, 2f, 2d,
                        new BigDecimal("2"), f, f, f, f, 2),
                cells(SqlType.BIGINT, 5_000_000_000L, "5000000000", true, f, f, f, 5_000_000_000L, 5e9f, 5e9,
                        new BigDecimal("5000000000"), f, f, f, f, 5_000_000_000L),
                cells(SqlType.BIGINT, Long.MIN_VALUE, String.valueOf(Long.MIN_VALUE), true, f, f, f, Long.MIN_VALUE,
                        (float) Long.MIN_VALUE, (double) Long.MIN_VALUE, BigDecimal.valueOf(Long.MIN_VALUE),
                        f, f, f, f, Long.MIN_VALUE),
                cells(SqlType.DOUBLE, 2.5, "2.5", true, (byte) 2, (short) 2, 2, 2L, 2.5f, 2.5,
                        new BigDecimal("2.5"), f, f, f, f, 2.5),
                cells(SqlType.DOUBLE, -0.0, "-0.0", false, (byte) 0, (short) 0, 0, 0L, -0f, -0.0,
                        new BigDecimal("0.0"), f, f, f, f, -0.0),
                cells(SqlType.DOUBLE, Double.NaN, "NaN", f, f, f, f, f, Float.NaN, Double.NaN, f, f, f, f, f,
                        Double.NaN),
                cells(SqlType.DOUBLE, 1e300, "1.0E300", true, f, f, f, f, f, 1e300, BigDecimal.valueOf(1e300),
                        f, f, f, f, 1e300),
                cells(SqlType.DECIMAL, new BigDecimal("12.25"), "12.25", true, (byte) 12, (short) 12, 12, 12L,
                        12.25f, 12.25, new BigDecimal("12.25"), f, f, f, f, new BigDecimal("12.25")),
                cells(SqlType.DECIMAL, new BigDecimal("1E+3"), "1000", true, f, (short) 1000, 1000, 1000L,
                        1000f, 1000d, new BigDecimal("1E+3"), f, f, f, f, new BigDecimal("1E+3")),
                cells(SqlType.TIMESTAMP, ts(), "2024-01-02 03:04:05.123456789", f, f, f, f, f, f, f, f, f,
                        date("2024-01-02"), time("03:04:05", 123), ts(), ts()),
                cells(SqlType.VARCHAR, null, null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        null, null, null, null, null, null),
                cells(SqlType.BIGINT, null, null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        null, null, null, null, null, null),
                cells(SqlType.TIMESTAMP, null, null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        null, null, null, null, null, null),
                cells(SqlType.NULL, null, null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d,
                        null, null, null, null, null, null));
    }

    private static Object[] cells(SqlType type, Object value, Object... expected) {
        assertEquals(GETTERS.size(), expected.length, "matrix row for " + type + " " + value);
        Object[] row = new Object[expected.length + 2];
        row[0] = type;
        row[1] = value;
        System.arraycopy(expected, 0, row, 2, expected.length);
        return row;
    }

    @TestFactory
    Stream<DynamicTest> conversionMatrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] row : matrix()) {
            SqlType type = (SqlType) row[0];
            Object value = row[1];
            for (int g = 0; g < GETTERS.size(); g++) {
                Getter getter = GETTERS.get(g);
                Object expected = row[g + 2];
                String name = type + " " + (value instanceof String ? "'" + value + "'" : value) + " " + getter.name();
                tests.add(DynamicTest.dynamicTest(name + " by index",
                        () -> checkCell(type, value, getter.byIndex(), expected)));
                tests.add(DynamicTest.dynamicTest(name + " by label",
                        () -> checkCell(type, value, getter.byLabel(), expected)));
            }
        }
        return tests.stream();
    }

    private static void checkCell(SqlType type, Object value, Read read, Object expected) throws SQLException {
        try (S3InventoryResultSet rs = single(type, value)) {
            if (expected == FAILS) {
                SQLException e = assertThrows(SQLException.class, () -> read.apply(rs));
                assertInstanceOf(SQLDataException.class, e);
                assertEquals("22018", e.getSQLState());
                assertTrue(e.getMessage().startsWith("Column 'v': Cannot convert " + type), e.getMessage());
            } else {
                Object actual = read.apply(rs);
                if (expected instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) actual);
                } else {
                    assertEquals(expected, actual);
                    if (expected != null) {
                        assertSame(expected.getClass(), actual.getClass());
                    }
                }
            }
            assertEquals(value == null, rs.wasNull(), "wasNull");
        }
    }

    @Test
    void wasNullFollowsEveryRead() throws SQLException {
        List<ResultColumn> columns = List.of(ResultColumn.computed("a", SqlType.INTEGER, true),
                ResultColumn.computed("b", SqlType.INTEGER, true));
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null, relation(columns, new Object[] {null, 5}))) {
            assertTrue(rs.next());
            assertFalse(rs.wasNull(), "nothing read yet");
            assertEquals(0, rs.getInt(1));
            assertTrue(rs.wasNull());
            assertEquals(5, rs.getInt(2));
            assertFalse(rs.wasNull());
            assertNull(rs.getObject("A", Integer.class));
            assertTrue(rs.wasNull());
            assertEquals(5L, rs.getObject("b", Long.class));
            assertFalse(rs.wasNull());
        }
    }

    // ---- getObject(int, Class) ----

    @Test
    void getObjectWithClassOnTimestamp() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.TIMESTAMP, ts())) {
            assertEquals("2024-01-02 03:04:05.123456789", rs.getObject(1, String.class));
            assertEquals(ts(), rs.getObject(1, Timestamp.class));
            assertEquals(ts(), rs.getObject(1, java.util.Date.class));
            assertEquals(ts(), rs.getObject(1, Object.class));
            assertEquals(date("2024-01-02"), rs.getObject(1, Date.class));
            assertEquals(time("03:04:05", 123), rs.getObject(1, Time.class));
            assertEquals(INSTANT, rs.getObject(1, Instant.class), "the UTC wall clock read as UTC, not New York");
            assertEquals(LocalDateTime.parse("2024-01-02T03:04:05.123456789"), rs.getObject(1, LocalDateTime.class));
            assertEquals(LocalDate.parse("2024-01-02"), rs.getObject(1, LocalDate.class));
            assertEquals(LocalTime.parse("03:04:05.123456789"), rs.getObject(1, LocalTime.class));
            assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05.123456789Z"), rs.getObject(1, OffsetDateTime.class));
            assertEquals(ZonedDateTime.ofInstant(INSTANT, ZoneOffset.UTC), rs.getObject(1, ZonedDateTime.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, Integer.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, Boolean.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, BigDecimal.class));
        }
    }

    @Test
    void getObjectWithClassOnInteger() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.INTEGER, 42)) {
            assertEquals(42, rs.getObject(1, Integer.class));
            assertEquals(42, rs.getObject(1, int.class));
            assertEquals(42L, rs.getObject(1, Long.class));
            assertEquals((short) 42, rs.getObject(1, Short.class));
            assertEquals((byte) 42, rs.getObject(1, Byte.class));
            assertEquals(true, rs.getObject(1, Boolean.class));
            assertEquals(42.0, rs.getObject(1, Double.class));
            assertEquals(42f, rs.getObject(1, Float.class));
            assertEquals(new BigDecimal("42"), rs.getObject(1, BigDecimal.class));
            assertEquals(BigInteger.valueOf(42), rs.getObject(1, BigInteger.class));
            assertEquals("42", rs.getObject(1, String.class));
            assertEquals(42, rs.getObject(1, Object.class));
            assertEquals(42, rs.getObject(1, Number.class), "not in the table, but the value is one");
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, LocalDate.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, Timestamp.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, byte[].class));
            SQLException e = assertThrows(SQLDataException.class, () -> rs.getObject(1, UUID.class));
            assertTrue(e.getMessage().contains("java.util.UUID") && e.getMessage().contains("java.time.Instant"),
                    e.getMessage());
            assertState("22023", SQLDataException.class, () -> rs.getObject(1, (Class<?>) null));
            assertState("22023", SQLDataException.class, () -> rs.getObject("v", (Class<?>) null));
        }
    }

    @Test
    void getObjectWithClassOnStrings() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "2024-01-02T03:04:05+02:00")) {
            assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05+02:00"), rs.getObject(1, OffsetDateTime.class));
            assertEquals(Instant.parse("2024-01-02T01:04:05Z"), rs.getObject(1, Instant.class));
            assertEquals(LocalDateTime.parse("2024-01-01T20:04:05"), rs.getObject(1, LocalDateTime.class));
            assertEquals(Timestamp.from(Instant.parse("2024-01-02T01:04:05Z")), rs.getObject(1, Timestamp.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, Integer.class));
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "2024-01-02")) {
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject(1, LocalDate.class));
            assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), rs.getObject(1, LocalDateTime.class));
            assertEquals(ZonedDateTime.parse("2024-01-02T00:00Z"), rs.getObject(1, ZonedDateTime.class),
                    "a zone-less value is a UTC wall clock");
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "2024-01-02T03:04:05+01:00[Europe/Paris]")) {
            assertEquals(ZonedDateTime.parse("2024-01-02T03:04:05+01:00[Europe/Paris]"),
                    rs.getObject(1, ZonedDateTime.class));
            assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05+01:00"), rs.getObject(1, OffsetDateTime.class));
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "123456789012345678901234567890")) {
            assertEquals(new BigInteger("123456789012345678901234567890"), rs.getObject(1, BigInteger.class));
            assertState("22018", SQLDataException.class, () -> rs.getObject(1, Long.class));
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "héllo")) {
            assertArrayEquals(utf8("héllo"), rs.getObject(1, byte[].class));
            assertEquals("héllo", rs.getObject(1, CharSequence.class));
        }
    }

    @Test
    void timestampsAreCopiedSoRowsCannotBeChanged() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.TIMESTAMP, ts())) {
            Timestamp first = (Timestamp) rs.getObject(1);
            first.setTime(0);
            assertEquals(ts(), rs.getObject(1));
            assertNotSame(rs.getTimestamp(1), rs.getTimestamp(1));
        }
    }

    @Test
    void getObjectWithMapIgnoresTheMap() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "x")) {
            assertEquals("x", rs.getObject(1, Map.of("T", Integer.class)));
            assertEquals("x", rs.getObject("v", (Map<String, Class<?>>) null));
        }
    }

    // ---- Calendar overloads ----

    @Test
    void calendarGivesTheZoneOfZonelessViews() throws SQLException {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        try (S3InventoryResultSet rs = single(SqlType.TIMESTAMP, ts())) {
            assertEquals(Timestamp.from(INSTANT), rs.getTimestamp(1, utc), "the wall clock read in UTC: the true instant");
            assertEquals(new Date(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli()), rs.getDate(1, utc));
            assertEquals(new Time(Instant.parse("1970-01-01T03:04:05.123Z").toEpochMilli()), rs.getTime("V", utc));
            assertEquals(date("2024-01-02"), rs.getDate("v", null), "null calendar = default zone");
            assertEquals(ts(), rs.getTimestamp("v", null), "null calendar = the wall clock unchanged");
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "2024-01-02 03:04:05")) {
            assertEquals(Timestamp.from(Instant.parse("2024-01-02T03:04:05Z")), rs.getTimestamp(1, utc));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getTimestamp("v", null));
            assertEquals(new Date(Instant.parse("2024-01-02T00:00:00Z").toEpochMilli()), rs.getDate(1, utc));
        }
    }

    // ---- other getters ----

    @Test
    void bigDecimalWithScaleRoundsHalfUp() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.DECIMAL, new BigDecimal("12.25"))) {
            assertEquals(new BigDecimal("12.3"), rs.getBigDecimal(1, 1));
            assertEquals(new BigDecimal("12"), rs.getBigDecimal("v", 0));
            assertState("22023", SQLDataException.class, () -> rs.getBigDecimal(1, -1));
        }
    }

    @Test
    void streamsAndClobCarryTheText() throws Exception {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "héllo")) {
            assertEquals("héllo", rs.getNString(1));
            try (Reader r = rs.getCharacterStream(1)) {
                char[] buf = new char[10];
                assertEquals("héllo", new String(buf, 0, r.read(buf)));
            }
            try (Reader r = rs.getNCharacterStream("v")) {
                assertEquals('h', r.read());
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                assertArrayEquals(utf8("héllo"), in.readAllBytes());
            }
            try (InputStream in = rs.getAsciiStream(1)) {
                assertArrayEquals("h?llo".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
            }
            Clob clob = rs.getClob("V");
            assertEquals(5, clob.length());
            assertEquals("éll", clob.getSubString(2, 3));
        }
        try (S3InventoryResultSet rs = single(SqlType.INTEGER, 42)) {
            try (Reader r = rs.getCharacterStream(1)) {
                char[] buf = new char[10];
                assertEquals("42", new String(buf, 0, r.read(buf)));
            }
            assertState("22018", SQLDataException.class, () -> rs.getBinaryStream(1));
        }
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, null)) {
            assertNull(rs.getCharacterStream(1));
            assertNull(rs.getClob(1));
            assertTrue(rs.wasNull());
        }
    }

    @Test
    void conversionErrorsNameTheColumnAndTheValue() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "abc")) {
            SQLException e = assertThrows(SQLDataException.class, () -> rs.getInt(1));
            assertEquals("Column 'v': Cannot convert VARCHAR value 'abc' to int: not a number", e.getMessage());
            assertInstanceOf(SQLDataException.class, e.getCause());
            assertFalse(rs.wasNull());
        }
        try (S3InventoryResultSet rs = single(SqlType.BIGINT, 5_000_000_000L)) {
            SQLException e = assertThrows(SQLDataException.class, () -> rs.getInt(1));
            assertEquals("Column 'v': Cannot convert BIGINT value '5000000000' to int: value out of range",
                    e.getMessage());
        }
    }

    // ---- labels and indexes ----

    @Test
    void findColumnIsCaseInsensitiveAndPrefersTheFirstDuplicate() throws SQLException {
        List<ResultColumn> columns = List.of(ResultColumn.computed("bucket", SqlType.VARCHAR, false),
                ResultColumn.computed("Id", SqlType.VARCHAR, false),
                ResultColumn.computed("BUCKET", SqlType.INTEGER, false));
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null, relation(columns, new Object[] {"b", "i", 3}))) {
            assertEquals(1, rs.findColumn("bucket"));
            assertEquals(1, rs.findColumn("Bucket"));
            assertEquals(2, rs.findColumn("id"));
            assertEquals(2, rs.findColumn("ID"));
            assertTrue(rs.next());
            assertEquals("b", rs.getString("BUCKET"));
            assertEquals("i", rs.getString("iD"));
            SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> rs.findColumn("nope"));
            assertEquals("42S22", e.getSQLState());
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("bucket, Id, BUCKET"),
                    e.getMessage());
            assertState("42S22", SQLSyntaxErrorException.class, () -> rs.findColumn(null));
            assertState("42S22", SQLSyntaxErrorException.class, () -> rs.getString("nope"));
        }
    }

    @Test
    void badIndexIs07009() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "x")) {
            assertState("07009", SQLException.class, () -> rs.getString(0));
            assertState("07009", SQLException.class, () -> rs.getString(2));
            assertState("07009", SQLException.class, () -> rs.getInt(-1));
            assertState("07009", SQLException.class, () -> rs.getObject(2, String.class));
            assertState("07009", SQLException.class, () -> rs.getTimestamp(2, Calendar.getInstance()));
        }
    }

    @Test
    void readingWithoutACurrentRowIs24000() throws SQLException {
        List<ResultColumn> columns = List.of(ResultColumn.computed("v", SqlType.INTEGER, true));
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null, relation(columns, new Object[] {1}))) {
            assertState("24000", SQLException.class, () -> rs.getInt(1));
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.next());
            assertState("24000", SQLException.class, () -> rs.getInt(1));
            assertState("24000", SQLException.class, () -> rs.getObject("v"));
        }
    }

    // ---- cursor ----

    @Test
    void forwardOnlyNavigationFlags() throws SQLException {
        List<ResultColumn> columns = List.of(ResultColumn.computed("v", SqlType.INTEGER, false));
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null,
                relation(columns, new Object[] {1}, new Object[] {2}))) {
            assertFlags(rs, 0, true, false, false, false);
            assertTrue(rs.next());
            assertFlags(rs, 1, false, true, false, false);
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.next());
            assertFlags(rs, 2, false, false, true, false);
            assertEquals(2, rs.getInt(1));
            assertFalse(rs.next());
            assertFlags(rs, 0, false, false, false, true);
            assertFalse(rs.next(), "stays after the last row");
            assertFlags(rs, 0, false, false, false, true);
        }
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null, relation(columns, new Object[] {7}))) {
            assertTrue(rs.next());
            assertFlags(rs, 1, false, true, true, false);
        }
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null, relation(columns))) {
            // JDBC: with no rows, the cursor is neither before the first nor after the last row
            assertFlags(rs, 0, false, false, false, false);
            assertFalse(rs.next());
            assertFlags(rs, 0, false, false, false, false);
        }
    }

    private static void assertFlags(ResultSet rs, int row, boolean beforeFirst, boolean first, boolean last,
            boolean afterLast) throws SQLException {
        assertEquals(row, rs.getRow(), "getRow");
        assertEquals(beforeFirst, rs.isBeforeFirst(), "isBeforeFirst");
        assertEquals(first, rs.isFirst(), "isFirst");
        assertEquals(last, rs.isLast(), "isLast");
        assertEquals(afterLast, rs.isAfterLast(), "isAfterLast");
    }

    @Test
    void fixedAnswersOfAForwardOnlyReadOnlyCursor() throws SQLException {
        try (S3InventoryResultSet rs = single(SqlType.VARCHAR, "x")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, rs.getHoldability());
            assertFalse(rs.rowUpdated());
            assertFalse(rs.rowInserted());
            assertFalse(rs.rowDeleted());
            assertEquals(0, rs.getFetchSize());
            rs.setFetchSize(500);
            assertEquals(500, rs.getFetchSize());
            assertState("22023", SQLDataException.class, () -> rs.setFetchSize(-1));
            rs.setFetchDirection(ResultSet.FETCH_FORWARD);
            rs.setFetchDirection(ResultSet.FETCH_UNKNOWN);
            assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
            assertState("HYC00", SQLFeatureNotSupportedException.class,
                    () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
            assertState("22023", SQLDataException.class, () -> rs.setFetchDirection(12345));
            assertNull(rs.getStatement(), "metadata result sets have no statement");
            assertEquals(1, rs.getMetaData().getColumnCount());
            assertEquals("v", rs.getMetaData().getColumnLabel(1));
            assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
            assertSame(rs.getMetaData(), rs.getMetaData());
            assertTrue(rs.isWrapperFor(ResultSet.class));
            assertTrue(rs.isWrapperFor(S3InventoryResultSet.class));
            assertFalse(rs.isWrapperFor(Statement.class));
            assertFalse(rs.isWrapperFor(null));
            assertSame(rs, rs.unwrap(ResultSet.class));
            assertState("HYC00", SQLFeatureNotSupportedException.class, () -> rs.unwrap(Statement.class));
        }
    }

    @Test
    void getStatementReturnsTheOwner() throws SQLException {
        Statement owner = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> null);
        try (S3InventoryResultSet rs = new S3InventoryResultSet(owner,
                relation(List.of(ResultColumn.computed("v", SqlType.INTEGER, false))))) {
            assertSame(owner, rs.getStatement());
        }
    }

    @Test
    void aResultSetHasNoWarningsOfItsOwn() throws SQLException {
        // a skipped bucket is a warning of the statement that ran, not of the rows it produced
        S3InventoryResultSet rs = single(SqlType.VARCHAR, "x");
        assertNull(rs.getWarnings());
        rs.clearWarnings();
        assertNull(rs.getWarnings());
        rs.close();
        assertEquals(Errors.OBJECT_CLOSED, assertThrows(SQLException.class, rs::getWarnings).getSQLState());
    }

    // ---- closing ----

    @Test
    void onCloseRunsExactlyOnce() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        S3InventoryResultSet rs = new S3InventoryResultSet(null,
                relation(List.of(ResultColumn.computed("v", SqlType.INTEGER, false)), new Object[] {1}),
                runs::incrementAndGet);
        assertFalse(rs.isClosed());
        assertEquals(0, runs.get());
        rs.close();
        assertTrue(rs.isClosed());
        assertEquals(1, runs.get());
        rs.close();
        assertEquals(1, runs.get());
    }

    @Test
    void failingOnCloseIsWrappedAndStillCloses() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        S3InventoryResultSet rs = new S3InventoryResultSet(null,
                relation(List.of(ResultColumn.computed("v", SqlType.INTEGER, false))), () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("boom");
                });
        SQLException e = assertThrows(SQLException.class, rs::close);
        assertEquals("XX000", e.getSQLState());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(rs.isClosed());
        rs.close();
        assertEquals(1, runs.get());
    }

    @Test
    void everyMethodButCloseIsClosedAndIsWrapperForFailsWithHy010WhenClosed() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : ResultSet.class.getMethods()) {
            // isWrapperFor never throws: pools ask it speculatively (checklist b.2)
            if (Modifier.isStatic(m.getModifiers())
                    || Set.of("close", "isClosed", "isWrapperFor").contains(m.getName())) {
                continue;
            }
            S3InventoryResultSet rs = allTypes();
            assertTrue(rs.next());
            rs.close();
            try {
                m.invoke(rs, arguments(m, 1));
                wrong.add(signature(m) + " returned normally");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof SQLException sql) || !"HY010".equals(sql.getSQLState())) {
                    wrong.add(signature(m) + " threw " + cause);
                }
            }
            checked++;
        }
        assertTrue(checked > 180, "checked " + checked + " methods");
        assertEquals(List.of(), wrong);
        S3InventoryResultSet rs = allTypes();
        rs.close();
        assertTrue(rs.isClosed());
    }

    // ---- unsupported features and robustness ----

    private static final Set<String> UNSUPPORTED = Set.of("absolute", "relative", "previous", "first", "last",
            "beforeFirst", "afterLast", "insertRow", "updateRow", "deleteRow", "refreshRow", "cancelRowUpdates",
            "moveToInsertRow", "moveToCurrentRow", "getCursorName", "getRef", "getBlob", "getNClob", "getArray",
            "getRowId", "getSQLXML", "getURL", "getUnicodeStream");

    @Test
    void scrollingUpdatingAndLobMethodsAreUnsupported() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : ResultSet.class.getMethods()) {
            if (!m.getName().startsWith("update") && !UNSUPPORTED.contains(m.getName())) {
                continue;
            }
            S3InventoryResultSet rs = allTypes();
            assertTrue(rs.next());
            try {
                m.invoke(rs, arguments(m, 1));
                wrong.add(signature(m) + " returned normally");
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof SQLFeatureNotSupportedException sql) || !"HYC00".equals(sql.getSQLState())
                        || !sql.getMessage().startsWith("ResultSet." + m.getName() + " ")) {
                    wrong.add(signature(m) + " threw " + cause);
                }
            }
            checked++;
        }
        assertTrue(checked > 100, "checked " + checked + " methods");
        assertEquals(List.of(), wrong);
    }

    /**
     * Calls every method with awkward arguments (nulls, 0, -1, huge, valid), before the first row,
     * on a row and after the last: the only failures allowed are SQLExceptions.
     */
    @Test
    void onlySqlExceptionsEscape() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Method m : ResultSet.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            for (int variant = 0; variant < 4; variant++) {
                for (int moves = 0; moves <= 2; moves++) {
                    S3InventoryResultSet rs = allTypes();
                    for (int i = 0; i < moves; i++) {
                        rs.next();
                    }
                    try {
                        m.invoke(rs, arguments(m, variant));
                    } catch (InvocationTargetException e) {
                        if (!(e.getCause() instanceof SQLException)) {
                            wrong.add(signature(m) + " variant " + variant + " threw " + e.getCause());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** One row with a value of every type, labelled by type name, plus a row of nulls. */
    private static S3InventoryResultSet allTypes() {
        List<ResultColumn> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Map<SqlType, Object> samples = Map.of(SqlType.VARCHAR, "2024-01-02", SqlType.BOOLEAN, true,
                SqlType.SMALLINT, (short) 3, SqlType.INTEGER, 4, SqlType.BIGINT, 5L, SqlType.DOUBLE, 6.5,
                SqlType.DECIMAL, new BigDecimal("7.25"), SqlType.TIMESTAMP, ts());
        for (SqlType t : SqlType.values()) {
            columns.add(ResultColumn.computed(t.name().toLowerCase(), t, true));
            values.add(samples.get(t));
        }
        Object[] nulls = new Object[columns.size()];
        return new S3InventoryResultSet(null, relation(columns, values.toArray(), nulls));
    }

    /** Arguments for {@code m}; variant 0 is all-null/zero, 1 valid, 2 negative, 3 out of range. */
    private static Object[] arguments(Method m, int variant) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = new int[] {0, 1, -1, Integer.MAX_VALUE}[variant];
            } else if (t == long.class) {
                args[i] = new long[] {0L, 1L, -1L, Long.MAX_VALUE}[variant];
            } else if (t == boolean.class) {
                args[i] = variant == 1;
            } else if (t == byte.class) {
                args[i] = (byte) variant;
            } else if (t == short.class) {
                args[i] = (short) variant;
            } else if (t == float.class) {
                args[i] = (float) variant;
            } else if (t == double.class) {
                args[i] = (double) variant;
            } else if (variant == 0) {
                args[i] = null;
            } else if (t == String.class) {
                args[i] = new String[] {null, "varchar", "", "no such column"}[variant];
            } else if (t == Class.class) {
                args[i] = new Class<?>[] {null, String.class, UUID.class, int.class}[variant];
            } else if (t == Map.class) {
                args[i] = Map.of();
            } else if (t == Calendar.class) {
                args[i] = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            } else {
                args[i] = null;
            }
        }
        return args;
    }

    private static String signature(Method m) {
        StringBuilder s = new StringBuilder(m.getName()).append('(');
        for (Class<?> p : m.getParameterTypes()) {
            s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(p.getSimpleName());
        }
        return s.append(')').toString();
    }

    @Test
    void malformedRowsAreReportedAsInternalErrors() throws SQLException {
        // a Relation promises full rows; if one is short anyway, the reader reports XX000, not a RuntimeException
        try (S3InventoryResultSet rs = new S3InventoryResultSet(null,
                relation(List.of(ResultColumn.computed("a", SqlType.INTEGER, true),
                        ResultColumn.computed("b", SqlType.INTEGER, true)), new Object[] {1}))) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertState("XX000", SQLException.class, () -> rs.getInt(2));
        }
    }
}
