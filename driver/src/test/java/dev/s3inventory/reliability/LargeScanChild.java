package dev.s3inventory.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs in a JVM of its own with a small heap ({@link MemoryBoundTest}): one full scan through the
 * driver against the endpoint given as the argument, reading every column of every row. Prints
 * {@code rows=<n> chars=<n> peakHeapMB=<n> retainedMB=<n> seconds=<s>}; a failure exits non-zero.
 */
public final class LargeScanChild {
    private LargeScanChild() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long rows = 0;
        long chars = 0;
        long retained;
        try (Connection c = DriverManager.getConnection("jdbc:s3inventory:?endpoint=" + args[0]
                + "&pathStyleAccess=true&region=us-east-1&user=test&password=test");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM aws.s3.bucket_inventory_configurations")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    String v = rs.getString(i);
                    chars += v == null ? 0 : v.length();
                }
            }
            System.gc();
            retained = used(); // while the result set is still open: what a materialized result costs
        }
        System.out.printf("rows=%d chars=%d peakHeapMB=%d retainedMB=%d seconds=%.1f%n", rows, chars, peak() >> 20,
                retained >> 20, (System.nanoTime() - start) / 1e9);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The sum of each heap pool's peak: an upper bound of the peak heap use. */
    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
