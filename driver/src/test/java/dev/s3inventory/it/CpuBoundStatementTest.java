package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cancel() and the query timeout end a statement that is busy with CPU — a five-way self-join — as
 * promptly as one that waits for S3, and a join cannot grow without bound: past maxJoinRows it fails
 * with 54000 naming the limit. Without liveness checks inside the join this query runs for many
 * seconds after its cancel; the bounds asserted are generous (they tell "stopped at the next check"
 * from "ran to the end"), this is not a performance test.
 */
class CpuBoundStatementTest {
    private static final String T = "aws.s3.bucket_inventory_configurations";
    private static final int CONFIGURATIONS = 50;
    /**
     * 50 x 50 x 50 joined rows (c holds them: 125,000, small), each then tested against every row of
     * d with a string search of its JSON: 6.25 million tests, many seconds of CPU, and no row passes.
     */
    private static final String FIVE_WAY_SELF_JOIN = "SELECT COUNT(*) FROM " + T + " a "
            + "JOIN " + T + " b ON a.bucket = b.bucket "
            + "JOIN " + T + " c ON b.bucket = c.bucket "
            + "JOIN " + T + " d ON d.configuration_json LIKE CONCAT('%', a.id, b.id, c.id, '%') "
            + "JOIN " + T + " e ON e.id = d.id";
    /** Far above "at the next liveness check" on a loaded machine, far below the join's own run time. */
    private static final Duration PROMPT = Duration.ofSeconds(3);

    private static FakeS3Server s3;

    @BeforeAll
    static void seed() {
        s3 = new FakeS3Server().addBucket("wide", "us-east-1");
        for (int i = 0; i < CONFIGURATIONS; i++) {
            String id = String.format("c%02d", i);
            s3.putConfigurationXml("wide", id, FakeS3Server.sampleConfigurationXml(id));
        }
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    private static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(s3.jdbcUrl(extra));
    }

    @Test
    void cancelEndsAFiveWaySelfJoinPromptly() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Connection c = connect(null); Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + T).close(); // fetched and cached: what follows is CPU only
            timer.schedule(() -> {
                st.cancel();
                return null;
            }, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(FIVE_WAY_SELF_JOIN));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals("57014", e.getSQLState(), e.toString());
            assertTrue(took.compareTo(Duration.ofMillis(500).plus(PROMPT)) < 0, "ended after " + took);
            assertStillUsable(st);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void queryTimeoutEndsAFiveWaySelfJoinPromptly() throws SQLException {
        try (Connection c = connect(null); Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + T).close();
            st.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(FIVE_WAY_SELF_JOIN));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertInstanceOf(SQLTimeoutException.class, e, e.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(1).plus(PROMPT)) < 0, "ended after " + took);
            st.setQueryTimeout(0);
            assertStillUsable(st);
        }
    }

    @Test
    void aJoinPastMaxJoinRowsFailsWith54000NamingTheLimit() throws SQLException {
        try (Connection c = connect("maxJoinRows=10000"); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT COUNT(*) FROM " + T + " a "
                    + "JOIN " + T + " b ON a.bucket = b.bucket JOIN " + T + " c ON b.bucket = c.bucket"));

            assertEquals("54000", e.getSQLState(), e.toString());
            assertTrue(e.getMessage().contains("10000") && e.getMessage().contains("maxJoinRows"), e.getMessage());
            // 50 x 50 = 2,500 rows are within the limit.
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + T + " a JOIN " + T
                    + " b ON a.bucket = b.bucket")) {
                assertTrue(rs.next());
                assertEquals(CONFIGURATIONS * CONFIGURATIONS, rs.getInt(1));
            }
        }
    }

    private static void assertStillUsable(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + T)) {
            assertTrue(rs.next());
            assertEquals(CONFIGURATIONS, rs.getInt(1));
        }
    }
}
