package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry budget is what the driver says: {@code maxAttempts} attempts per call (8 by default, as
 * the SDK announces in each request's {@code amz-sdk-request} header), 2 for the connect-time check,
 * and an answer cut off mid-body counts as a failed attempt, not as a result.
 */
class RetryTuningTest {
    private static final String AREA = "Transient faults (retried with backoff)";
    private FakeS3Server s3;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server().addBucket("retried", "us-east-1");
        s3.putConfigurationXml("retried", "daily", FakeS3Server.sampleConfigurationXml("daily"));
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(s3.jdbcUrl("cacheTtlSeconds=0" + extra));
    }

    @Test
    void eachCallGetsExactlyItsAttempts() throws SQLException {
        Tally tally = new Tally(AREA, "retry budget: a bucket failing every attempt gets exactly maxAttempts requests "
                + "(1, 2, 4); the default is announced as max=8; the connect check makes 2 attempts");
        for (int attempts : new int[] {1, 2, 4}) {
            try (Connection c = connect("&maxAttempts=" + attempts); Statement st = c.createStatement()) {
                s3.resetLog().failBucket("retried", FakeS3Fault.internalError());
                FakeEstate.rows(st, "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'retried'");
                // The bucket's region is unknown: its first call, HeadBucket, is the one that keeps failing.
                long made = s3.requests().stream().filter(r -> "retried".equals(r.bucket())).count();
                check(tally, made == attempts && st.getWarnings() != null, "maxAttempts=" + attempts + ": " + made);
                tally.faults(made);
            }
            s3.clearFaults();
        }
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            s3.resetLog();
            FakeEstate.rows(st, "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'retried'");
            String announced = s3.requests().get(s3.requests().size() - 1).header("amz-sdk-request");
            check(tally, announced != null && announced.endsWith("max=8"), "default: " + announced);
        }
        s3.resetLog().failEvenly(FakeS3Fault.slowDown(), 1.0);
        try (Connection c = connect("")) {
            tally.wrong("connected to an endpoint that throttles everything");
        } catch (SQLException e) {
            long probes = s3.count("ListBuckets");
            check(tally, probes == 2 && "58030".equals(e.getSQLState()), "connect: " + probes + " " + e);
            tally.faults(probes);
        }
        tally.record();
    }

    @Test
    void aCutOffAnswerIsRetriedNotReturned() throws SQLException {
        Tally tally = new Tally(AREA, "an answer cut off mid-body once, for each read (ListBuckets, List, "
                + "Get, and the raw Get of an UPDATE): retried, exact result");
        List<String> reads = List.of("SELECT name FROM aws.s3.buckets",
                "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'retried'",
                "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'retried' AND id = 'daily'");
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            for (String sql : reads) {
                List<String> want = FakeEstate.rows(st, sql);
                s3.failNext(FakeS3Fault.truncateResponse(), 1);
                check(tally, FakeEstate.rows(st, sql).equals(want) && st.getWarnings() == null, sql);
                tally.faults(1);
            }
            s3.failNext(FakeS3Fault.truncateResponse(), 1);
            int n = st.executeUpdate("UPDATE aws.s3.bucket_inventory_configurations SET filter_prefix = 'cut/' "
                    + "WHERE bucket = 'retried' AND id = 'daily'");
            check(tally, n == 1 && s3.configurationXml("retried", "daily").contains("cut/"), "UPDATE: " + n);
            tally.faults(1);
        }
        long truncated = s3.requests().stream().map(RecordedRequest::errorCode)
                .filter(FakeS3Fault.TRUNCATED::equals).count();
        tally.note(truncated + " answers cut off").record();
    }

    private static void check(Tally tally, boolean ok, String what) {
        if (ok) {
            tally.correct();
        } else {
            tally.wrong(what);
        }
    }
}
