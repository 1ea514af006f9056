package dev.s3inventory.jdbc;

import java.io.InputStream;
import java.util.Properties;

/** The driver's version, from the Maven-filtered resource {@code dev/s3inventory/driver.properties}. */
final class DriverVersion {
    private static final String VERSION = load();

    private DriverVersion() {
    }

    static String version() {
        return VERSION;
    }

    static int major() {
        return part(0);
    }

    static int minor() {
        return part(1);
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String load() {
        try (InputStream in = DriverVersion.class.getResourceAsStream("/dev/s3inventory/driver.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through to the unknown version
        }
        return "0.0.0";
    }
}
