package dev.s3inventory.bench;

import java.util.Map;

/**
 * One cell of the results: a scenario run by one client on one estate at one round-trip time.
 *
 * @param scenario   e.g. {@code full-scan}, {@code count}, {@code point}, {@code paging-2-5}
 * @param client     e.g. {@code driver}, {@code sdk-parallel}, {@code sequential}, {@code aws-cli}
 * @param reps       timed repetitions (after one untimed warm-up)
 * @param medianMs   median wall time; for a scaled cell, the time extrapolated to the whole estate
 * @param requests   S3 requests of one repetition (median), counted in the proxy
 * @param rows       rows (configurations) the client got back
 * @param scaled     measured on {@code sampledBuckets} buckets and extrapolated linearly to {@code buckets}
 * @param peakHeapMb the JVM's peak heap use during the repetitions (all pools' peaks added: an upper
 *                   bound), or -1 when not measured
 */
record Measurement(String scenario, String client, int buckets, int rttMs, int reps, double medianMs, double minMs,
        double maxMs, long requests, Map<String, Long> requestsByOperation, long rows, boolean scaled,
        int sampledBuckets, double peakHeapMb, String note) {
}
