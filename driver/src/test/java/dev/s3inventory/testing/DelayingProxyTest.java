package dev.s3inventory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The benchmark harness's delaying proxy: it forwards S3 traffic intact (large answers arrive whole
 * and in order), counts every request by operation exactly as the server saw them, and adds at least
 * the configured delay. (Only a lower bound is checked: timing belongs to the harness, not to tests.)
 */
class DelayingProxyTest {

    @Test
    void forwardsCountsAndDelays() {
        try (FakeS3Server s3 = new FakeS3Server(); DelayingProxy proxy = new DelayingProxy(s3.endpoint(), Duration.ZERO)) {
            s3.addBucket("a", "us-east-1").addBucket("b", "eu-west-1");
            for (int i = 0; i < 250; i++) { // three pages of ~40 KB: several TCP chunks each
                s3.putConfigurationXml("a", "cfg-" + i, FakeS3Server.sampleConfigurationXml("cfg-" + i));
            }
            S3Client client = s3.clientBuilder("us-east-1").endpointOverride(proxy.endpoint()).build();
            assertEquals(2, client.listBuckets().buckets().size());
            int ids = 0;
            String token = null;
            do {
                String t = token;
                var page = client.listBucketInventoryConfigurations(r -> r.bucket("a").continuationToken(t));
                ids += page.inventoryConfigurationList().size();
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
            assertEquals(250, ids);
            client.headBucket(r -> r.bucket("b"));
            var config = client.getBucketInventoryConfiguration(r -> r.bucket("a").id("cfg-7")).inventoryConfiguration();
            client.putBucketInventoryConfiguration(r -> r.bucket("b").id("cfg-7").inventoryConfiguration(config));
            client.deleteBucketInventoryConfiguration(r -> r.bucket("b").id("cfg-7"));

            Map<String, Long> expected = Map.of("ListBuckets", 1L, "ListBucketInventoryConfigurations", 3L,
                    "HeadBucket", 1L, "GetBucketInventoryConfiguration", 1L, "PutBucketInventoryConfiguration", 1L,
                    "DeleteBucketInventoryConfiguration", 1L);
            assertEquals(expected, proxy.meter().snapshot());
            assertEquals(s3.totalRequests(), proxy.meter().total(), "the proxy saw what the server saw");

            proxy.oneWayDelay(Duration.ofMillis(15)).meter().reset();
            long start = System.nanoTime();
            client.headBucket(r -> r.bucket("a"));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMillis >= 30, "a round trip through a 15 ms proxy took only " + elapsedMillis + " ms");
            assertEquals(1, proxy.meter().count("HeadBucket"));
            client.close();
        }
    }

    @Test
    void classifiesPathStyleRequests() {
        assertEquals("ListBuckets", HttpRequestMeter.operation("GET", "/?max-buckets=1000&prefix=p"));
        assertEquals("ListBucketInventoryConfigurations", HttpRequestMeter.operation("GET", "/b?inventory"));
        assertEquals("GetBucketInventoryConfiguration", HttpRequestMeter.operation("GET", "/b?id=x&inventory"));
        assertEquals("CreateBucket", HttpRequestMeter.operation("PUT", "/b"));
        assertEquals("HeadBucket", HttpRequestMeter.operation("HEAD", "/b"));
    }

    @Test
    void refusesNonLoopbackUpstreams() {
        assertThrows(IllegalArgumentException.class,
                () -> new DelayingProxy(URI.create("http://192.0.2.1:80"), Duration.ZERO));
        assertEquals(List.of(), new HttpRequestMeter().listBucketsTargets());
    }
}
