package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A large scan stays within a small, fixed heap: 2,000 buckets with 5 configurations each (10,000
 * rows, every column read) in a separate JVM limited to {@value #HEAP}. Results are materialized
 * (docs/ARCHITECTURE.md), so memory grows with the result, not with the number of requests; the
 * figures show how much.
 */
class MemoryBoundTest {
    private static final String HEAP = "-Xmx128m";

    @Test
    void aScanOf10000RowsFitsInASmallHeap() throws Exception {
        Tally tally = new Tally("Resources", "full scan of 2,000 buckets × 5 configurations (10,000 rows, all columns) "
                + "in a child JVM with " + HEAP);
        try (FakeS3Server s3 = new FakeS3Server()) {
            for (int b = 0; b < 2_000; b++) {
                String bucket = String.format("mem-%04d", b);
                s3.addBucket(bucket, FakeEstate.REGIONS.get(b % 4));
                for (int c = 0; c < 5; c++) {
                    s3.putConfigurationXml(bucket, "cfg-" + c, FakeS3Server.sampleConfigurationXml("cfg-" + c));
                }
            }
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", classpath,
                    LargeScanChild.class.getName(), s3.endpoint().toString())).redirectErrorStream(true).start();
            if (!child.waitFor(180, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                tally.hang("the child JVM did not finish within 180 s");
            } else {
                String out = output(child);
                if (child.exitValue() == 0 && out.contains("rows=10000 ")) {
                    tally.correct();
                    // Heap and time vary from run to run (they are printed by the child); the page shows what holds.
                    System.out.println("large scan in " + HEAP + ": " + out.strip());
                    tally.note("every row and column read within " + HEAP);
                } else {
                    tally.wrong("exit " + child.exitValue() + ": " + out);
                }
            }
        }
        tally.record();
    }

    /** The child's output: its result line, or its last lines when it failed. */
    private static String output(Process p) throws IOException {
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return lines.stream().filter(l -> l.startsWith("rows=")).findFirst()
                .orElse(String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
}
