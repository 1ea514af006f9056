package dev.s3inventory.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes the results as JSON (for the charts) and as Markdown tables with the headline ratios. */
final class Report {
    private Report() {
    }

    static void write(Benchmark.Settings s, List<Measurement> results) throws IOException {
        Files.createDirectories(s.out);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine());
        doc.put("settings", s.toString());
        doc.put("results", results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(s.out.resolve("results.json").toFile(), doc);
        Files.writeString(s.out.resolve("results.md"), markdown(s, results));
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("memory", memTotal());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String markdown(Benchmark.Settings s, List<Measurement> results) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("\n\nSettings: ").append(s).append("\n\n");
        md.append(headlines(s, results));
        Set<Integer> sizes = new LinkedHashSet<>();
        results.forEach(m -> sizes.add(m.buckets()));
        for (int size : sizes) {
            md.append("\n### ").append(size == 0 ? "point query on the in-process S3 server"
                    : String.format(Locale.ROOT, "%,d buckets", size)).append("\n\n");
            md.append("| scenario | client |");
            for (int rtt : s.rtts) {
                md.append(" ").append(rtt).append(" ms RTT |");
            }
            md.append("\n|---|---|").append("---|".repeat(s.rtts.length)).append("\n");
            Set<String> keys = new LinkedHashSet<>();
            results.stream().filter(m -> m.buckets() == size).forEach(m -> keys.add(m.scenario() + "\t" + m.client()));
            for (String key : keys) {
                String[] k = key.split("\t");
                md.append("| ").append(k[0]).append(" | ").append(k[1]).append(" |");
                for (int rtt : s.rtts) {
                    Optional<Measurement> m = find(results, k[0], k[1], size, rtt);
                    md.append(" ").append(m.map(Report::cell).orElse("")).append(" |");
                }
                md.append("\n");
            }
        }
        md.append("\nCells: median wall time (S3 requests of one run). `~`: measured on a sample of buckets and "
                + "extrapolated linearly.\n");
        return md.toString();
    }

    private static String cell(Measurement m) {
        String time = m.medianMs() >= 10_000 ? String.format(Locale.ROOT, "%,.1f s", m.medianMs() / 1000)
                : String.format(Locale.ROOT, "%,.1f ms", m.medianMs());
        return (m.scaled() ? "~" : "") + time + " (" + String.format(Locale.ROOT, "%,d", m.requests()) + ")";
    }

    private static Optional<Measurement> find(List<Measurement> results, String scenario, String client, int size,
            int rtt) {
        return results.stream().filter(m -> m.scenario().equals(scenario) && m.client().equals(client)
                && m.buckets() == size && m.rttMs() == rtt).findFirst();
    }

    private static String headlines(Benchmark.Settings s, List<Measurement> results) {
        List<String> lines = new ArrayList<>();
        if (s.rtts.length == 0) {
            return "";
        }
        int rtt = s.rtts[s.rtts.length - 1];
        Optional<Measurement> driver = find(results, "full-scan", "driver", 1000, rtt);
        if (driver.isPresent()) {
            double d = driver.get().medianMs();
            find(results, "full-scan", "sdk-parallel", 1000, rtt).ifPresent(p -> lines.add(String.format(Locale.ROOT,
                    "- 1,000 buckets, %d ms RTT: driver %.0f ms = %.2f x the hand-written parallel SDK (%.0f ms)",
                    rtt, d, d / p.medianMs(), p.medianMs())));
            find(results, "full-scan", "sdk-async", 1000, rtt).ifPresent(p -> lines.add(String.format(Locale.ROOT,
                    "- 1,000 buckets, %d ms RTT: driver = %.2f x the async (Netty) SDK peer (%.0f ms)",
                    rtt, d / p.medianMs(), p.medianMs())));
            find(results, "full-scan", "sequential", 1000, rtt).ifPresent(p -> lines.add(String.format(Locale.ROOT,
                    "- 1,000 buckets, %d ms RTT: driver %.1f x faster than the sequential loop (%.0f ms)",
                    rtt, p.medianMs() / d, p.medianMs())));
            find(results, "full-scan", "aws-cli", 1000, rtt).ifPresent(p -> lines.add(String.format(Locale.ROOT,
                    "- 1,000 buckets, %d ms RTT: driver %.0f x faster than the AWS CLI loop (~%.0f s)",
                    rtt, p.medianMs() / d, p.medianMs() / 1000)));
        }
        for (int r : s.rtts) {
            Optional<Measurement> sdk = find(results, "point", "sdk-parallel", s.sizes[0], r);
            Optional<Measurement> fast = find(results, "point-fast-server", "driver", 0, r);
            find(results, "point", "driver", s.sizes[0], r).ifPresent(p -> lines.add(String.format(Locale.ROOT,
                    "- point query at %d ms RTT: %.1f ms on LocalStack, %d request(s) (one SDK Get there: %.1f ms); "
                    + "%.1f ms on the in-process server (target: %d ms)", r, p.medianMs(), p.requests(),
                    sdk.map(Measurement::medianMs).orElse(Double.NaN), fast.map(Measurement::medianMs).orElse(Double.NaN),
                    r + 5)));
        }
        for (int r : s.rtts) {
            Optional<Measurement> k1 = find(results, "full-scan", "driver", 1000, r);
            Optional<Measurement> k10 = find(results, "full-scan", "driver", 10_000, r);
            if (k1.isPresent() && k10.isPresent()) {
                lines.add(String.format(Locale.ROOT, "- full scan at %d ms RTT: 10,000 buckets take %.1f x the time of "
                        + "1,000 (linear: 10); peak heap <= %.0f MB", r, k10.get().medianMs() / k1.get().medianMs(),
                        k10.get().peakHeapMb()));
            }
        }
        for (String client : List.of("driver", "sdk-parallel")) {
            Optional<Measurement> f1 = find(results, "fast-scan", client, 1000, s.tuningRtt);
            Optional<Measurement> f10 = find(results, "fast-scan", client, 10_000, s.tuningRtt);
            if (f1.isPresent() && f10.isPresent()) {
                lines.add(String.format(Locale.ROOT, "- full scan on the in-process server at %d ms RTT, %s: 1,000 buckets "
                        + "%.0f ms, 10,000 buckets %.0f ms = %.1f x (linear: 10)", s.tuningRtt, client,
                        f1.get().medianMs(), f10.get().medianMs(), f10.get().medianMs() / f1.get().medianMs()));
            }
        }
        for (int r : s.rtts) {
            Optional<Measurement> d = find(results, "point-fast-server", "driver", 0, r);
            Optional<Measurement> g = find(results, "point-fast-server", "sdk-parallel", 0, r);
            if (d.isPresent() && g.isPresent()) {
                lines.add(String.format(Locale.ROOT, "- point query on the in-process server at %d ms RTT: driver %.1f ms, "
                        + "one SDK Get %.1f ms: the driver's own share %+.1f ms; RTT + %.1f ms (target: + 5 ms)", r,
                        d.get().medianMs(), g.get().medianMs(), d.get().medianMs() - g.get().medianMs(),
                        d.get().medianMs() - r));
            }
        }
        results.stream().filter(m -> m.scenario().equals("paging-2-5")).forEach(m -> lines.add(String.format(Locale.ROOT,
                "- DBeaver paging, %,d buckets, %d ms RTT: pages 2-5 sent %d requests in %.1f ms", m.buckets(),
                m.rttMs(), m.requests(), m.medianMs())));
        return lines.isEmpty() ? "" : "Headlines (medians, one run):\n\n" + String.join("\n", lines) + "\n";
    }
}
