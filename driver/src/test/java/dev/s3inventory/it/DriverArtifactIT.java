package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The driver's artifact is only a driver: neither its jars nor the dependencies its POM gives users carry
 * the shell, the demo estate or JLine (they live in the s3inventory-shell artifact). Runs under
 * maven-failsafe after {@code package}, which passes the jar paths.
 */
class DriverArtifactIT {

    private static Path jar(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, "system property " + property + " is not set: run this through maven-failsafe (mvn verify)");
        Path jar = Path.of(value);
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + ": run `mvn package` first");
        return jar;
    }

    /** Entries of the jar that belong to the shell: its packages and JLine, relocated or not. */
    private static List<String> shellEntries(Path path) throws IOException {
        List<String> found = new ArrayList<>();
        int driverClasses = 0;
        try (JarFile jar = new JarFile(path.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.startsWith("dev/s3inventory/jdbc/") && name.endsWith(".class")) {
                    driverClasses++;
                }
                if (name.startsWith("dev/s3inventory/cli/") || name.startsWith("dev/s3inventory/demo/")
                        || name.contains("org/jline/") || name.contains("DemoEstate")) {
                    found.add(name);
                }
            }
        }
        assertTrue(driverClasses > 10, path + " holds only " + driverClasses + " driver classes: is it the driver's jar?");
        return found;
    }

    @Test
    void thinJarHoldsNoShellDemoOrJline() throws IOException {
        assertEquals(List.of(), shellEntries(jar("thin.jar")));
    }

    @Test
    void allJarHoldsNoShellDemoOrJline() throws IOException {
        assertEquals(List.of(), shellEntries(jar("shaded.jar")));
    }

    /** What `mvn dependency:list` resolved for the thin jar's users (written at package time). */
    @Test
    void dependenciesGivenToUsersHaveNoTerminalLibrary() throws IOException {
        Path list = jar("thin.jar").resolveSibling("runtime-dependencies.txt");
        assertTrue(Files.isRegularFile(list), "no " + list + " (maven-dependency-plugin list at package)");
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.contains("software.amazon.awssdk:s3:jar")),
                "the list should name the SDK's s3 module:\n" + String.join("\n", lines));
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("org.jline") || l.contains("s3inventory-shell")).toList());
    }

    @Test
    void javaDashJarOfTheDriverSaysWhereTheShellIs() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar("shaded.jar").toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("dev.s3inventory.jdbc.S3InventoryDriver") && out.contains("s3inventory-shell-"), out);
    }
}
