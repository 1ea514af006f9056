package dev.s3inventory.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a fresh JVM whose class path is what a user of a JDBC client has: the driver's
 * {@code -all} jar and nothing else of ours, the client's own jars (picked from this JVM's test class
 * path by artifact name), and the test classes that drive the client. No unshaded AWS SDK, JSqlParser
 * or Jackson and no {@code target/classes} reach the child, so a test passing there proves the
 * {@code -all} jar alone is enough. Runs under maven-failsafe after {@code package}, which passes
 * {@code -Dshaded.jar=...}.
 */
public final class ChildJvm {
    private static final long TIMEOUT_SECONDS = 180;
    /** What the client programs assert with; test tooling, not something the driver may need. */
    private static final List<String> ASSERTION_JARS = List.of("junit-jupiter-api-", "opentest4j-",
            "junit-platform-commons-", "apiguardian-api-");

    /** What the child printed and returned. */
    public record Outcome(int exitCode, String stdout, String stderr, String command) {
        public String transcript() {
            return "\n--- command: " + command + "\n--- exit code: " + exitCode + "\n--- stdout:\n" + stdout
                    + "\n--- stderr:\n" + stderr;
        }
    }

    private ChildJvm() {
    }

    public static Path shadedJar() {
        String property = System.getProperty("shaded.jar");
        assertNotNull(property, "system property shaded.jar is not set: run this through maven-failsafe (mvn verify)");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + ": run `mvn package` first");
        return jar;
    }

    /**
     * Runs {@code mainClass} and fails the calling test, with the whole transcript, if it does not
     * exit with 0 in time.
     *
     * @param clientJars file-name prefixes of the client's jars, e.g. {@code "HikariCP-"}, {@code "spring-"}
     * @param jvmOptions e.g. {@code -Duser.timezone=...}
     */
    public static Outcome run(Path workDir, List<String> clientJars, List<String> jvmOptions, String mainClass,
            String... args) throws IOException, InterruptedException {
        Outcome outcome = start(workDir, clientJars, jvmOptions, mainClass, args);
        if (outcome.exitCode() != 0) {
            fail(mainClass + " failed" + outcome.transcript());
        }
        return outcome;
    }

    /** Like {@link #run}, but returns whatever the exit code was. */
    public static Outcome start(Path workDir, List<String> clientJars, List<String> jvmOptions, String mainClass,
            String... args) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>();
        classPath.add(shadedJar().toString());
        classPath.add(testClasses());
        List<String> wanted = new ArrayList<>(clientJars);
        wanted.addAll(ASSERTION_JARS);
        for (String prefix : wanted) {
            classPath.addAll(jars(prefix));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(List.of(args));

        Files.createDirectories(workDir);
        Path stdout = workDir.resolve(simpleName(mainClass) + ".stdout.txt");
        Path stderr = workDir.resolve(simpleName(mainClass) + ".stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS"); // would make the JVM itself print "Picked up ..." on stderr
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Process child = pb.start();
        boolean finished;
        try {
            finished = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Outcome outcome = new Outcome(finished ? child.exitValue() : -1, Files.readString(stdout),
                Files.readString(stderr), String.join(" ", command));
        if (!finished) {
            fail(mainClass + " did not finish within " + TIMEOUT_SECONDS + " s and was killed" + outcome.transcript());
        }
        return outcome;
    }

    private static String simpleName(String mainClass) {
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }

    private static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    private static String testClasses() {
        return testClassPath().stream().filter(e -> e.endsWith("test-classes")).findFirst()
                .orElseThrow(() -> new AssertionError("no test-classes directory on " + testClassPath()));
    }

    /** The jars of the test class path whose file names start with {@code prefix}; at least one. */
    private static List<String> jars(String prefix) {
        List<String> found = testClassPath().stream()
                .filter(e -> e.endsWith(".jar") && Path.of(e).getFileName().toString().startsWith(prefix))
                .toList();
        if (found.isEmpty()) {
            throw new AssertionError("no jar named " + prefix + "* on the test class path " + testClassPath());
        }
        return found;
    }
}
