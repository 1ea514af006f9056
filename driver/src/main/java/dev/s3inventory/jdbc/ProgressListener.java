package dev.s3inventory.jdbc;

/**
 * Told how far a running statement has got, from the driver's own threads. Tools such as the
 * shell use it for a live progress line. Must return quickly and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bucketsDone   buckets whose calls have finished
     * @param bucketsTotal  buckets the statement will call (grows as listings arrive)
     * @param elapsedMillis time since the statement started
     */
    void onProgress(int bucketsDone, int bucketsTotal, long elapsedMillis);
}
