package dev.s3inventory.bench;

import dev.s3inventory.testing.DelayingProxy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Times a scenario: one untimed warm-up, then {@code reps} timed repetitions, each with the proxy's
 * request counter reset first, so every cell reports its own requests.
 */
final class Runner {
    private final DelayingProxy proxy;

    /** One repetition; returns the rows it got (checked against the estate's answer by the caller). */
    @FunctionalInterface
    interface Body {
        long run() throws Exception;
    }

    /** What the repetitions gave. */
    record Result(double medianMs, double minMs, double maxMs, long requests, Map<String, Long> byOperation, long rows,
            double peakHeapMb, long newConnections) {
    }

    Runner(DelayingProxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Times several bodies in turns (A, B, C, A, B, C, ...), so that a slow spell of the emulator hits them
     * alike: what the ratios between clients are computed from.
     */
    List<Result> timeInTurns(int reps, boolean warmUp, List<Body> bodies) throws Exception {
        List<List<Result>> single = new ArrayList<>();
        for (Body b : bodies) {
            if (warmUp) {
                b.run();
            }
            single.add(new ArrayList<>());
        }
        for (int i = 0; i < reps; i++) {
            for (int k = 0; k < bodies.size(); k++) {
                single.get(k).add(time(1, false, bodies.get(k)));
            }
        }
        List<Result> out = new ArrayList<>();
        for (List<Result> runs : single) {
            List<Double> times = new ArrayList<>();
            runs.forEach(r -> times.add(r.medianMs()));
            Collections.sort(times);
            Result last = runs.get(runs.size() - 1);
            double peak = runs.stream().mapToDouble(Result::peakHeapMb).max().orElse(-1);
            out.add(new Result(median(times), times.get(0), times.get(times.size() - 1), last.requests(),
                    last.byOperation(), last.rows(), peak, last.newConnections()));
        }
        return out;
    }

    Result time(int reps, boolean warmUp, Body body) throws Exception {
        if (warmUp) {
            body.run();
        }
        List<Double> times = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        Map<String, Long> byOperation = Map.of();
        long rows = 0;
        long connections = 0;
        resetHeapPeaks();
        for (int i = 0; i < reps; i++) {
            proxy.meter().reset();
            long start = System.nanoTime();
            rows = body.run();
            times.add((System.nanoTime() - start) / 1e6);
            requests.add(proxy.meter().total());
            byOperation = proxy.meter().snapshot();
            connections = proxy.meter().connections();
        }
        double peak = heapPeakMb();
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        List<Long> sortedRequests = new ArrayList<>(requests);
        Collections.sort(sortedRequests);
        return new Result(median(sorted), sorted.get(0), sorted.get(sorted.size() - 1),
                sortedRequests.get(sortedRequests.size() / 2), byOperation, rows, peak, connections);
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the peak heap use. */
    private static double heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
