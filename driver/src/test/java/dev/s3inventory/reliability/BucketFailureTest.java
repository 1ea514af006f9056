package dev.s3inventory.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.LogCapture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bucket whose calls keep failing, whatever the failure, costs exactly that bucket's rows: with
 * onBucketError=warn (the default) the other buckets' rows come back exactly and each failed bucket
 * is named, with its error code, in one SQLWarning (and one WARN log line); with onBucketError=fail
 * the statement fails with the failure's SQLState. Nothing is dropped silently.
 */
class BucketFailureTest {
    private static final String AREA = "Per-bucket failures (onBucketError)";
    /** Few attempts: these failures never heal, and retries are another test's subject. */
    private static final String FEW_ATTEMPTS = "&maxAttempts=2";
    private static FakeEstate estate;
    /** Each query's rows with no fault anywhere. */
    private static Map<String, List<String>> EXPECTED;

    /** A failure that never heals, what the warning must call it, and the SQLState of onBucketError=fail. */
    private record Kind(String name, String bucket, FakeS3Fault fault, String code, String failState) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("403 AccessDenied", "rel-0001", FakeS3Fault.error(403, "AccessDenied"), "AccessDenied", "42501"),
            new Kind("500 InternalError", "rel-0002", FakeS3Fault.internalError(), "InternalError", "58030"),
            new Kind("503 SlowDown", "rel-0003", FakeS3Fault.slowDown(), "SlowDown", "58030"),
            new Kind("400 InvalidRequest", "rel-0005", FakeS3Fault.error(400, "InvalidRequest"), "InvalidRequest", "22023"),
            new Kind("connection closed without an answer", "rel-0006", FakeS3Fault.dropConnection(), "58030", "58030"),
            new Kind("answer cut off mid-body", "rel-0007", FakeS3Fault.truncateResponse(), "58030", "58030"),
            // Deleted between ListBuckets and its List: a missing bucket is a warning under either policy.
            new Kind("404 NoSuchBucket (deleted meanwhile)", "rel-0009", FakeS3Fault.error(404, "NoSuchBucket"),
                    "NoSuchBucket", null));

    /** Full scan, prefix scan (ListBuckets prefix), and named buckets (regions learned by HeadBucket). */
    private static final List<String> QUERIES = List.of(FakeEstate.ALL_ROWS,
            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE 'rel-00%' ORDER BY bucket, id",
            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket IN ('rel-0001', 'rel-0002', 'rel-0003', "
                    + "'rel-0005', 'rel-0006', 'rel-0007', 'rel-0009', 'rel-0010', 'rel-0011') ORDER BY bucket, id");

    @BeforeAll
    static void seed() throws SQLException {
        estate = new FakeEstate(40);
        EXPECTED = estate.faultFreeRows(QUERIES);
    }

    @AfterAll
    static void stop() {
        estate.close();
    }

    @AfterEach
    void clear() {
        estate.s3.clearFaults().resetLog();
    }

    @Test
    void eachKindOfFailureCostsOnlyItsBucketAndIsNamed() throws SQLException {
        for (Kind kind : KINDS) {
            Tally tally = new Tally(AREA, "one bucket failing every attempt (" + kind.name + "), 40 healthy — "
                    + "onBucketError=warn; full, prefix and named-bucket queries");
            estate.s3.failBucket(kind.bucket, kind.fault);
            try (Connection c = estate.connect(FEW_ATTEMPTS)) {
                for (String sql : QUERIES) {
                    runWarn(c, sql, List.of(kind), tally);
                }
            }
            estate.s3.clearFaults();
            tally.record();
        }
    }

    @Test
    void severalBucketsFailingAtOnceAreEachNamed() throws SQLException {
        Tally tally = new Tally(AREA, "7 buckets failing at once, one of each kind above — onBucketError=warn; full, "
                + "prefix and named-bucket queries; one WARN log line per skipped bucket");
        KINDS.forEach(k -> estate.s3.failBucket(k.bucket, k.fault));
        try (Connection c = estate.connect(FEW_ATTEMPTS); LogCapture log = LogCapture.start()) {
            for (String sql : QUERIES) {
                runWarn(c, sql, KINDS, tally);
            }
            long warnLines = log.lines().stream().filter(l -> l.startsWith("WARN dev.s3inventory.engine")).count();
            // Per query: one line per skipped bucket (missing buckets are not skipped failures, just absent).
            assertEquals(3L * (KINDS.size() - 1), warnLines, String.join("\n", log.lines().stream()
                    .filter(l -> l.startsWith("WARN")).toList()));
        }
        tally.record();
    }

    @Test
    void onBucketErrorFailRaisesTheMappedSqlState() throws SQLException {
        for (Kind kind : KINDS) {
            Tally tally = new Tally(AREA, "one bucket failing every attempt (" + kind.name + ") — onBucketError=fail: "
                    + (kind.failState == null ? "warning (a missing bucket has no rows)" : "SQLState " + kind.failState));
            estate.s3.failBucket(kind.bucket, kind.fault);
            try (Connection c = estate.connect(FEW_ATTEMPTS + "&onBucketError=fail")) {
                for (String sql : QUERIES) {
                    if (kind.failState == null) {
                        runWarn(c, sql, List.of(kind), tally);
                        continue;
                    }
                    tally.faults(1);
                    try (Statement st = c.createStatement()) {
                        List<String> rows = FakeEstate.rows(st, sql);
                        tally.wrong(sql + " returned " + rows.size() + " rows instead of failing");
                    } catch (SQLException e) {
                        if (kind.failState.equals(e.getSQLState()) && e.getMessage().contains(kind.bucket)) {
                            tally.cleanError();
                        } else {
                            tally.wrong(kind.name + ": " + e.getSQLState() + " " + e.getMessage());
                        }
                    }
                }
            }
            estate.s3.clearFaults();
            tally.record();
        }
    }

    @Test
    void aSkippedBucketIsNotRememberedAsEmptyByTheListingCache() throws SQLException {
        Tally tally = new Tally(AREA, "listing cache on (60 s): a bucket skipped with a warning, then healed — the next "
                + "query, within the cache's lifetime, has its rows");
        try (Connection c = estate.connect("&cacheTtlSeconds=60&maxAttempts=2")) {
            for (Kind kind : KINDS) {
                if (kind.failState == null) {
                    continue; // a missing bucket is another matter: it may well be cached as missing
                }
                estate.s3.failBucket(kind.bucket, kind.fault);
                runWarn(c, FakeEstate.ALL_ROWS, List.of(kind), new Tally(AREA, "unrecorded"));
                estate.s3.failBucket(kind.bucket, null);
                try (Statement st = c.createStatement()) {
                    List<String> rows = FakeEstate.rows(st, FakeEstate.ALL_ROWS);
                    if (rows.equals(EXPECTED.get(FakeEstate.ALL_ROWS)) && st.getWarnings() == null) {
                        tally.correct();
                    } else {
                        tally.wrong(kind.name + ": after healing, " + rows.size() + " rows, warnings " + st.getWarnings());
                    }
                }
                tally.faults(1);
            }
        }
        tally.record();
    }

    /** Right rows minus the failed buckets', and exactly one warning per failed bucket naming it and its code. */
    private static void runWarn(Connection c, String sql, List<Kind> failing, Tally tally) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<String> rows = FakeEstate.rows(st, sql);
            List<String> want = new ArrayList<>(EXPECTED.get(sql));
            List<Kind> inScope = new ArrayList<>();
            for (Kind k : failing) {
                boolean queried = !sql.contains(" IN (") || sql.contains("'" + k.bucket + "'");
                if (queried) {
                    inScope.add(k);
                    want.removeIf(r -> r.startsWith(k.bucket + "|"));
                }
            }
            Map<String, Integer> named = new LinkedHashMap<>();
            List<String> unexplained = new ArrayList<>();
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                String message = w.getMessage();
                Kind k = inScope.stream().filter(x -> message.contains("'" + x.bucket + "'")).findFirst().orElse(null);
                if (k == null || !message.contains(k.code)) {
                    unexplained.add(w.getSQLState() + " " + message);
                } else {
                    named.merge(k.bucket, 1, Integer::sum);
                }
            }
            boolean eachOnce = inScope.stream().allMatch(k -> named.getOrDefault(k.bucket, 0) == 1);
            if (rows.equals(want) && eachOnce && unexplained.isEmpty()) {
                tally.warning();
            } else {
                tally.wrong(sql + ": " + rows.size() + "/" + want.size() + " rows, named " + named + ", unexplained "
                        + unexplained);
            }
            tally.faults(inScope.size());
        }
    }
}
