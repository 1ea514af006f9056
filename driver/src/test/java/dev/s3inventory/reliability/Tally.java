package dev.s3inventory.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of one situation a reliability test tried (a fault, a bad input), counted as they
 * happen and written, by {@link #record()}, as one line of {@code target/reliability/results.tsv},
 * from which {@link ReliabilityReport} renders docs/reliability.md. Every trial ends in exactly one
 * outcome. Thread-safe.
 */
final class Tally {
    static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("target/reliability");
    static final Path RESULTS = DIR.resolve("results.tsv");

    private final String area;
    private final String situation;
    private int correct;
    private int completed;
    private int cleanError;
    private int warning;
    private int wrong;
    private int hang;
    private int leak;
    private long faults;
    private final List<String> problems = new ArrayList<>();
    private String note = "";

    /**
     * @param area      the table section, e.g. "Transient faults"
     * @param situation what was tried, e.g. "20% of requests 503 SlowDown, full scan"
     */
    Tally(String area, String situation) {
        this.area = area;
        this.situation = situation;
    }

    /** The statement returned exactly the right rows, or the write had exactly the right effect. */
    synchronized void correct() {
        correct++;
    }

    /**
     * The statement finished without an exception, and nothing more was checked (fuzzing: nobody knows
     * the right rows of a random statement). Not "correct": no result was compared with anything.
     */
    synchronized void completed() {
        completed++;
    }

    /** The statement failed as the contract says (SQLException, right SQLState, clear message). */
    synchronized void cleanError() {
        cleanError++;
    }

    /** The other buckets' rows were right and each failed bucket was named in an SQLWarning. */
    synchronized void warning() {
        warning++;
    }

    synchronized void wrong(String what) {
        wrong++;
        problems.add("wrong: " + what);
    }

    synchronized void hang(String what) {
        hang++;
        problems.add("hang: " + what);
    }

    synchronized void leak(String what) {
        leak++;
        problems.add("leaked secret: " + what);
    }

    /** How many faults the fake server injected (or bad values were tried) in these trials. */
    synchronized void faults(long n) {
        faults += n;
    }

    /**
     * A figure worth showing, e.g. "517 requests". The page is compared with the committed copy in CI,
     * so a note must come out the same on every run: counts, bounds — never a measured time.
     */
    synchronized Tally note(String text) {
        note = text;
        return this;
    }

    synchronized int trials() {
        return correct + completed + cleanError + warning + wrong + hang + leak;
    }

    /** Appends this situation's line to the results and fails the test if any outcome was bad. */
    void record() {
        String line;
        List<String> bad;
        synchronized (this) {
            line = String.join("\t", clean(area), clean(situation), String.valueOf(trials()), String.valueOf(correct),
                    String.valueOf(completed), String.valueOf(cleanError), String.valueOf(warning), String.valueOf(wrong), String.valueOf(hang),
                    String.valueOf(leak), String.valueOf(faults), clean(note)) + "\n";
            bad = List.copyOf(problems);
        }
        append(line);
        if (!bad.isEmpty()) {
            fail(situation + ": " + bad.size() + " bad outcome(s):\n  " + String.join("\n  ", bad.subList(0,
                    Math.min(20, bad.size()))));
        }
        if (trials() == 0) {
            fail(situation + ": nothing was tried");
        }
    }

    private static synchronized void append(String line) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(RESULTS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace("|", "\\|");
    }
}
