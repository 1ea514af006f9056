package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Fault;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Connection used by many threads at once (each with its own Statement, as JDBC intends) gives
 * every thread exactly the results a lone thread gets, with and without failing requests, and
 * concurrent writes to distinct keys all land.
 */
class SharedConnectionTest {
    private static final String AREA = "Concurrency";
    private static final String T = "aws.s3.bucket_inventory_configurations";
    private static final List<String> QUERIES = List.of(FakeEstate.ALL_ROWS,
            "SELECT bucket, id FROM " + T + " WHERE bucket LIKE 'rel-00%' ORDER BY bucket, id",
            "SELECT * FROM " + T + " WHERE bucket IN ('rel-0005', 'rel-0042', 'rel-big') ORDER BY bucket, id",
            "SELECT * FROM " + T + " WHERE bucket = 'rel-0007' AND id = 'cfg-1'",
            "SELECT region, COUNT(*), COUNT(DISTINCT bucket) FROM " + T + " GROUP BY region ORDER BY region",
            "SELECT name FROM aws.s3.buckets WHERE name NOT IN (SELECT bucket FROM " + T + ") ORDER BY name",
            "SELECT bucket, id FROM " + T + " WHERE region = 'sa-east-1' ORDER BY id DESC, bucket LIMIT 7",
            "SELECT name, region FROM aws.s3.buckets ORDER BY name");
    private static FakeEstate estate;
    private static Map<String, List<String>> EXPECTED;

    @BeforeAll
    static void seed() throws SQLException {
        estate = new FakeEstate(100);
        EXPECTED = estate.faultFreeRows(QUERIES);
    }

    @AfterAll
    static void stop() {
        estate.close();
    }

    @Test
    void manyThreadsOnOneConnectionGetWhatOneThreadGets() throws Exception {
        readers("12 threads sharing one connection with its listing cache on (the default), 8 kinds of query "
                + "(scans, named, point, aggregates, subquery, LIMIT, buckets)", null);
    }

    @Test
    void manyThreadsOnOneConnectionGetWhatOneThreadGetsWhileRequestsFail() throws Exception {
        readers("12 threads sharing one connection while 10% of requests answer 500 InternalError", 0.1);
    }

    private void readers(String situation, Double failing) throws Exception {
        Tally tally = new Tally(AREA, situation + " — results compared with a lone thread's");
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try (Connection shared = estate.connect(failing == null ? "&cacheTtlSeconds=60" : "")) {
            if (failing != null) {
                estate.s3.resetLog().failEvenly(FakeS3Fault.internalError(), failing);
            }
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        String sql = QUERIES.get((thread + i) % QUERIES.size());
                        try (Statement st = shared.createStatement()) {
                            List<String> rows = FakeEstate.rows(st, sql);
                            if (rows.equals(EXPECTED.get(sql)) && st.getWarnings() == null) {
                                tally.correct();
                            } else {
                                tally.wrong("thread " + thread + ": " + sql + " gave " + rows.size() + " rows, warnings "
                                        + st.getWarnings());
                            }
                        } catch (SQLException e) {
                            tally.wrong("thread " + thread + ": " + sql + " -> " + e);
                        }
                    }
                    return null;
                }));
            }
            await(done, tally);
            if (failing != null) {
                tally.faults(estate.answered("InternalError"));
            }
        } finally {
            estate.s3.clearFaults();
            threads.shutdownNow();
        }
        tally.record();
    }

    @Test
    void concurrentWritesToDistinctKeysAllLand() throws Exception {
        Tally tally = new Tally(AREA, "8 threads writing through one connection (INSERT, UPDATE, DELETE on their own "
                + "keys) — update counts and stored documents checked");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Connection shared = estate.connect("")) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    String bucket = "rel-00" + (10 + thread);
                    for (int i = 0; i < 4; i++) {
                        String id = "conc-" + thread + "-" + i;
                        String where = " WHERE bucket = '" + bucket + "' AND id = '" + id + "'";
                        write(tally, shared, "INSERT INTO " + T + " (bucket, id, destination_bucket_arn, destination_format,"
                                + " schedule_frequency) VALUES ('" + bucket + "', '" + id + "', 'arn:aws:s3:::dest', 'ORC', "
                                + "'Weekly')", () -> estate.s3.configurationXml(bucket, id) != null);
                        write(tally, shared, "UPDATE " + T + " SET is_enabled = FALSE" + where,
                                () -> estate.s3.configurationXml(bucket, id).contains("<IsEnabled>false</IsEnabled>"));
                        write(tally, shared, "DELETE FROM " + T + where, () -> estate.s3.configurationXml(bucket, id) == null);
                    }
                    return null;
                }));
            }
            await(done, tally);
        } finally {
            threads.shutdownNow();
        }
        tally.record();
    }

    private static void write(Tally tally, Connection c, String sql, java.util.function.BooleanSupplier stored) {
        try (Statement st = c.createStatement()) {
            long count = st.executeLargeUpdate(sql);
            if (count == 1 && stored.getAsBoolean()) {
                tally.correct();
            } else {
                tally.wrong(sql + " -> " + count);
            }
        } catch (SQLException e) {
            tally.wrong(sql + " -> " + e);
        }
    }

    private static void await(List<Future<?>> done, Tally tally) throws Exception {
        for (Future<?> f : done) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                tally.hang("a thread did not finish within 120 s");
            }
        }
    }
}
