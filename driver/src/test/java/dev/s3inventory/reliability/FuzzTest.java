package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever the SQL and whatever the parameter values, every execution ends — within a deadline — in
 * success or an SQLException with an SQLState: no other Throwable, no internal error, no hang. Runs
 * against a fake S3 that checks documents as S3 does, so that a write value that slipped past the
 * driver's validation shows up as a refused request (there must be none); writes are included, the
 * fake is disposable. Reproducible: {@code -Dfuzz.seed}, {@code -Dfuzz.statements}, {@code -Dfuzz.parameters}.
 */
class FuzzTest {
    private static final String AREA = "Bad input";
    private static final long SEED = Long.getLong("fuzz.seed", 7L);
    private static final int STATEMENTS = Integer.getInteger("fuzz.statements", 1_500);
    private static final int PARAMETERS = Integer.getInteger("fuzz.parameters", 1_500);
    private static final long DEADLINE_SECONDS = 20;

    private FakeS3Server s3;
    private ExecutorService runner;

    @BeforeEach
    void start() {
        s3 = new FakeS3Server().strictValidation(true).addBucket("fuzz-a", "eu-west-1").addBucket("fuzz-b", "us-east-1");
        for (String id : List.of("daily", "p1", "p2")) {
            s3.putConfigurationXml("fuzz-a", id, FakeS3Server.sampleConfigurationXml(id));
            s3.putConfigurationXml("fuzz-b", id, FakeS3Server.sampleConfigurationXml(id));
        }
        runner = Executors.newSingleThreadExecutor(r -> daemon(r, "fuzz-runner"));
    }

    @AfterEach
    void stop() {
        runner.shutdownNow();
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(s3.jdbcUrl("maxAttempts=2&cacheTtlSeconds=0" + extra));
    }

    @Test
    void mutatedStatementsEndInSuccessOrSqlException() throws Exception {
        Tally tally = new Tally(AREA, String.format(Locale.ROOT, "%,d statements mutated from %d seeds (SELECT, INSERT, "
                + "UPDATE, DELETE, EXEC, SHOW, DESCRIBE; token and character edits, unicode, splices, nesting up to 5,000 "
                + "deep, literals up to 64 K), seed %d", STATEMENTS, FuzzCorpus.SEEDS.size(), SEED));
        Random r = new Random(SEED);
        try (Connection c = connect("")) {
            for (int i = 0; i < STATEMENTS; i++) {
                String sql = FuzzCorpus.mutant(r);
                run(tally, sql, () -> {
                    try (Statement st = c.createStatement()) {
                        st.setQueryTimeout(10);
                        consume(st, st.execute(sql));
                    }
                });
            }
        }
        checkNothingUnvalidatedWasSent(tally);
        tally.record();
    }

    @Test
    void randomParameterValuesEndInSuccessOrSqlException() throws Exception {
        Tally tally = new Tally(AREA, String.format(Locale.ROOT, "%,d executions of %d parameterized statements with "
                + "random values through every PreparedStatement setter (strings plausible and hostile, numbers at "
                + "their limits, NaN, dates, streams, arrays, objects, null of any type, wrong indexes), seed %d",
                PARAMETERS, FuzzParameters.SEEDS.size(), SEED));
        Random r = new Random(SEED + 1);
        try (Connection c = connect("")) {
            for (int i = 0; i < PARAMETERS; i++) {
                FuzzParameters.Seed seed = FuzzParameters.SEEDS.get(r.nextInt(FuzzParameters.SEEDS.size()));
                long valuesSeed = r.nextLong();
                run(tally, seed.sql(), () -> {
                    try (PreparedStatement ps = c.prepareStatement(seed.sql())) {
                        ps.setQueryTimeout(10);
                        Random values = new Random(valuesSeed);
                        FuzzParameters.bind(ps, seed, values);
                        switch (values.nextInt(4)) {
                            case 0 -> consume(ps, ps.execute());
                            case 1 -> {
                                ps.addBatch();
                                ps.executeBatch();
                            }
                            default -> consume(ps, ps.execute());
                        }
                    }
                });
            }
        }
        checkNothingUnvalidatedWasSent(tally);
        tally.record();
    }

    @Test
    void aReadOnlyConnectionNeverWritesWhateverTheStatement() throws Exception {
        Tally tally = new Tally(AREA, "200 mutated statements on a readOnly=true connection: no write request reaches S3");
        Random r = new Random(SEED + 2);
        try (Connection c = connect("&readOnly=true")) {
            for (int i = 0; i < 200; i++) {
                String sql = FuzzCorpus.mutant(r);
                run(tally, sql, () -> {
                    try (Statement st = c.createStatement()) {
                        consume(st, st.execute(sql));
                    }
                });
            }
        }
        long writes = s3.requests().stream().filter(q -> q.method().equals("PUT") || q.method().equals("DELETE")).count();
        tally.faults(tally.trials());
        if (writes > 0) {
            tally.wrong(writes + " write requests reached S3 from a read-only connection");
        }
        tally.record();
    }

    /** The inputs too slow to try thousands of times, each timed. */
    @Test
    void extremeInputsEndPromptly() throws Exception {
        Tally tally = new Tally(AREA, "extreme statements: 1 MB string, number and identifier; 1 M-digit arithmetic; "
                + "expressions and subqueries nested 300 to 5,000 deep; 10,000-item IN list; 2,000 ANDed terms; 4 MB of "
                + "spaces");
        String t = "aws.s3.bucket_inventory_configurations";
        List<String> extremes = new java.util.ArrayList<>(List.of(
                "SELECT '" + "x".repeat(1_000_000) + "' FROM " + t,
                "SELECT " + "9".repeat(1_000_000) + " FROM " + t,
                "SELECT " + "9".repeat(1_000_000) + " * 7 + 1 FROM " + t,
                "SELECT \"" + "y".repeat(1_000_000) + "\" FROM " + t,
                "SELECT bucket FROM " + t + " WHERE id IN (" + "'a',".repeat(10_000) + "'b')",
                "SELECT bucket FROM " + t + " WHERE " + "id <> 'x' AND ".repeat(2_000) + "1 = 1",
                " ".repeat(4_000_000) + "SELECT 1"));
        for (int depth : new int[] {300, 1_000, 2_000, 5_000}) {
            extremes.add("SELECT " + "(".repeat(depth) + "bucket" + ")".repeat(depth) + " FROM " + t);
            extremes.add("SELECT bucket FROM " + t + " WHERE bucket IN " + "(SELECT bucket FROM ".repeat(depth) + t
                    + ")".repeat(depth));
        }
        try (Connection c = connect("")) {
            for (String sql : extremes) {
                run(tally, sql, () -> {
                    try (Statement st = c.createStatement()) {
                        consume(st, st.execute(sql));
                    }
                });
            }
        }
        tally.faults(extremes.size());
        tally.note(String.format(Locale.ROOT, "deadline %d s each", DEADLINE_SECONDS)).record();
    }

    @FunctionalInterface
    private interface Execution {
        void run() throws Exception;
    }

    /** Runs one execution under the deadline and files its outcome. */
    private void run(Tally tally, String sql, Execution execution) throws InterruptedException {
        Future<Throwable> f = runner.submit(() -> {
            try {
                execution.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable outcome;
        try {
            outcome = f.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            tally.hang(shorten(sql));
            f.cancel(true);
            runner.shutdownNow();
            runner = Executors.newSingleThreadExecutor(r -> daemon(r, "fuzz-runner"));
            return;
        } catch (ExecutionException e) {
            outcome = e.getCause();
        }
        if (outcome == null) {
            tally.completed(); // finished; a random statement's right rows are unknown, so none were checked
        } else if (outcome instanceof SQLException e && e.getSQLState() != null && e.getSQLState().length() == 5
                && !e.getSQLState().equals("XX000")) {
            tally.cleanError();
        } else {
            tally.wrong(shorten(sql) + " -> " + outcome + (outcome.getCause() == null ? "" : " / " + outcome.getCause()));
        }
    }

    /** Reads every row and column, as a client would. */
    private static void consume(Statement st, boolean hasRows) throws SQLException {
        if (!hasRows) {
            return;
        }
        try (ResultSet rs = st.getResultSet()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                    rs.getString(i);
                }
            }
        }
    }

    /** A write value that S3 refuses got past the driver's checks: every such request counts as wrong. */
    private void checkNothingUnvalidatedWasSent(Tally tally) {
        long puts = 0;
        for (RecordedRequest q : s3.requests()) {
            if (q.operation().equals("PutBucketInventoryConfiguration")) {
                puts++;
                if (q.status() == 400) {
                    tally.wrong("S3 refused a write the driver sent: " + q.errorCode() + " " + q.path() + " " + q.query());
                }
            }
        }
        tally.faults(tally.trials()); // every execution is a bad input, or at least a random one
        tally.note(puts + " writes sent, every one accepted by S3's checks");
    }

    private static String shorten(String sql) {
        return sql.length() <= 300 ? sql : sql.substring(0, 300) + "... (" + sql.length() + " chars)";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
