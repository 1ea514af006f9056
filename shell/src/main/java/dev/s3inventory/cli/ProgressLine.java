package dev.s3inventory.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live line {@code scanned 12/40 buckets, 1.3 s} on standard error while a statement fans out over
 * several buckets. The driver reports buckets done/total through its progress listener (no polling
 * of S3 here); a ticker calls {@link #tick} so that the elapsed time moves while a slow bucket keeps
 * the counts still.
 *
 * <p>Only used when standard error is a terminal: the line is redrawn in place with {@code \r} and
 * erased by {@link #clear} before any result is printed, so it never mixes with the data and never
 * lands in a log file. It appears only after {@code showAfterMillis}, so that quick statements do not
 * flicker. Called from the driver's threads, hence synchronized.
 */
final class ProgressLine {
    private final PrintStream err;
    private final long showAfterMillis;
    private final LongSupplier clockMillis;

    private boolean active;
    private long startMillis;
    private int done;
    private int total;
    /** The line now on screen ("" when none): an unchanged line is not written again. */
    private String shown = "";

    ProgressLine(PrintStream err, long showAfterMillis, LongSupplier clockMillis) {
        this.err = err;
        this.showAfterMillis = showAfterMillis;
        this.clockMillis = clockMillis;
    }

    /** A statement starts: counts reset, nothing shown yet. */
    synchronized void start() {
        active = true;
        startMillis = clockMillis.getAsLong();
        done = 0;
        total = 0;
        shown = "";
    }

    /**
     * The driver's report (the signature of its ProgressListener). Its elapsed time is not used: the
     * line keeps its own clock, so that reports and ticks never disagree.
     */
    synchronized void update(int bucketsDone, int bucketsTotal, long elapsedMillis) {
        done = Math.max(done, bucketsDone);
        total = Math.max(total, bucketsTotal);
        draw();
    }

    /** The ticker's call: redraw with the time that has passed. */
    synchronized void tick() {
        draw();
    }

    /** Erases the line; later reports of this statement are ignored. */
    synchronized void clear() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
        }
        shown = "";
        active = false;
    }

    private void draw() {
        long elapsed = clockMillis.getAsLong() - startMillis;
        // One bucket is no fan-out; and a statement that ends quickly needs no progress.
        if (!active || total < 2 || elapsed < showAfterMillis) {
            return;
        }
        String text = text(done, total, elapsed);
        if (text.equals(shown)) {
            return;
        }
        int pad = Math.max(0, shown.length() - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        shown = text;
    }

    static String text(int done, int total, long elapsedMillis) {
        return String.format(Locale.ROOT, "scanned %d/%d buckets, %.1f s", done, total, elapsedMillis / 1000.0);
    }
}
