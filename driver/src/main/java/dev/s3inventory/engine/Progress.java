package dev.s3inventory.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How far a statement's fan-out has got: buckets planned and finished, and time elapsed. Updated
 * by the fan-out threads; a listener (e.g. the shell's progress line) is told after each change.
 */
public final class Progress {
    /** An immutable view for listeners. */
    public record Snapshot(int bucketsDone, int bucketsTotal, long elapsedMillis) {
    }

    private final long startNanos = System.nanoTime();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Consumer<Snapshot> listener;

    /** @param listener told of every change; may be null. Must be quick and must not throw. */
    public Progress(Consumer<Snapshot> listener) {
        this.listener = listener;
    }

    void planned(int buckets) {
        total.addAndGet(buckets);
        notifyListener();
    }

    void finished() {
        done.incrementAndGet();
        notifyListener();
    }

    public Snapshot snapshot() {
        return new Snapshot(done.get(), total.get(), (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void notifyListener() {
        if (listener != null) {
            try {
                listener.accept(snapshot());
            } catch (RuntimeException ignored) {
                // a faulty listener must not break the statement
            }
        }
    }
}
