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
 * from /proc/self/fd) as before.
 */
class ResourceReleaseTest {
    private static final String AREA = "Resources";
    private static final int CYCLES = 2_000;

    @Test
    void thousandsOfOpenCloseCyclesLeaveNoThreadOrSocketBehind() throws Exception {
        Tally tally = new Tally(AREA, String.format(Locale.ROOT, "%,d connection open/close cycles (every 25th runs a "
                + "4-region scan first): live threads by name and open file descriptors before and after", CYCLES));
        try (FakeEstate estate = new FakeEstate(8)) {
            for (int i = 0; i < 50; i++) {
                cycle(estate, i);
            }
            Snapshot before = Snapshot.settled();
            long start = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                cycle(estate, i);
                tally.correct();
            }
            double perCycle = (System.nanoTime() - start) / 1e6 / CYCLES;
            Snapshot after = Snapshot.settled();
            if (after.threads.values().stream().mapToInt(Integer::intValue).sum()
                    > before.threads.values().stream().mapToInt(Integer::intValue).sum() + 2
                    || after.fds > before.fds + 10) {
                tally.wrong("grew: threads " + before.threads + " -> " + after.threads + ", fds " + before.fds + " -> "
                        + after.fds);
            }
            tally.note(String.format(Locale.ROOT, "threads %d -> %d, fds %d -> %d, %.1f ms per cycle", before.total(),
                    after.total(), before.fds, after.fds, perCycle));
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
                Thread.sleep(200);
                c.close();
                Object outcome = query.get(10, TimeUnit.SECONDS);
                if (outcome instanceof String state && !state.equals("returned")) {
                    tally.cleanError();
                } else {
                    tally.wrong("statement " + outcome);
                }
            }
            s3.close(); // releases the hung requests and their server-side sockets
            Snapshot after = Snapshot.settled();
            boolean grew = after.total() > before.total() + 2 || after.fds > before.fds + 10;
            tally.note("threads " + before.total() + " -> " + after.total() + ", fds " + before.fds + " -> " + after.fds);
            if (grew) {
                tally.wrong("grew: " + before.threads + " -> " + after.threads + ", fds " + before.fds + " -> " + after.fds);
            }
        } finally {
            callers.shutdownNow();
        }
        tally.record();
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
