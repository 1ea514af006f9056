package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.s3inventory.testing.ExpectedRows;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code -all} jar as users get it (DBeaver, BI tools, {@code java -jar}): every class relocated
 * under {@code dev.s3inventory}, the driver registered through {@code META-INF/services}, and a plain
 * JDBC program with nothing but that jar on its class path reads LocalStack silently and correctly.
 * Runs under maven-failsafe after {@code package}, which passes {@code -Dshaded.jar=...}.
 */
class ShadedJarIT {
    private static final String DRIVER = "dev.s3inventory.jdbc.S3InventoryDriver";
    /** Entries allowed to hold classes: our own packages, also as multi-release variants. */
    private static final Pattern OWN_CLASS = Pattern.compile("(META-INF/versions/\\d+/)?dev/s3inventory/.*\\.class");
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    private static Path shadedJar() {
        String property = System.getProperty("shaded.jar");
        assertNotNull(property, "system property shaded.jar is not set: run this through maven-failsafe (mvn verify)");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + ": run `mvn package` first");
        return jar;
    }

    @Test
    void everyClassIsRelocatedUnderOurOwnPackage() throws IOException {
        List<String> offenders = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(shadedJar().toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    classes++;
                    if (!OWN_CLASS.matcher(name).matches()) {
                        offenders.add(name);
                    }
                }
            }
        }
        assertTrue(classes > 1000, "suspiciously few classes (" + classes + ") — are the dependencies shaded in?");
        assertTrue(offenders.isEmpty(), offenders.size() + " class(es) outside dev/s3inventory/ (add a <relocation>):\n  "
                + String.join("\n  ", offenders.subList(0, Math.min(offenders.size(), 200)))
                + (offenders.size() > 200 ? "\n  ... and " + (offenders.size() - 200) + " more" : ""));
    }

    @Test
    void driverIsRegisteredAndEveryServiceProviderExists() throws IOException {
        try (JarFile jar = new JarFile(shadedJar().toFile())) {
            assertEquals(List.of(DRIVER), providers(jar, "META-INF/services/java.sql.Driver"),
                    "META-INF/services/java.sql.Driver");
            // every service file the shade plugin merged and relocated must name classes that are in the jar
            List<String> missing = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
                    for (String provider : providers(jar, name)) {
                        if (jar.getEntry(provider.replace('.', '/') + ".class") == null) {
                            missing.add(name + " -> " + provider);
                        }
                    }
                }
            }
            assertTrue(missing.isEmpty(), "service providers named but not in the jar:\n  " + String.join("\n  ", missing));
        }
    }

    private static List<String> providers(JarFile jar, String entry) throws IOException {
        JarEntry e = jar.getJarEntry(entry);
        assertNotNull(e, entry + " is missing from the shaded jar");
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
        }
    }

    @Test
    void plainJdbcProgramWithOnlyTheShadedJarReadsLocalStackSilently() throws Exception {
        Path jar = shadedJar();
        URI endpoint = LocalStackEnvironment.endpoint(); // skips, or fails under s3.required, without LocalStack
        InventoryEstate estate = InventoryEstate.seed("shaded", 5); // 0+1+2+3+0 configurations over 3 regions
        List<String> expected = ExpectedRows.inventory(estate.prefix).stream()
                .map(r -> tabbed(r.get(0), r.get(1), r.get(2), r.get(3), r.get(9), r.get(13)))
                .toList();
        assertEquals(6, expected.size(), "the SDK should read back the 6 seeded configurations");
        assertEquals(3, expected.stream().map(l -> l.split("\t")[2]).distinct().count(), "three regions: " + expected);

        Path classes = compileSmokeProgram();
        String url = "jdbc:s3inventory:?endpoint=" + endpoint + "&pathStyleAccess=true&region=us-east-1"
                + "&user=test&password=test";
        String sql = "SELECT bucket, id, region, is_enabled, destination_format, optional_fields"
                + " FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE '" + estate.prefix + "%'"
                + " ORDER BY bucket, id";
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + classes,
                "ShadedSmoke", url, sql)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        // these would make the JVM itself write "Picked up ..." on stderr
        Map<String, String> env = pb.environment();
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        Process child = pb.start();
        boolean finished;
        try {
            finished = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        String out = Files.readString(stdout);
        String err = Files.readString(stderr);
        String transcript = "\n--- command: java -cp " + jar + java.io.File.pathSeparator + classes + " ShadedSmoke <url> " + sql
                + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        if (!finished) {
            fail("the smoke program did not finish within " + CHILD_TIMEOUT_SECONDS + " s and was killed" + transcript);
        }
        assertEquals(0, child.exitValue(), "exit code" + transcript);
        assertEquals("", err, "the shaded jar must print nothing on stderr (no SLF4J or logging warnings)" + transcript);
        assertEquals(expected, out.lines().toList(), "rows read through the shaded jar" + transcript);
    }

    /** The row as the smoke program prints it: tab-separated, NULL as {@code \N}. */
    private static String tabbed(Object... values) {
        List<String> cells = new ArrayList<>();
        for (Object v : values) {
            cells.add(v == null ? "\\N" : v.toString());
        }
        return String.join("\t", cells);
    }

    /** Compiles src/test/resources/shaded-smoke/ShadedSmoke.java against the JDK alone. */
    private Path compileSmokeProgram() throws IOException {
        Path src = temp.resolve("src/ShadedSmoke.java");
        Path classes = temp.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        try (InputStream in = ShadedJarIT.class.getResourceAsStream("/shaded-smoke/ShadedSmoke.java")) {
            assertNotNull(in, "test resource shaded-smoke/ShadedSmoke.java is missing");
            Files.write(src, in.readAllBytes());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: run the tests on a JDK, not a JRE");
        StringWriter diagnostics = new StringWriter();
        // an explicit, empty class path: otherwise javac would fall back to this JVM's java.class.path
        Path emptyClassPath = Files.createDirectories(temp.resolve("empty"));
        List<String> options = List.of("-d", classes.toString(), "-classpath", emptyClassPath.toString(),
                "-sourcepath", "", "-proc:none", "-Xlint:all", "-Werror");
        var fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        try (fileManager) {
            boolean ok = javac.getTask(diagnostics, fileManager, null, options, null,
                    fileManager.getJavaFileObjects(src.toFile())).call();
            assertTrue(ok, "ShadedSmoke.java does not compile:\n" + diagnostics);
        }
        Set<String> produced;
        try (var files = Files.list(classes)) {
            produced = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(HashSet::new));
        }
        assertFalse(produced.isEmpty(), "javac produced nothing");
        assertEquals(Set.of("ShadedSmoke.class"), produced, "the smoke program is one class in the default package");
        return classes;
    }
}
