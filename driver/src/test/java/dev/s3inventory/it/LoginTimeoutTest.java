package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.FakeS3Server;
import java.sql.DriverManager;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * connect() against an endpoint that accepts connections and never answers (a black hole) gives up
 * after the login timeout with 08001, long before the 30 s read timeout: a DBeaver "Test connection"
 * answers in that time. The bounds asserted are generous: they separate "gave up at the login
 * timeout" from "waited for the read timeout", not fast from slow.
 */
class LoginTimeoutTest {
    /** Far above a 1 s login timeout on a loaded machine, far below the 30 s read timeout. */
    private static final Duration GENEROUS = Duration.ofSeconds(12);

    private FakeS3Server blackHole;

    @BeforeEach
    void start() {
        blackHole = new FakeS3Server().failEvenly(FakeS3Fault.hang(), 1.0);
    }

    @AfterEach
    void stop() {
        DriverManager.setLoginTimeout(0);
        blackHole.close();
    }

    @Test
    void loginTimeoutSecondsBoundsConnectAgainstASilentEndpoint() {
        long start = System.nanoTime();
        SQLNonTransientConnectionException e = assertThrows(SQLNonTransientConnectionException.class,
                () -> DriverManager.getConnection(blackHole.jdbcUrl("loginTimeoutSeconds=1")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("within 1 s") && e.getMessage().contains("loginTimeoutSeconds"),
                e.getMessage());
        assertTrue(took.compareTo(GENEROUS) < 0, "connect took " + took + " (read timeout 30 s)");
        assertTrue(blackHole.count("ListBuckets") >= 1, "the check reached the endpoint");
    }

    @Test
    void driverManagersLoginTimeoutWinsOverTheProperty() {
        DriverManager.setLoginTimeout(1);
        long start = System.nanoTime();
        SQLNonTransientConnectionException e = assertThrows(SQLNonTransientConnectionException.class,
                () -> DriverManager.getConnection(blackHole.jdbcUrl("loginTimeoutSeconds=600")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("within 1 s"), e.getMessage());
        assertTrue(took.compareTo(GENEROUS) < 0, "connect took " + took);
    }

    @Test
    void aLoginTimeoutOutOfRangeIsRefused() {
        var e = assertThrows(java.sql.SQLException.class,
                () -> DriverManager.getConnection(blackHole.jdbcUrl("loginTimeoutSeconds=0")));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("loginTimeoutSeconds"), e.getMessage());
    }
}
