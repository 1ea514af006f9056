package dev.s3inventory.reliability;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Parameterized seed statements and random values of every Java type the PreparedStatement setters
 * take — plausible ones (real bucket names, valid enums) mixed with hostile ones (huge, empty,
 * unicode, NaN, extremes, wrong types, wrong indexes) — so that some executions succeed and every
 * failure path is walked. Deterministic for a given {@link Random}.
 */
final class FuzzParameters {
    private static final String T = "aws.s3.bucket_inventory_configurations";

    /** A parameterized statement and, per marker, a value that makes it work (so that writes do happen). */
    record Seed(String sql, Object... good) {
    }

    private static final String JSON = "{\"Id\":\"p3\",\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":"
            + "{\"Bucket\":\"arn:aws:s3:::dest\",\"Format\":\"CSV\"}},\"IncludedObjectVersions\":\"All\","
            + "\"Schedule\":{\"Frequency\":\"Daily\"}}";

    static final List<Seed> SEEDS = List.of(
            new Seed("SELECT * FROM " + T + " WHERE bucket = ? AND id = ?", "fuzz-a", "daily"),
            new Seed("SELECT bucket, id FROM " + T + " WHERE bucket IN (?, ?) ORDER BY id LIMIT ?", "fuzz-a", "fuzz-b", 3),
            new Seed("SELECT ? || bucket, CAST(? AS INTEGER), ? FROM " + T + " WHERE is_enabled = ?", "x", "7", 1.5, true),
            new Seed("SELECT bucket FROM " + T + " WHERE bucket LIKE ? ESCAPE ? OFFSET ? ROWS", "fuzz!-%", "!", 1),
            new Seed("SELECT name FROM aws.s3.buckets WHERE region = ? OR name = ?", "eu-west-1", "fuzz-b"),
            new Seed("INSERT INTO " + T + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency, "
                    + "is_enabled, optional_fields, filter_prefix, destination_encryption, destination_kms_key_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "fuzz-a", "new-id", "arn:aws:s3:::dest", "csv", "Weekly", true,
                    "Size,ETag", "data/", "SSE-KMS", "arn:aws:kms:us-east-1:123456789012:key/k"),
            new Seed("INSERT INTO " + T + " (bucket, configuration_json) VALUES (?, ?)", "fuzz-b", JSON),
            new Seed("UPDATE " + T + " SET destination_format = ?, is_enabled = ?, destination_prefix = ? WHERE bucket = ? "
                    + "AND id = ?", "ORC", false, "pre/", "fuzz-a", "p1"),
            new Seed("UPDATE " + T + " SET configuration_json = ? WHERE bucket = ? AND id LIKE ?", JSON.replace("p3", "p2"),
                    "fuzz-b", "p2"),
            new Seed("DELETE FROM " + T + " WHERE bucket = ? AND id = ?", "fuzz-a", "new-id"),
            new Seed("EXEC " + T + ".bucket_inventory_configurations_Put @bucket=?, @id=?, @@json=?", "fuzz-b", "p3", JSON));

    private static final List<String> PLAUSIBLE = List.of("fuzz-a", "fuzz-b", "daily", "p1", "p2",
            "arn:aws:s3:::dest", "CSV", "orc", "Parquet", "Daily", "weekly", "All", "Current", "Size,ETag", "SSE-S3",
            "SSE-KMS", "eu-west-1", "us-east-1", "fuzz-%", "!", "true", "false", "1", "10",
            "{\"Id\":\"p3\",\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"arn:aws:s3:::dest\","
                    + "\"Format\":\"CSV\"}},\"IncludedObjectVersions\":\"All\",\"Schedule\":{\"Frequency\":\"Daily\"}}");
    private static final List<String> HOSTILE = List.of("", " ", "'", "''); DROP TABLE x; --", "\u0000", "\ud800",
            "\u202e\ud83d\ude00", "../../etc", "a/b", "UPPER", "x".repeat(70_000), "NaN", "-0", "1e400", "%", "_",
            "arn:aws:s3:::", "arn:aws:s3:::Bad_Name", "Size,Size", "Colour", "{", "{\"Id\":1}", "[]", "null",
            "{\"Id\":\"p4\",\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"s3://x\",\"Format\":\"XML\"}}}");

    private FuzzParameters() {
    }

    /**
     * Binds every parameter of a seed: most often the value that works, else a random one of any type
     * (and now and then at an index too many or too few, or nothing at all). Setter failures are part of what is tested: they are
     * thrown to the caller as SQLExceptions.
     */
    static void bind(PreparedStatement ps, Seed seed, Random r) throws SQLException {
        if (r.nextInt(20) == 0) {
            ps.clearParameters(); // execute with nothing bound
            return;
        }
        for (int i = 1; i <= seed.good().length; i++) {
            if (r.nextInt(100) < 60) {
                ps.setObject(i, seed.good()[i - 1]);
            } else {
                set(ps, r.nextInt(25) == 0 ? r.nextInt(seed.good().length + 3) - 1 : i, r);
            }
        }
    }

    private static void set(PreparedStatement ps, int i, Random r) throws SQLException {
        switch (r.nextInt(30)) {
            case 0, 1, 2, 3, 4, 5 -> ps.setString(i, PLAUSIBLE.get(r.nextInt(PLAUSIBLE.size())));
            case 6, 7 -> ps.setString(i, HOSTILE.get(r.nextInt(HOSTILE.size())));
            case 8 -> ps.setInt(i, new int[] {0, 1, -1, 5, Integer.MAX_VALUE, Integer.MIN_VALUE}[r.nextInt(6)]);
            case 9 -> ps.setLong(i, new long[] {0, 3, Long.MAX_VALUE, Long.MIN_VALUE}[r.nextInt(4)]);
            case 10 -> ps.setShort(i, (short) r.nextInt());
            case 11 -> ps.setByte(i, (byte) r.nextInt());
            case 12 -> ps.setBoolean(i, r.nextBoolean());
            case 13 -> ps.setDouble(i, new double[] {0.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308}[r.nextInt(5)]);
            case 14 -> ps.setFloat(i, Float.NEGATIVE_INFINITY);
            case 15 -> ps.setBigDecimal(i, r.nextBoolean() ? new BigDecimal("1e-400")
                    : new BigDecimal(BigInteger.TEN.pow(400)));
            case 16 -> ps.setNull(i, new int[] {Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.OTHER, Types.ARRAY,
                Types.STRUCT, 12345}[r.nextInt(7)]);
            case 17 -> ps.setObject(i, randomObject(r));
            case 18 -> ps.setObject(i, randomObject(r), new int[] {Types.VARCHAR, Types.BIGINT, Types.BOOLEAN,
                Types.TIMESTAMP, Types.DECIMAL, Types.BLOB, -999}[r.nextInt(7)]);
            case 19 -> ps.setDate(i, new Date(r.nextLong() % 10_000_000_000_000L));
            case 20 -> ps.setTime(i, new Time(0), Calendar.getInstance(TimeZone.getTimeZone("Pacific/Kiritimati")));
            case 21 -> ps.setTimestamp(i, new Timestamp(Long.MAX_VALUE / 2), Calendar.getInstance());
            case 22 -> ps.setBytes(i, "bytes\u00ff".getBytes(StandardCharsets.UTF_8));
            case 23 -> ps.setCharacterStream(i, new StringReader("fuzz-a"), r.nextInt(10) - 1);
            case 24 -> ps.setAsciiStream(i, new ByteArrayInputStream(new byte[] {(byte) 0xff, 'a'}), 2);
            case 25 -> ps.setBinaryStream(i, new ByteArrayInputStream(new byte[3]));
            case 26 -> ps.setNString(i, "n\u00e9");
            case 27 -> {
                try {
                    ps.setURL(i, URI.create("http://example.invalid/x").toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            case 28 -> ps.setClob(i, new StringReader("clob"));
            default -> ps.setObject(i, randomObject(r), Types.NUMERIC, r.nextInt(40) - 5);
        }
    }

    private static Object randomObject(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> "fuzz-a";
            case 1 -> 42;
            case 2 -> 4.2f;
            case 3 -> new BigInteger("123456789012345678901234567890");
            case 4 -> LocalDate.of(2024, 2, 29);
            case 5 -> LocalDateTime.MAX;
            case 6 -> OffsetDateTime.MIN;
            case 7 -> Instant.EPOCH;
            case 8 -> UUID.nameUUIDFromBytes(new byte[] {1});
            case 9 -> new int[] {1, 2};
            case 10 -> List.of("a", "b");
            case 11 -> new Object();
            case 12 -> 'c';
            case 13 -> Boolean.FALSE;
            case 14 -> new StringBuilder("fuzz-b");
            default -> null;
        };
    }
}
