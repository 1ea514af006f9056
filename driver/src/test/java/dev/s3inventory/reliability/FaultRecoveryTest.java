package dev.s3inventory.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.testing.FakeS3Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transient faults — throttling, 500s, connections closed before or in the middle of an answer —
 * are retried with the SDK's backoff, so scans and writes still give exactly the right result
 * with no warning at all. Each fault hits an evenly spread 20% of all requests, retries included.
 */
class FaultRecoveryTest {
    private static final String AREA = "Transient faults (retried with backoff)";
    private static FakeEstate estate;
    private static List<String> expected;

    @BeforeAll
    static void seed() throws SQLException {
        estate = new FakeEstate(200);
        expected = estate.faultFreeRows(List.of(FakeEstate.ALL_ROWS)).get(FakeEstate.ALL_ROWS);
        assertEquals(450, expected.size());
    }

    @AfterAll
    static void stop() {
        estate.close();
    }

    @AfterEach
    void clear() {
        estate.s3.clearFaults().resetLog();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("503 SlowDown", FakeS3Fault.slowDown(), "", 2),
                Arguments.of("500 InternalError", FakeS3Fault.internalError(), "", 2),
                Arguments.of("connection closed before the answer (after S3 acted)", FakeS3Fault.dropConnection(), "", 2),
                Arguments.of("answer cut off mid-body", FakeS3Fault.truncateResponse(), "", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void fullScansReturnExactlyTheRightRows(String name, FakeS3Fault fault, String extra, int scans) throws SQLException {
        Tally tally = new Tally(AREA, "20% of requests: " + name + " — full scan of 201 buckets, 450 rows, "
                + "paged ListBuckets and List");
        try (Connection c = estate.connect(extra); Statement st = c.createStatement()) {
            estate.s3.resetLog().failEvenly(fault, 0.2);
            for (int i = 0; i < scans; i++) {
                List<String> rows = FakeEstate.rows(st, FakeEstate.ALL_ROWS);
                if (rows.equals(expected) && st.getWarnings() == null) {
                    tally.correct();
                } else {
                    tally.wrong(rows.size() + " rows, warnings: " + st.getWarnings());
                }
            }
            tally.faults(estate.answered(fault.code()));
            tally.note(estate.s3.totalRequests() + " requests");
        }
        tally.record();
    }

    @Test
    void pointAndNamedBucketQueriesRecoverFromThrottling() throws SQLException {
        Tally tally = new Tally(AREA, "20% of requests: 503 SlowDown — point queries (bucket + id) and "
                + "named-bucket queries, regions learned by HeadBucket");
        try (Connection c = estate.connect(""); Statement st = c.createStatement()) {
            estate.s3.resetLog().throttle(0.2);
            for (int i = 1; i < 200; i += 13) {
                String bucket = estate.buckets.get(i);
                List<String> want = expected.stream().filter(r -> r.startsWith(bucket + "|")).toList();
                check(tally, st, "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = '" + bucket
                        + "' ORDER BY id", want);
                check(tally, st, "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = '" + bucket
                        + "' AND id = 'cfg-0'", want.stream().filter(r -> r.startsWith(bucket + "|cfg-0|")).toList());
            }
            tally.faults(estate.answered("SlowDown"));
        }
        tally.record();
    }

    static Stream<Arguments> writeFaults() {
        return faults().map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    /** Every write's update count and its stored result are checked; the estate is left as it was. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writeFaults")
    void writesHaveExactlyTheirEffect(String name, FakeS3Fault fault) throws SQLException {
        Tally tally = new Tally(AREA, "20% of requests: " + name + " — INSERT, UPDATE, EXEC ..._Put and DELETE "
                + "(update count and stored document checked)");
        String table = "aws.s3.bucket_inventory_configurations";
        try (Connection c = estate.connect(""); Statement st = c.createStatement()) {
            estate.s3.resetLog().failEvenly(fault, 0.2);
            for (int i = 0; i < 8; i++) {
                String bucket = estate.buckets.get(i * 23 % 200);
                String id = "write-" + i;
                String where = " WHERE bucket = '" + bucket + "' AND id = '" + id + "'";
                write(tally, st, "INSERT INTO " + table + " (bucket, id, destination_bucket_arn, destination_format, "
                        + "schedule_frequency) VALUES ('" + bucket + "', '" + id + "', 'arn:aws:s3:::dest', 'CSV', 'Daily')",
                        () -> xml(bucket, id).contains("<Format>CSV</Format>"));
                write(tally, st, "UPDATE " + table + " SET destination_format = 'Parquet'" + where,
                        () -> xml(bucket, id).contains("<Format>Parquet</Format>"));
                write(tally, st, "EXEC " + table + ".bucket_inventory_configurations_Put @bucket='" + bucket + "', @id='"
                        + id + "', @@json='{\"Id\":\"" + id + "\",\"IsEnabled\":false,\"Destination\":{\"S3BucketDestination\":"
                        + "{\"Bucket\":\"arn:aws:s3:::dest\",\"Format\":\"ORC\"}},\"IncludedObjectVersions\":\"All\","
                        + "\"Schedule\":{\"Frequency\":\"Weekly\"}}'",
                        () -> xml(bucket, id).contains("<Frequency>Weekly</Frequency>"));
                write(tally, st, "DELETE FROM " + table + where, () -> estate.s3.configurationXml(bucket, id) == null);
            }
            tally.faults(estate.answered(fault.code()));
        }
        tally.record();
    }

    private static String xml(String bucket, String id) {
        String xml = estate.s3.configurationXml(bucket, id);
        return xml == null ? "" : xml;
    }

    private static void write(Tally tally, Statement st, String sql, java.util.function.BooleanSupplier stored) {
        try {
            long count = st.executeLargeUpdate(sql);
            if (count == 1 && stored.getAsBoolean()) {
                tally.correct();
            } else {
                tally.wrong(sql + " -> count " + count + ", stored as expected: " + stored.getAsBoolean());
            }
        } catch (SQLException e) {
            tally.wrong(sql + " -> " + e);
        }
    }

    private static void check(Tally tally, Statement st, String sql, List<String> want) throws SQLException {
        List<String> rows = FakeEstate.rows(st, sql);
        if (rows.equals(want) && st.getWarnings() == null) {
            tally.correct();
        } else {
            tally.wrong(sql + " gave " + rows.size() + " rows, warnings: " + st.getWarnings());
        }
    }
}
