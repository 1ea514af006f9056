package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line, drawn on a fake terminal with a fake clock. */
class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(10_000);
    private final ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 300, now::get);

    private String drawn() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    @Test
    void appearsAfterTheDelayIsRedrawnInPlaceAndErased() {
        line.start();
        line.update(0, 40, 0);
        now.addAndGet(100);
        line.update(3, 40, 100);
        assertEquals("", drawn(), "a quick statement shows nothing");

        now.addAndGet(400);
        line.update(12, 40, 500);
        assertEquals("\rscanned 12/40 buckets, 0.5 s", drawn());
        now.addAndGet(1_000);
        line.tick();
        assertEquals("\rscanned 12/40 buckets, 1.5 s", drawn(), "the clock moves while a bucket is slow");
        now.addAndGet(10_000);
        line.update(40, 40, 11_500);
        assertEquals("\rscanned 40/40 buckets, 11.5 s", drawn());

        line.clear();
        assertEquals("\r" + " ".repeat("scanned 40/40 buckets, 11.5 s".length()) + "\r", drawn());
        line.update(40, 40, 12_000);
        line.tick();
        assertEquals("", drawn(), "late reports of a finished statement draw nothing");
    }

    @Test
    void startResetsTheDelayAndCountsNeverGoBack() {
        line.start();
        now.addAndGet(12_000);
        line.update(100, 120, 12_000);
        assertEquals("\rscanned 100/120 buckets, 12.0 s", drawn());
        line.start();
        now.addAndGet(200);
        line.update(5, 9, 200);
        assertEquals("", drawn(), "start() resets the delay");
        now.addAndGet(1_000);
        line.update(2, 9, 1_200); // reports can arrive out of order from the driver's threads
        assertEquals("\rscanned 5/9 buckets, 1.2 s", drawn());
    }

    @Test
    void oneBucketIsNoFanOut() {
        line.start();
        now.addAndGet(5_000);
        line.update(0, 1, 5_000);
        line.tick();
        line.clear();
        assertEquals("", drawn());
    }
}
