package dev.s3inventory.jdbc;

/**
 * What {@code java -jar s3inventory-jdbc-<version>-all.jar} prints: this jar is a driver to load into a
 * JDBC client, and the SQL shell is the other artifact. The only console output of the driver module.
 */
public final class About {
    private About() {
    }

    public static void main(String[] args) {
        String v = DriverVersion.version();
        System.out.println("s3inventory-jdbc " + v + ": a JDBC driver for Amazon S3 bucket inventory configurations.\n"
                + "  driver class  " + S3InventoryDriver.class.getName() + "\n"
                + "  URL           jdbc:s3inventory:[?key=value&...]\n"
                + "Load this jar into a JDBC client (DBeaver, sqlline, your application). For an SQL shell, run\n"
                + "  java -jar s3inventory-shell-" + v + "-all.jar --help");
    }
}
