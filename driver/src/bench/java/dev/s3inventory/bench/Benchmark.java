package dev.s3inventory.bench;

import dev.s3inventory.jdbc.ConnectionProperty;
import dev.s3inventory.testing.DelayingProxy;
import dev.s3inventory.testing.FakeS3Server;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: seeds LocalStack with estates of several sizes, then measures, in one run
 * and side by side, the driver's scenarios and its peers' full scans at several round-trip times
 * added by our {@link DelayingProxy}, which also counts every request. Run it with
 * {@code bin/benchmark}; the method and the results are in docs/benchmarks.md.
 *
 * <p>Settings are system properties ({@code bench.*}, see {@link Settings}); results go to
 * {@code target/bench/results.json} and {@code results.md}.
 */
public final class Benchmark {
    private final Settings settings;
    private final DelayingProxy proxy;
    private final Runner runner;
    private final List<Measurement> results = new ArrayList<>();

    private Benchmark(Settings settings) {
        this.settings = settings;
        this.proxy = new DelayingProxy(settings.localstack, Duration.ZERO);
        this.runner = new Runner(proxy);
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server (our in-process S3) closes idle connections beyond 200 by default, which
        // a sweep at high concurrency would take for server failures.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "2000");
        // ... and, without TCP_NODELAY, holds an answer's body until its headers are acknowledged (Nagle),
        // which would add a millisecond or more to every request on the in-process server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Settings s = Settings.fromSystemProperties();
        Log.line("benchmark: %s", s);
        Benchmark b = new Benchmark(s);
        try {
            b.run();
        } finally {
            b.proxy.close();
        }
    }

    private void run() throws Exception {
        for (int size : settings.sizes) {
            new Estate(size).seed(settings.localstack);
        }
        for (int size : settings.sizes) {
            Estate estate = new Estate(size);
            for (int rtt : settings.rtts) {
                proxy.oneWayDelay(Duration.ofNanos(rtt * 500_000L));
                Log.line("== %,d buckets, %d ms round trip", size, rtt);
                driver(estate, rtt);
                peers(estate, rtt);
                if (size == settings.sizes[0]) {
                    pointOnFastServer(rtt);
                }
                save();
            }
        }
        scalingOnFastServer();
        if (settings.tuning) {
            tuning();
        }
        save();
        Log.line("done: %s", settings.out.resolve("results.md"));
    }

    private boolean large(Estate e) {
        return e.size() >= 10_000;
    }

    /** Large estates run once, without a warm-up: a single full scan there takes half a minute on LocalStack. */
    private int reps(Estate e) {
        return large(e) ? settings.repsLarge : settings.reps;
    }

    private void driver(Estate e, int rtt) throws Exception {
        DriverScenarios d = new DriverScenarios(e, proxy, "");
        int reps = reps(e);
        try (Connection c = d.connect(false)) {
            fullScans(e, rtt, c);
            if (!large(e)) { // the same requests as a full scan
                record("count", "driver", e, rtt, reps, runner.time(reps, true,
                        () -> expect(DriverScenarios.count(c), e.rows(), "COUNT(*)")), null);
            }
            record("like-prefix", "driver", e, rtt, reps, runner.time(reps, true,
                    () -> expect(d.likePrefix(c), e.likeRows(), "LIKE prefix")),
                    "ListBuckets sent: " + proxy.meter().listBucketsTargets());
            record("point", "driver", e, rtt, settings.reps * 4, runner.time(settings.reps * 4, true,
                    () -> expect(d.point(c), 1, "point query")), null);
            record("named-5", "driver", e, rtt, reps, runner.time(reps, true,
                    () -> expect(d.namedBuckets(c), 7, "named buckets")), null);
            record("maxrows-10", "driver", e, rtt, reps, runner.time(reps, true,
                    () -> expect(DriverScenarios.maxRows10(c), 10, "setMaxRows(10)")), null);
        }
        if (e.rows() >= 5L * DriverScenarios.PAGE) {
            paging(e, rtt, d);
        }
    }

    /** The driver's full scan and the hand-written SDK peers' in turns, same concurrency: the headline ratios. */
    private void fullScans(Estate e, int rtt, Connection c) throws Exception {
        try (SdkPeers sdk = new SdkPeers(proxy.endpoint(), e.account(), settings.concurrency)) {
            List<Runner.Body> bodies = new ArrayList<>(List.of(
                    () -> expect(DriverScenarios.fullScan(c), e.rows(), "full scan"),
                    () -> expect(sdk.parallel(), e.rows(), "SDK parallel")));
            if (!large(e)) {
                bodies.add(() -> expect(sdk.async(), e.rows(), "SDK async"));
            }
            List<Runner.Result> r = runner.timeInTurns(reps(e), !large(e), bodies);
            record("full-scan", "driver", e, rtt, reps(e), r.get(0), null);
            record("full-scan", "sdk-parallel", e, rtt, reps(e), r.get(1), null);
            if (r.size() > 2) {
                record("full-scan", "sdk-async", e, rtt, reps(e), r.get(2), null);
            }
        }
    }

    /**
     * DBeaver's paging on a connection with the default cache TTL: page 1, a pause while the user reads it
     * (until the read-ahead has finished), then pages 2 to 5, each a re-execution with a larger maxRows.
     */
    private void paging(Estate e, int rtt, DriverScenarios d) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> rest = new ArrayList<>();
        List<Long> firstRequests = new ArrayList<>();
        List<Long> restRequests = new ArrayList<>();
        Map<String, Long> restOps = new java.util.TreeMap<>();
        int reps = reps(e);
        for (int rep = 0; rep < reps; rep++) {
            try (Connection c = d.connect(true)) {
                d.point(c); // a tool's connection is warm (metadata, pooled HTTP connections)
                proxy.meter().reset();
                long t0 = System.nanoTime();
                expect(DriverScenarios.page(c, 1), DriverScenarios.PAGE, "page 1");
                first.add((System.nanoTime() - t0) / 1e6);
                d.awaitQuiet();
                firstRequests.add(proxy.meter().total());
                proxy.meter().reset();
                long t1 = System.nanoTime();
                for (int p = 2; p <= 5; p++) {
                    expect(DriverScenarios.page(c, p), DriverScenarios.PAGE, "page " + p);
                }
                rest.add((System.nanoTime() - t1) / 1e6);
                restRequests.add(proxy.meter().total());
                proxy.meter().snapshot().forEach((op, n) -> restOps.merge(op, n, Long::sum));
            }
        }
        first.sort(null);
        rest.sort(null);
        firstRequests.sort(null);
        restRequests.sort(null);
        long firstMedian = firstRequests.get(firstRequests.size() / 2);
        long restMedian = restRequests.get(restRequests.size() / 2);
        long restMax = restRequests.get(restRequests.size() - 1);
        results.add(new Measurement("paging-1", "driver", e.size(), rtt, reps, Runner.median(first), first.get(0),
                first.get(first.size() - 1), firstMedian, Map.of(), DriverScenarios.PAGE, false, e.size(), -1,
                "requests include the background read-ahead of pages 2-5; per run: " + firstRequests));
        results.add(new Measurement("paging-2-5", "driver", e.size(), rtt, reps, Runner.median(rest), rest.get(0),
                rest.get(rest.size() - 1), restMedian, restOps, 4L * DriverScenarios.PAGE, false, e.size(), -1,
                "4 re-executions, setMaxRows(400..1000), earlier rows skipped; requests per run: " + restRequests
                        + " (all runs: " + restOps + ")"));
        Log.line("  %-12s %-14s %9.1f ms (pages 2-5: %.1f ms) requests per run %s / %s (max %d)", "paging", "driver",
                Runner.median(first), Runner.median(rest), firstRequests, restRequests, restMax);
    }

    /**
     * The point query against our in-process S3 server (answers in well under a millisecond) behind a proxy
     * with the same delay: what remains above the RTT is the driver's own cost, which LocalStack's ~15-20 ms
     * per request would hide.
     */
    private void pointOnFastServer(int rtt) throws Exception {
        try (FakeS3Server fake = new FakeS3Server();
                DelayingProxy fast = new DelayingProxy(fake.endpoint(), Duration.ofNanos(rtt * 500_000L))) {
            fake.addBucket("point-bucket", "eu-west-1");
            fake.putConfigurationXml("point-bucket", "daily", FakeS3Server.sampleConfigurationXml("daily"));
            String url = "jdbc:s3inventory:?endpoint=" + fast.endpoint() + "&pathStyleAccess=true&region=us-east-1"
                    + "&user=test&password=test&cacheTtlSeconds=0";
            String sql = "SELECT * FROM " + DriverScenarios.TABLE + " WHERE bucket = 'point-bucket' AND id = 'daily'";
            try (Connection c = DriverManager.getConnection(url); SdkPeers sdk = new SdkPeers(fast.endpoint(), "test", 1)) {
                List<Runner.Result> r = new Runner(fast).timeInTurns(settings.reps * 4, true, List.of(() -> {
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                        long n = 0;
                        while (rs.next()) {
                            rs.getString("configuration_json");
                            n++;
                        }
                        return expect(n, 1, "point query on the fast server");
                    }
                }, () -> sdk.point("point-bucket", "eu-west-1", "daily")));
                String[] clients = {"driver", "sdk-parallel"};
                for (int i = 0; i < clients.length; i++) {
                    results.add(new Measurement("point-fast-server", clients[i], 0, rtt, settings.reps * 4,
                            r.get(i).medianMs(), r.get(i).minMs(), r.get(i).maxMs(), r.get(i).requests(),
                            r.get(i).byOperation(), r.get(i).rows(), false, 1, -1,
                            "our in-process S3 server behind the proxy"));
                    Log.line("  %-12s %-14s %9.1f ms  requests %d %s", "point-fast", clients[i], r.get(i).medianMs(),
                            r.get(i).requests(), r.get(i).byOperation());
                }
            }
        }
    }

    /**
     * Full scans of 1,000 and 10,000 buckets on our in-process S3 server behind the proxy, driver and SDK in
     * turns: whether time grows linearly with the bucket count once the server's cost per request stays
     * the same (LocalStack slows down as it holds more buckets, which would hide the driver's own growth).
     */
    private void scalingOnFastServer() throws Exception {
        int rtt = settings.tuningRtt;
        for (int size : settings.sizes) {
            if (size < 1000) {
                continue;
            }
            Estate e = new Estate(size);
            try (FakeS3Server fake = seededFake(e);
                    DelayingProxy fast = new DelayingProxy(fake.endpoint(), Duration.ofNanos(rtt * 500_000L))) {
                Log.line("== scaling on the in-process S3 server: full scan of %,d buckets, %d ms", size, rtt);
                sweepPoint("fast-scan", e, rtt, settings.concurrency, fast, new Runner(fast), false);
                save();
            }
        }
    }

    /** Our in-process S3 server holding the same buckets and configurations as LocalStack's estate {@code e}. */
    private static FakeS3Server seededFake(Estate e) {
        FakeS3Server fake = new FakeS3Server();
        for (int i = 0; i < e.size(); i++) {
            fake.addBucket(e.bucket(i), e.region(i));
            for (int c = 0; c < Estate.configurations(i); c++) {
                String id = dev.s3inventory.testing.InventoryEstate.configurationId(c);
                fake.putConfigurationXml(e.bucket(i), id, FakeS3Server.sampleConfigurationXml(id));
            }
        }
        return fake;
    }

    private void peers(Estate e, int rtt) throws Exception {
        int reps = reps(e);
        try (SdkPeers sdk = new SdkPeers(proxy.endpoint(), e.account(), settings.concurrency)) {
            record("point", "sdk-parallel", e, rtt, settings.reps * 4, runner.time(settings.reps * 4, true,
                    () -> sdk.point(e.bucket(1), e.region(1), "daily-csv")), null);
            int sample = Math.min(settings.seqSample, e.size());
            Runner.Result seq = runner.time(sample < e.size() ? 1 : settings.seqReps, false, () -> sdk.sequential(sample));
            recordScaled("sequential", e, rtt, sample < e.size() ? 1 : settings.seqReps, seq, sample);
        }
        if (settings.cli != null && e.size() == settings.sizes[0]) {
            int sample = Math.min(settings.cliSample, e.size());
            CliPeer cli = new CliPeer(settings.cli, proxy.endpoint(), e.account());
            cli.loop(1); // warm the page cache: Python's first start is slower
            Runner.Result r = runner.time(1, false, () -> cli.loop(sample));
            for (int size : settings.sizes) { // the CLI's cost is per bucket: one process each
                recordScaled("aws-cli", new Estate(size), rtt, 1, r, sample);
            }
        }
    }

    /** A sampled loop, extrapolated to the whole estate: the per-bucket part scales, one ListBuckets stays. */
    private void recordScaled(String client, Estate e, int rtt, int reps, Runner.Result r, int sample) {
        double factor = (double) e.size() / sample;
        long listing = r.byOperation().getOrDefault("ListBuckets", 1L); // the whole estate is listed even for a sample
        long requests = Math.round(listing + (r.requests() - listing) * factor);
        results.add(new Measurement("full-scan", client, e.size(), rtt, reps, r.medianMs() * factor,
                r.minMs() * factor, r.maxMs() * factor, requests, Map.of(), e.rows(), factor != 1, sample, -1,
                factor != 1 ? "measured on " + sample + " buckets, extrapolated x" + String.format("%.1f", factor) : null));
        Log.line("  %-12s %-14s %9.1f ms  requests %d%s", "full-scan", client, r.medianMs() * factor, requests,
                factor != 1 ? " (extrapolated from " + sample + " buckets)" : "");
    }

    /**
     * The concurrency sweep behind the maxConcurrency default, driver and SDK peers in turns, 1,000 buckets at
     * 50 ms: on LocalStack (whose CPU caps the request rate on this machine) and on our in-process S3 server
     * (which does not, so it shows the network-bound regime real S3 is in).
     */
    private void tuning() throws Exception {
        int rtt = settings.tuningRtt;
        if (Arrays.stream(settings.sizes).anyMatch(s -> s == 1000)) {
            Estate e = new Estate(1000);
            proxy.oneWayDelay(Duration.ofNanos(rtt * 500_000L));
            Log.line("== tuning on LocalStack: maxConcurrency at %,d buckets, %d ms", e.size(), rtt);
            for (int n : settings.tuningConcurrency) {
                sweepPoint("tuning-c" + n, e, rtt, n, proxy, runner, true);
                save();
            }
        }
        Estate e = new Estate(1000);
        try (FakeS3Server fake = seededFake(e);
                DelayingProxy fast = new DelayingProxy(fake.endpoint(), Duration.ofNanos(rtt * 500_000L))) {
            Log.line("== tuning on the in-process S3 server: maxConcurrency at %,d buckets, %d ms", e.size(), rtt);
            for (int n : settings.tuningConcurrency) {
                sweepPoint("fast-c" + n, e, rtt, n, fast, new Runner(fast), true);
                save();
            }
        }
    }

    private void sweepPoint(String scenario, Estate e, int rtt, int n, DelayingProxy via, Runner r, boolean async)
            throws Exception {
        boolean fake = via != proxy;
        String account = fake ? "test" : e.account();
        String url = "jdbc:s3inventory:?endpoint=" + via.endpoint() + "&pathStyleAccess=true&region=us-east-1"
                + "&user=" + account + "&password=test&cacheTtlSeconds=0&maxConcurrency=" + n;
        try (Connection c = DriverManager.getConnection(url); SdkPeers sdk = new SdkPeers(via.endpoint(), account, n)) {
            List<Runner.Body> bodies = new ArrayList<>(List.of(
                    () -> expect(DriverScenarios.fullScan(c), e.rows(), "full scan"),
                    () -> expect(sdk.parallel(), e.rows(), "SDK parallel")));
            if (async) {
                bodies.add(() -> expect(sdk.async(), e.rows(), "SDK async"));
            }
            List<Runner.Result> res = r.timeInTurns(settings.tuningReps, true, bodies);
            record(scenario, "driver", e, rtt, settings.tuningReps, res.get(0), null);
            record(scenario, "sdk-parallel", e, rtt, settings.tuningReps, res.get(1), null);
            if (async) {
                record(scenario, "sdk-async", e, rtt, settings.tuningReps, res.get(2), null);
            }
        }
    }

    private void record(String scenario, String client, Estate e, int rtt, int reps, Runner.Result r, String note) {
        results.add(new Measurement(scenario, client, e.size(), rtt, reps, r.medianMs(), r.minMs(), r.maxMs(),
                r.requests(), r.byOperation(), r.rows(), false, e.size(), r.peakHeapMb(),
                "new TCP connections in the last run: " + r.newConnections() + (note == null ? "" : "; " + note)));
        Log.line("  %-12s %-14s %9.1f ms  requests %d %s, new TCP connections %d, heap<=%.0f MB", scenario, client,
                r.medianMs(), r.requests(), r.byOperation(), r.newConnections(), r.peakHeapMb());
    }

    private static long expect(long got, long expected, String what) {
        if (got != expected) {
            throw new IllegalStateException(what + " gave " + got + " rows, expected " + expected);
        }
        return got;
    }

    private void save() throws Exception {
        Report.write(settings, results);
    }

    /** The harness's settings, from {@code -Dbench.*} system properties. */
    static final class Settings {
        URI localstack;
        int[] sizes;
        int[] rtts;
        int reps;
        int repsLarge;
        int seqReps;
        int seqSample;
        int cliSample;
        int concurrency;
        boolean tuning;
        int tuningReps;
        int tuningRtt;
        int[] tuningConcurrency;
        String cli;
        Path out;

        static Settings fromSystemProperties() {
            Settings s = new Settings();
            s.localstack = URI.create(System.getProperty("bench.localstack", "http://127.0.0.1:4566"));
            s.sizes = ints(System.getProperty("bench.sizes", "100,1000,10000"));
            s.rtts = ints(System.getProperty("bench.rtts", "0,20,50"));
            s.reps = Integer.getInteger("bench.reps", 5);
            s.repsLarge = Integer.getInteger("bench.repsLarge", 1);
            s.seqReps = Integer.getInteger("bench.seqReps", 3);
            s.seqSample = Integer.getInteger("bench.seqSample", 1000);
            s.cliSample = Integer.getInteger("bench.cliSample", 50);
            s.concurrency = Integer.getInteger("bench.concurrency",
                    Integer.parseInt(ConnectionProperty.MAX_CONCURRENCY.defaultValue()));
            s.tuning = Boolean.parseBoolean(System.getProperty("bench.tuning", "true"));
            s.tuningReps = Integer.getInteger("bench.tuningReps", 3);
            s.tuningRtt = Integer.getInteger("bench.tuningRtt", 50);
            s.tuningConcurrency = ints(System.getProperty("bench.tuningConcurrency", "8,16,32,64,128"));
            String aws = System.getProperty("bench.aws", "aws");
            s.cli = CliPeer.available(aws) ? aws : null;
            s.out = Path.of(System.getProperty("bench.out", "target/bench"));
            return s;
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
        }

        @Override
        public String toString() {
            return "localstack=" + localstack + " sizes=" + Arrays.toString(sizes) + " rtts=" + Arrays.toString(rtts)
                    + " reps=" + reps + "/" + repsLarge + " seqReps=" + seqReps + " seqSample=" + seqSample
                    + " cliSample=" + cliSample + " concurrency=" + concurrency + " tuning=" + tuning
                    + " aws-cli=" + (cli == null ? "not available" : cli);
        }
    }
}
