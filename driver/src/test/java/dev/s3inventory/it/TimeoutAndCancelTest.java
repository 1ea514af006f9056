package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bucket that never answers must not hang a statement: the query timeout and cancel() end it. */
class TimeoutAndCancelTest {
    private FakeS3Server s3;
    private Connection connection;

    @BeforeEach
    void start() throws SQLException {
        s3 = new FakeS3Server();
        for (int i = 0; i < 6; i++) {
            s3.addBucket("b-" + i, "us-east-1");
            s3.putConfigurationXml("b-" + i, "daily", FakeS3Server.sampleConfigurationXml("daily"));
        }
        s3.addBucket("slow", "us-east-1").hang("slow");
        connection = DriverManager.getConnection(s3.jdbcUrl(null));
    }

    @AfterEach
    void stop() throws SQLException {
        connection.close();
        s3.close();
    }

    @Test
    void queryTimeoutEndsAPointQueryOnAHungBucket() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(
                    "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'slow'"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(SQLTimeoutException.class, e, e.toString());
            assertTrue(millis < 3_000, "ended after " + millis + " ms");
        }
    }

    @Test
    void queryTimeoutEndsAFullScan() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(1);
            assertThrows(SQLTimeoutException.class, () -> st.executeQuery(
                    "SELECT * FROM aws.s3.bucket_inventory_configurations"));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheStatementPromptly() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Statement st = connection.createStatement()) {
            timer.schedule(() -> {
                st.cancel();
                return null;
            }, 300, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(
                    "SELECT * FROM aws.s3.bucket_inventory_configurations"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("57014", e.getSQLState(), e.toString());
            assertTrue(millis < 2_000, "ended after " + millis + " ms");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theConnectionStaysUsableAfterATimeout() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(1);
            assertThrows(SQLTimeoutException.class, () -> st.executeQuery(
                    "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'slow'"));
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aws.s3.bucket_inventory_configurations "
                    + "WHERE bucket IN ('b-0', 'b-1')")) {
                rs.next();
                assertEquals(2, rs.getLong(1));
            }
        }
    }

    @Test
    void aTimedOutStatementAbortsItsRequestInFlight() throws Exception {
        assertAbortedWhenTheStatementEnds((st, timer) -> st.setQueryTimeout(2), SQLTimeoutException.class, "slow");
    }

    @Test
    void anAnswerThatStallsMidBodyIsAbortedToo() throws Exception {
        // The headers came, so the HTTP call has returned; the SDK is still reading the body.
        s3.failOperation("ListBucketInventoryConfigurations", FakeS3Fault.stallMidBody());
        assertAbortedWhenTheStatementEnds((st, timer) -> st.setQueryTimeout(2), SQLTimeoutException.class, "b-1");
    }

    @Test
    void aCancelledStatementAbortsItsRequestInFlight() throws Exception {
        assertAbortedWhenTheStatementEnds((st, timer) -> timer.schedule(() -> {
            st.cancel();
            return null;
        }, 1_500, TimeUnit.MILLISECONDS), SQLException.class, "slow");
    }

    private interface Setup {
        void apply(Statement st, ScheduledExecutorService timer) throws Exception;
    }

    /**
     * A blocked socket read ignores interrupts: unless the driver aborts the request, a pool thread stays
     * blocked on the hung bucket until the socket timeout (30 s), long after its statement ended.
     */
    private void assertAbortedWhenTheStatementEnds(Setup ending, Class<? extends SQLException> expected, String bucket)
            throws Exception {
        ScheduledExecutorService probe = Executors.newScheduledThreadPool(2);
        try (Statement st = connection.createStatement()) {
            ScheduledFuture<Long> whileWaiting = probe.schedule(TimeoutAndCancelTest::threadsReadingFromS3, 1,
                    TimeUnit.SECONDS);
            ending.apply(st, probe);
            assertThrows(expected, () -> st.executeQuery(
                    "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = '" + bucket + "'"));
            assertEquals(1, whileWaiting.get(), "while the statement waits, one driver thread reads the hung answer");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threadsReadingFromS3() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, threadsReadingFromS3(), "the request was aborted when its statement ended");
            s3.clearFaults();
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aws.s3.bucket_inventory_configurations "
                    + "WHERE bucket = 'b-0'")) {
                rs.next();
                assertEquals(1, rs.getLong(1), "the connection works on");
            }
        } finally {
            probe.shutdownNow();
        }
    }

    private static long threadsReadingFromS3() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("s3inventory-"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(
                        f -> f.getClassName().contains("Socket") && f.getMethodName().contains("read")))
                .count();
    }
}
