package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.FakeS3Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing waits without bound: a write whose request is never answered ends at the query timeout
 * or at cancel(), like reads do; and an endpoint that cannot be used — refusing, silent, dropping
 * connections, cutting answers off — fails connect with 08001 within one connect timeout plus one
 * read timeout, or within the login timeout when that is less. Each trial checks its time bound; the
 * page shows the bounds, not the measured times (which vary from run to run).
 */
class TimeBoundsTest {
    private static final String AREA = "Time bounds";
    private static final String TABLE = "aws.s3.bucket_inventory_configurations";

    @Test
    void aWriteThatIsNeverAnsweredEndsAtTheQueryTimeout() throws SQLException {
        Tally tally = new Tally(AREA, "Put / Delete never answered — INSERT, UPDATE, EXEC ..._Put, DELETE with "
                + "setQueryTimeout(1): SQLTimeoutException, connection still usable");
        try (FakeS3Server s3 = seeded(); Connection c = connect(s3, ""); Statement st = c.createStatement()) {
            s3.failOperation("PutBucketInventoryConfiguration", FakeS3Fault.hang())
                    .failOperation("DeleteBucketInventoryConfiguration", FakeS3Fault.hang());
            st.setQueryTimeout(1);
            for (String sql : writes()) {
                long start = System.nanoTime();
                try {
                    st.executeUpdate(sql);
                    tally.wrong(sql + " returned");
                } catch (SQLTimeoutException e) {
                    long nanos = System.nanoTime() - start;
                    if (nanos < 4_000_000_000L && stillUsable(c)) {
                        tally.cleanError();
                    } else {
                        tally.hang(sql + " took " + nanos / 1_000_000 + " ms");
                    }
                } catch (SQLException e) {
                    tally.wrong(sql + " -> " + e);
                }
                tally.faults(1);
            }
        }
        tally.note("timeout 1 s; each ended within 4 s").record();
    }

    @Test
    void cancelEndsAWriteThatIsNeverAnswered() throws Exception {
        Tally tally = new Tally(AREA, "Put / Delete never answered — cancel() from another thread after 300 ms: "
                + "SQLState 57014");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (FakeS3Server s3 = seeded(); Connection c = connect(s3, "")) {
            s3.failOperation("PutBucketInventoryConfiguration", FakeS3Fault.hang())
                    .failOperation("DeleteBucketInventoryConfiguration", FakeS3Fault.hang());
            for (String sql : writes()) {
                try (Statement st = c.createStatement()) {
                    timer.schedule(() -> {
                        st.cancel();
                        return null;
                    }, 300, TimeUnit.MILLISECONDS);
                    long start = System.nanoTime();
                    try {
                        st.executeUpdate(sql);
                        tally.wrong(sql + " returned");
                    } catch (SQLException e) {
                        long nanos = System.nanoTime() - start;
                        if (!"57014".equals(e.getSQLState())) {
                            tally.wrong(sql + " -> " + e);
                        } else if (nanos < 3_000_000_000L) {
                            tally.cleanError();
                        } else {
                            tally.hang(sql + " took " + nanos / 1_000_000 + " ms");
                        }
                    }
                    tally.faults(1);
                }
            }
        } finally {
            timer.shutdownNow();
        }
        tally.note("each ended within 3 s of its start").record();
    }

    @Test
    void anUnusableEndpointFailsConnectWith08001InBoundedTime() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("nothing listening (connection refused)", closedPort(), null));
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = acceptForever(silent);
        endpoints.add(new Endpoint("accepts connections, never answers (read timeout)", silent.getLocalPort(), null));
        endpoints.add(new Endpoint("accepts connections, never answers", silent.getLocalPort(), LOGIN_BOUND));
        FakeS3Server dropping = new FakeS3Server().failEvenly(FakeS3Fault.dropConnection(), 1.0);
        endpoints.add(new Endpoint("closes every connection without an answer", dropping.endpoint().getPort(), null));
        FakeS3Server cutting = new FakeS3Server().failEvenly(FakeS3Fault.truncateResponse(), 1.0);
        endpoints.add(new Endpoint("cuts every answer off mid-body", cutting.endpoint().getPort(), null));
        Backlog full = Backlog.fill();
        if (full != null) {
            endpoints.add(new Endpoint("connection attempts never accepted (connect timeout)", full.port(), null));
        }
        try {
            for (Endpoint e : endpoints) {
                tryConnect(e);
            }
        } finally {
            silent.close();
            acceptor.interrupt();
            dropping.close();
            cutting.close();
            if (full != null) {
                full.close();
            }
        }
    }

    /** The login timeout alone bounds connect: read timeout 30 s, login timeout 1 s. */
    private static final String LOGIN_BOUND = "socketTimeoutSeconds=30&loginTimeoutSeconds=1";
    private static final String SHORT_TIMEOUTS = "connectTimeoutSeconds=1&socketTimeoutSeconds=1";

    /** @param properties the timeouts to connect with; null for 1 s connect and read timeouts */
    private record Endpoint(String name, int port, String properties) {
        String timeouts() {
            return properties == null ? SHORT_TIMEOUTS : properties;
        }

        String described() {
            return properties == null ? "1 s connect and read timeouts" : "loginTimeoutSeconds=1 (read timeout 30 s)";
        }
    }

    /** Three connects, each of which must end within its 2 s bound (+2 s slack for busy CI machines). */
    private static void tryConnect(Endpoint e) {
        Tally tally = new Tally(AREA, "endpoint " + e.name + " — connect with " + e.described() + ": "
                + "SQLNonTransientConnectionException 08001");
        for (int i = 0; i < 3; i++) {
            tally.faults(1);
            long start = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:s3inventory:?endpoint=http://127.0.0.1:" + e.port
                    + "&pathStyleAccess=true&region=us-east-1&user=test&password=test&" + e.timeouts())) {
                tally.wrong("connected");
            } catch (SQLException x) {
                long nanos = System.nanoTime() - start;
                if (!(x instanceof SQLNonTransientConnectionException) || !"08001".equals(x.getSQLState())) {
                    tally.wrong(x.getClass().getSimpleName() + " " + x.getSQLState() + " " + x.getMessage());
                } else if (nanos > 4_000_000_000L) {
                    tally.hang("took " + nanos / 1_000_000 + " ms: " + x.getMessage());
                } else {
                    tally.cleanError();
                }
            }
        }
        tally.note(e.properties == null ? "bound 2 s each" : "bound 1 s each").record();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Thread acceptForever(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    held.add(server.accept()); // hold it open, never read or answer
                }
            } catch (IOException closed) {
                held.forEach(s -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // best effort
                    }
                });
            }
        }, "silent-endpoint");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A listening socket that never accepts, its small backlog filled by connections of our own: the
     * kernel then drops further connection attempts (SYNs), which time out like an unreachable host —
     * without any traffic leaving the loopback interface. Null where the platform does not behave so.
     */
    private record Backlog(ServerSocket server, List<Socket> fillers) implements AutoCloseable {
        static Backlog fill() throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            List<Socket> fillers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 300);
                    fillers.add(s);
                } catch (SocketTimeoutException full) {
                    s.close();
                    return new Backlog(server, fillers);
                }
            }
            new Backlog(server, fillers).close();
            return null;
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }

    private static FakeS3Server seeded() {
        FakeS3Server s3 = new FakeS3Server().addBucket("write-box", "eu-west-1");
        s3.putConfigurationXml("write-box", "old", FakeS3Server.sampleConfigurationXml("old"));
        return s3;
    }

    private static Connection connect(FakeS3Server s3, String extra) throws SQLException {
        return DriverManager.getConnection(s3.jdbcUrl("cacheTtlSeconds=0" + extra));
    }

    private static List<String> writes() {
        return List.of("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
                        + "schedule_frequency) VALUES ('write-box', 'new', 'arn:aws:s3:::dest', 'CSV', 'Daily')",
                "UPDATE " + TABLE + " SET is_enabled = FALSE WHERE bucket = 'write-box' AND id = 'old'",
                "EXEC " + TABLE + ".bucket_inventory_configurations_Put @bucket='write-box', @id='old', @@json='{\"Id\":\"old\","
                        + "\"IsEnabled\":true,\"Destination\":{\"S3BucketDestination\":{\"Bucket\":\"arn:aws:s3:::dest\","
                        + "\"Format\":\"CSV\"}},\"IncludedObjectVersions\":\"All\",\"Schedule\":{\"Frequency\":\"Daily\"}}'",
                "DELETE FROM " + TABLE + " WHERE bucket = 'write-box' AND id = 'old'");
    }

    private static boolean stillUsable(Connection c) {
        try (Statement st = c.createStatement()) {
            return FakeEstate.rows(st, "SELECT id FROM " + TABLE + " WHERE bucket = 'write-box'").equals(List.of("old"));
        } catch (SQLException e) {
            return false;
        }
    }
}
