package dev.s3inventory.testing;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which requests {@link FakeS3Server} answers with a {@link FakeS3Fault}: the next few (scheduled),
 * an evenly spread share of all requests, and every request on chosen buckets. Thread-safe.
 */
final class FaultPlan {
    private final Deque<FakeS3Fault> scheduled = new ConcurrentLinkedDeque<>();
    private final Map<String, FakeS3Fault> perBucket = new ConcurrentHashMap<>();
    private final Map<String, FakeS3Fault> perOperation = new ConcurrentHashMap<>();
    private final AtomicLong spreadCounter = new AtomicLong();
    /** Written together under {@code this}; read as one snapshot. */
    private volatile Spread spread;

    private record Spread(FakeS3Fault fault, double fraction) {
    }

    void scheduleNext(FakeS3Fault fault, int n) {
        for (int i = 0; i < n; i++) {
            scheduled.add(fault);
        }
    }

    /**
     * Request <i>n</i> (counted from this call) gets the fault when {@code floor(n*f) > floor((n-1)*f)}:
     * exactly that share, deterministically spread (0.2 hits every 5th request). 0 turns it off.
     */
    synchronized void spread(FakeS3Fault fault, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be within [0, 1]: " + fraction);
        }
        spreadCounter.set(0);
        spread = fraction == 0 ? null : new Spread(fault, fraction);
    }

    void onBucket(String bucket, FakeS3Fault fault) {
        if (fault == null) {
            perBucket.remove(bucket);
        } else {
            perBucket.put(bucket, fault);
        }
    }

    /** The fault for the next request regardless of its bucket (scheduled first, then the spread), or null. */
    FakeS3Fault next() {
        FakeS3Fault next = scheduled.poll();
        if (next != null) {
            return next;
        }
        Spread s = spread;
        if (s != null) {
            long n = spreadCounter.incrementAndGet();
            if (Math.floor(n * s.fraction) > Math.floor((n - 1) * s.fraction)) {
                return s.fault;
            }
        }
        return null;
    }

    void onOperation(String operation, FakeS3Fault fault) {
        if (fault == null) {
            perOperation.remove(operation);
        } else {
            perOperation.put(operation, fault);
        }
    }

    /** The fault every request on this bucket gets, or else every request of this operation, or null. */
    FakeS3Fault forBucket(String bucket, String operation) {
        FakeS3Fault f = bucket == null ? null : perBucket.get(bucket);
        return f != null ? f : perOperation.get(operation);
    }

    void clear() {
        scheduled.clear();
        perBucket.clear();
        perOperation.clear();
        spread(null, 0);
    }
}
