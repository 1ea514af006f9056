package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Closing a connection gives back everything it took: its S3 clients, HTTP connections and threads.
 * Thousands of open/close cycles — some running a scan over several regions first — leave the
 * process with as many live threads (counted by name) and open file descriptors (sockets included,
 * from /proc/self/fd) as before. Each situation is one trial: the cycles are checked together, once.
 * Without procfs the descriptors cannot be counted: the test is then skipped, and fails in CI.
 */
class ResourceReleaseTest {
    private static final String AREA = "Resources";
    private static final int CYCLES = 2_000;

    @Test
    void thousandsOfOpenCloseCyclesLeaveNoThreadOrSocketBehind() throws Exception {
        Tally tally = new Tally(AREA, String.format(Locale.ROOT, "%,d connection open/close cycles (every 25th runs a "
                + "4-region scan first), checked together: as many live threads (by name) and open file descriptors "
                + "after as before", CYCLES));
        requireProcfs();
        try (FakeEstate estate = new FakeEstate(8)) {
            for (int i = 0; i < 50; i++) {
                cycle(estate, i);
            }
            Snapshot before = Snapshot.settled();
            for (int i = 0; i < CYCLES; i++) {
                cycle(estate, i);
            }
            released(tally, before);
        }
        tally.record();
    }

    @Test
    void closingAConnectionEndsItsHungStatementsAndReleasesThem() throws Exception {
        Tally tally = new Tally(AREA, "connection closed while its statements wait on a bucket that never answers: "
                + "statements end with an SQLException, threads and sockets are released");
        ExecutorService callers = Executors.newCachedThreadPool();
        try (FakeS3Server s3 = new FakeS3Server()) {
            s3.addBucket("stuck-bucket", "us-east-1").hang("stuck-bucket");
            String url = "jdbc:s3inventory:?endpoint=" + s3.endpoint() + "&pathStyleAccess=true&region=us-east-1"
                    + "&user=test&password=test";
            DriverManager.getConnection(url).close(); // warm up
            requireProcfs();
            Snapshot before = Snapshot.settled();
            for (int round = 0; round < 5; round++) {
                Connection c = DriverManager.getConnection(url);
                Future<?> query = callers.submit(() -> {
                    try (Statement st = c.createStatement()) {
                        st.executeQuery("SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'stuck-bucket'");
                        return "returned";
                    } catch (SQLException e) {
                        return e.getSQLState();
                    }
                });
                awaitRequests(s3, round + 1); // the statement's request is in flight, held by the server
                c.close();
                Object outcome = query.get(10, TimeUnit.SECONDS);
                if (outcome instanceof String state && !state.equals("returned")) {
                    tally.cleanError();
                } else {
                    tally.wrong("statement " + outcome);
                }
            }
            s3.close(); // releases the hung requests and their server-side sockets
            released(tally, before);
        } finally {
            callers.shutdownNow();
        }
        tally.record();
    }

    /** Waits (up to 10 s) until the server has held this many requests for the hung bucket. */
    private static void awaitRequests(FakeS3Server s3, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (s3.requests().stream().filter(r -> "stuck-bucket".equals(r.bucket())).count() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the statement's request never reached the server");
            }
            Thread.sleep(10);
        }
    }

    /**
     * One trial: within 10 s (closed pools end their threads asynchronously) the live threads and open
     * descriptors come back to what they were before, give or take a little for the JVM's own.
     */
    private static void released(Tally tally, Snapshot before) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Snapshot now = Snapshot.take();
        while (now.total() > before.total() + 2 || now.fds > before.fds + 10) {
            if (System.nanoTime() > deadline) {
                tally.wrong("not released within 10 s: threads " + before.threads + " -> " + now.threads + ", fds "
                        + before.fds + " -> " + now.fds);
                return;
            }
            Thread.sleep(100);
            now = Snapshot.take();
        }
        tally.correct();
    }

    /** The descriptor count needs procfs: without it, skip — except in CI, where a skipped check must fail. */
    private static void requireProcfs() {
        String why = "needs /proc/self/fd to count open file descriptors";
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            if (dev.s3inventory.testing.LocalStackEnvironment.inCi()) {
                throw new AssertionError(why + " (CI must run every check)");
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
    }

    private static void cycle(FakeEstate estate, int i) throws SQLException {
        try (Connection c = estate.connect("")) {
            if (i % 25 == 0) {
                try (Statement st = c.createStatement()) {
                    FakeEstate.rows(st, "SELECT bucket, id FROM aws.s3.bucket_inventory_configurations");
                }
            }
        }
    }

    /** The test's own threads: the fake server's request handlers (a cached pool) and the callers' pool. */
    private static final java.util.regex.Pattern TEST_THREADS = java.util.regex.Pattern.compile(
            "fake-s3-\\d+|pool-\\d+-thread-\\d+|HTTP-Dispatcher");

    /** Live threads (but the test's own) grouped by name (digits dropped), and open file descriptors. */
    private record Snapshot(Map<String, Integer> threads, long fds) {
        int total() {
            return threads.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Waits (up to 10 s) for the counts to stop falling: closed pools end their threads asynchronously. */
        static Snapshot settled() throws InterruptedException, IOException {
            Snapshot last = take();
            for (int i = 0; i < 40; i++) {
                Thread.sleep(250);
                Snapshot now = take();
                if (now.total() >= last.total() && now.fds >= last.fds) {
                    return now;
                }
                last = now;
            }
            return last;
        }

        static Snapshot take() throws IOException {
            System.gc(); // collects unreachable sockets that nobody closed, which would hide a leak count
            Map<String, Integer> byName = new TreeMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.isAlive() && !TEST_THREADS.matcher(t.getName()).matches()) {
                    byName.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
                }
            }
            long fds = -1;
            Path proc = Path.of("/proc/self/fd");
            if (Files.isDirectory(proc)) {
                try (Stream<Path> s = Files.list(proc)) {
                    fds = s.count();
                }
            }
            return new Snapshot(byName, fds);
        }
    }
}
