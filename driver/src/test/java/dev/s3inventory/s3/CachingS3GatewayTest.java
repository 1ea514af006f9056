package dev.s3inventory.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listing cache, counted in requests on our S3-protocol server: reuse within the TTL, expiry,
 * invalidation by every write path (so a connection reads its own writes), 0 disables, single
 * flight, failures never cached. Time is a fake clock, so nothing here waits for a TTL.
 */
class CachingS3GatewayTest {
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final String LIST = "ListBucketInventoryConfigurations";

    private FakeS3Server s3;
    private S3Gateway aws;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private CachingS3Gateway cached;

    @BeforeEach
    void start() throws SQLException {
        s3 = new FakeS3Server();
        for (String b : List.of("alpha", "beta", "prod-1", "prod-2")) {
            s3.addBucket(b, b.equals("beta") ? "eu-west-1" : "us-east-1");
            s3.putConfigurationXml(b, "daily", FakeS3Server.sampleConfigurationXml("daily"));
        }
        aws = AwsS3Gateway.open(new S3Settings(s3.endpoint(), "us-east-1", true, "test", "test", null, null, 8,
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
        cached = new CachingS3Gateway(aws, TTL, now::get);
        s3.resetLog();
    }

    @AfterEach
    void stop() {
        cached.close();
        s3.close();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private List<String> ids(String bucket) throws SQLException {
        return cached.listConfigurations(bucket, "us-east-1").stream().map(InventoryConfig::id).toList();
    }

    @Test
    void listingsAreReusedWithinTheTtlAndFetchedAgainAfterIt() throws SQLException {
        assertEquals(4, cached.listBuckets(null, null).size());
        assertEquals(List.of("daily"), ids("alpha"));
        advance(TTL.minusSeconds(1));
        assertEquals(4, cached.listBuckets(null, null).size());
        assertEquals(List.of("daily"), ids("alpha"));
        assertEquals(1, s3.count("ListBuckets"));
        assertEquals(1, s3.count(LIST));

        advance(Duration.ofSeconds(1));
        ids("alpha");
        cached.listBuckets(null, null);
        assertEquals(2, s3.count("ListBuckets"), "expired after the TTL");
        assertEquals(2, s3.count(LIST));
    }

    @Test
    void aNarrowerBucketListingIsCutFromAFreshFullListing() throws SQLException {
        cached.listBuckets(null, null);
        assertEquals(List.of("prod-1", "prod-2"), cached.listBuckets("prod-", null).stream().map(BucketInfo::name).toList());
        assertEquals(List.of("beta"), cached.listBuckets(null, "eu-west-1").stream().map(BucketInfo::name).toList());
        assertEquals(1, s3.totalRequests());
    }

    @Test
    void everyWritePathInvalidatesTheBucketItTouchedSoTheConnectionReadsItsOwnWrites() throws SQLException {
        String json = "{\"Id\":\"weekly\",\"IsEnabled\":true,\"IncludedObjectVersions\":\"All\","
                + "\"Schedule\":{\"Frequency\":\"Weekly\"},\"Destination\":{\"S3BucketDestination\":"
                + "{\"Bucket\":\"arn:aws:s3:::dest\",\"Format\":\"CSV\"}}}";
        ids("alpha");
        ids("prod-1");

        cached.putConfiguration("alpha", "us-east-1", "weekly", json);
        assertEquals(List.of("daily", "weekly"), ids("alpha"), "put");

        cached.putConfigurationXml("alpha", "us-east-1", "other", FakeS3Server.sampleConfigurationXml("other"));
        assertEquals(List.of("daily", "other", "weekly"), ids("alpha"), "put of raw XML");

        assertTrue(cached.updateConfiguration("alpha", "us-east-1", "other", Map.of("schedule_frequency", "Weekly")));
        assertEquals("Weekly", cached.listConfigurations("alpha", "us-east-1").get(1).scheduleFrequency(), "update");

        assertTrue(cached.deleteConfiguration("alpha", "us-east-1", "other"));
        assertEquals(List.of("daily", "weekly"), ids("alpha"), "delete");

        s3.resetLog();
        ids("prod-1");
        assertEquals(0, s3.totalRequests(), "a bucket no write touched stays cached");
    }

    @Test
    void aFailedWriteStillInvalidates() throws SQLException {
        ids("alpha");
        s3.failNext(500, "InternalError", 10);
        assertThrows(SQLException.class, () -> cached.deleteConfiguration("alpha", "us-east-1", "daily"));
        s3.clearFaults().resetLog();
        ids("alpha");
        assertEquals(1, s3.count(LIST), "the write may have landed: the listing is fetched again");
    }

    @Test
    void singleGetsAndRawXmlAlwaysGoToS3() throws SQLException {
        ids("alpha");
        s3.resetLog();
        cached.getConfiguration("alpha", "us-east-1", "daily");
        cached.getConfiguration("alpha", "us-east-1", "daily");
        cached.getConfigurationXml("alpha", "us-east-1", "daily");
        assertEquals(3, s3.count("GetBucketInventoryConfiguration"));
    }

    @Test
    void zeroDisablesTheCache() throws SQLException {
        S3Gateway plain = CachingS3Gateway.wrap(aws, 0);
        assertSame(aws, plain);
        plain.listConfigurations("alpha", "us-east-1");
        plain.listConfigurations("alpha", "us-east-1");
        assertEquals(2, s3.count(LIST));
        assertEquals(Duration.ZERO, plain.listingTtl());
        assertSame(aws, cached.withoutCache());
    }

    @Test
    void failuresAreNotCached() throws SQLException {
        s3.denyAccess("alpha");
        assertThrows(S3CallException.class, () -> ids("alpha"));
        s3.allowAccess("alpha");
        assertEquals(List.of("daily"), ids("alpha"));
        assertEquals(2, s3.count(LIST));
    }

    @Test
    void concurrentAskersShareOneRequest() throws Exception {
        s3.latency(Duration.ofMillis(200));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> ids("beta")));
            }
            for (Future<List<String>> a : answers) {
                assertEquals(List.of("daily"), a.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, s3.count(LIST));
    }

    @Test
    void aTtlIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> new CachingS3Gateway(aws, Duration.ZERO));
    }
}
