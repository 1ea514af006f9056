package dev.s3inventory.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on stderr, with the time of day (a full run takes a while). */
final class Log {
    private Log() {
    }

    static void line(String format, Object... args) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " "
                + String.format(Locale.ROOT, format, args));
    }
}
