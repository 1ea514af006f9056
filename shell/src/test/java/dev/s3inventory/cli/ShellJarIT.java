package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.LocalStackEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell as users start it, {@code java -jar ...-all.jar}: piped, it writes only data and nothing on
 * standard error; on a terminal (a pseudo-terminal from util-linux {@code script}), the relocated JLine
 * drives a real terminal, not a dumb one: TAB completes, and no warning appears. Runs under
 * maven-failsafe after {@code package}, which passes {@code -Dshaded.jar=...}.
 */
class ShellJarIT {
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path temp;

    private static Path jar() {
        String property = System.getProperty("shaded.jar");
        assertNotNull(property, "system property shaded.jar is not set: run this through maven-failsafe (mvn verify)");
        return Path.of(property);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ProcessBuilder clean(ProcessBuilder pb) {
        // these would make the JVM itself write "Picked up ..." on stderr
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        return pb;
    }

    @Test
    void pipedStatementsGiveCleanCsvAndAnEmptyStandardError() throws Exception {
        String endpoint = LocalStackEnvironment.endpoint().toString();
        Path in = Files.writeString(temp.resolve("in.sql"), "SELECT COUNT(*) AS buckets FROM aws.s3.buckets;\n");
        Path out = temp.resolve("out");
        Path err = temp.resolve("err");
        Process p = clean(new ProcessBuilder(java(), "-jar", jar().toString(), "--demo", endpoint, "--format", "csv"))
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the shell did not finish");
        assertEquals("", Files.readString(err), "nothing on standard error (no JLine or logging warnings)");
        assertEquals(0, p.exitValue());
        assertEquals("buckets\r\n24\r\n", Files.readString(out));
    }

    @Test
    void onATerminalTheRelocatedLineEditorCompletesWithTab() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/script"))) {
            String why = "needs util-linux script(1) for a pseudo-terminal";
            // Skipped where script(1) is missing, but never in CI: there the check must run or fail.
            assertFalse(LocalStackEnvironment.inCi(), why + " (CI must run every check)");
            Assumptions.abort(why);
        }
        String endpoint = LocalStackEnvironment.endpoint().toString();
        String command = String.join(" ", quote(java()), "-jar", quote(jar().toString()), "--demo", quote(endpoint),
                "--no-history");
        ProcessBuilder pb = clean(new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null"))
                .redirectErrorStream(true);
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread reader = copy(p.getInputStream(), screen);
        try (OutputStream keys = p.getOutputStream()) {
            // JLine switches the terminal to raw mode and turns on bracketed paste when it reads a line.
            waitFor(screen, "\u001b[?2004h", p);
            keys.write("SELECT COUNT(*) AS n FROM bucket_inv\t;\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            waitFor(screen, "(1 row)", p);
            keys.write("\\q\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the shell did not quit: " + printable(screen));
        } finally {
            p.destroyForcibly();
            reader.join(10_000);
        }
        String shown = printable(screen);
        assertEquals(0, p.exitValue(), shown);
        assertTrue(shown.contains("bucket_inventory_configurations"), "TAB completed the table name: " + shown);
        assertTrue(shown.contains("21"), "the count of the demo's configurations: " + shown);
        for (String bad : List.of("WARNING", "dumb", "Exception", "SLF4J")) {
            assertFalse(shown.contains(bad), bad + " on the terminal: " + shown);
        }
    }

    private static void waitFor(ByteArrayOutputStream screen, String text, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            assertTrue(p.isAlive() || screen.toString(StandardCharsets.UTF_8).contains(text),
                    "the shell ended before showing '" + text + "': " + printable(screen));
            assertTrue(System.nanoTime() < deadline, "no '" + text.replace("\u001b", "<ESC>") + "' on the terminal: "
                    + printable(screen));
            Thread.sleep(50);
        }
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "pty-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String printable(ByteArrayOutputStream screen) {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replace("\u001b", "<ESC>");
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
