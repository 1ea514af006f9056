package dev.s3inventory.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Renders docs/reliability.md from what the reliability tests of this run recorded ({@link Tally}).
 * Registered with the JUnit Platform through META-INF/services, so it runs in every test run: it
 * clears old results when the run starts and, when it ends, writes {@code target/reliability/reliability.md}
 * — and the file named by {@code -Dreliability.doc} (relative to the project), which is how
 * docs/reliability.md is refreshed (see that document).
 */
public final class ReliabilityReport implements TestExecutionListener {
    /** Whether this run has reliability tests (failsafe's run, for one, has none and must not clear the results). */
    private boolean reliabilityRun;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        reliabilityRun = testPlan.countTestIdentifiers(t -> t.getSource().map(s -> s instanceof ClassSource c
                && c.getClassName().startsWith(ReliabilityReport.class.getPackageName() + ".")).orElse(false)) > 0;
        if (!reliabilityRun) {
            return;
        }
        try {
            Files.deleteIfExists(Tally.RESULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            if (!reliabilityRun || !Files.exists(Tally.RESULTS)) {
                return;
            }
            String doc = render(Files.readAllLines(Tally.RESULTS, StandardCharsets.UTF_8));
            Files.writeString(Tally.DIR.resolve("reliability.md"), doc, StandardCharsets.UTF_8);
            String target = System.getProperty("reliability.doc", "");
            if (!target.isBlank()) {
                Path path = dev.s3inventory.testing.ProjectFiles.resolve(target);
                Files.writeString(path, doc, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sections in this order (others follow in the order met); rows sorted within a section for stable diffs. */
    private static final List<String> AREAS = List.of("Transient faults (retried with backoff)",
            "Per-bucket failures (onBucketError)", "Regions", "Time bounds", "Bad input", "Write guards", "Concurrency",
            "Resources", "Secrets");

    /** Trials, the seven outcomes and the faults injected: the numeric fields of a results line. */
    private static final int COUNTS = 9;

    static String render(List<String> lines) throws IOException {
        Map<String, List<String[]>> byArea = new LinkedHashMap<>();
        AREAS.forEach(a -> byArea.put(a, new ArrayList<>()));
        long[] total = new long[COUNTS];
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < COUNTS + 3) {
                continue;
            }
            byArea.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            for (int i = 0; i < COUNTS; i++) {
                total[i] += Long.parseLong(f[2 + i]);
            }
        }
        String summary = String.format(Locale.ROOT, "**%,d trials: %,d correct, %,d completed, %,d clean errors, %,d "
                + "warnings — %d wrong results, %d hangs, %d leaked secrets.** %,d faults or bad values injected.",
                total[0], total[1], total[2], total[3], total[4], total[5], total[6], total[7], total[8]);
        StringBuilder tables = new StringBuilder();
        for (Map.Entry<String, List<String[]>> area : byArea.entrySet()) {
            if (area.getValue().isEmpty()) {
                continue;
            }
            area.getValue().sort((a, b) -> a[1].compareTo(b[1]));
            tables.append("### ").append(area.getKey()).append("\n\n");
            tables.append("| situation | trials | correct | completed | clean error | warning | wrong | hang | leak "
                    + "| injected | figures |\n");
            tables.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
            for (String[] f : area.getValue()) {
                tables.append("| ").append(f[1]);
                for (int i = 2; i < 2 + COUNTS; i++) {
                    tables.append(" | ").append(String.format(Locale.ROOT, "%,d", Long.parseLong(f[i])));
                }
                tables.append(" | ").append(f[2 + COUNTS]).append(" |\n");
            }
            tables.append('\n');
        }
        try (InputStream in = ReliabilityReport.class.getResourceAsStream("/reliability/template.md")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("{{SUMMARY}}", summary).replace("{{TABLES}}", tables.toString().strip() + "\n");
        }
    }
}
