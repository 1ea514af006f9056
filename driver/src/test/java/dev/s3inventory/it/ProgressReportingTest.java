package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.jdbc.ProgressReporting;
import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The driver tells a listener how far a fan-out has got, without the client polling S3. */
class ProgressReportingTest {

    @Test
    void fullScanReportsEveryBucketDone() throws Exception {
        try (FakeS3Server s3 = new FakeS3Server()) {
            for (int i = 0; i < 12; i++) {
                s3.addBucket("p-" + i, i % 2 == 0 ? "us-east-1" : "eu-west-1");
                s3.putConfigurationXml("p-" + i, "daily", FakeS3Server.sampleConfigurationXml("daily"));
            }
            List<int[]> seen = new CopyOnWriteArrayList<>();
            try (Connection c = DriverManager.getConnection(s3.jdbcUrl("maxConcurrency=3"));
                    Statement st = c.createStatement()) {
                st.unwrap(ProgressReporting.class).setProgressListener((done, total, ms) -> seen.add(new int[] {done, total}));
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM aws.s3.bucket_inventory_configurations")) {
                    rs.next();
                    assertEquals(12, rs.getLong(1));
                }
            }
            assertTrue(seen.size() >= 12, "one report per finished bucket, got " + seen.size());
            int[] last = seen.stream().max((a, b) -> Integer.compare(a[0], b[0])).orElseThrow();
            assertEquals(12, last[0]);
            assertEquals(12, last[1]);
            assertTrue(seen.stream().allMatch(p -> p[0] <= p[1]), "never more done than planned");
        }
    }
}
