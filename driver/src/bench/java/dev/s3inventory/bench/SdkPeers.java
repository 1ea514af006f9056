package dev.s3inventory.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * Hand-written AWS SDK v2 code for the full-scan answer (every configuration of every bucket):
 * the floor a Java client can reach, and the loops people write. All list the buckets once (with
 * their regions) and call each bucket in its own region, following continuation tokens.
 * <ul>
 *   <li>{@link #parallel}: synchronous Apache 5 client, a pool of {@code concurrency} threads.</li>
 *   <li>{@link #async}: Netty async client, at most {@code concurrency} requests in flight.</li>
 *   <li>{@link #sequential}: one bucket after the other — StackQL's default concurrency of 1, and
 *       what a typical script does.</li>
 * </ul>
 */
final class SdkPeers implements AutoCloseable {
    private final SdkHttpClient http;
    private final SdkAsyncHttpClient asyncHttp;
    private final Map<String, S3Client> clients = new HashMap<>();
    private final Map<String, S3AsyncClient> asyncClients = new HashMap<>();
    private final ExecutorService pool;
    private final int concurrency;

    SdkPeers(URI endpoint, String account, int concurrency) {
        this.concurrency = concurrency;
        http = Apache5HttpClient.builder().maxConnections(concurrency).build();
        asyncHttp = NettyNioAsyncHttpClient.builder().maxConcurrency(concurrency).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "test"));
        for (String r : Estate.REGIONS) {
            clients.put(r, S3Client.builder().httpClient(http).endpointOverride(endpoint).forcePathStyle(true)
                    .region(Region.of(r)).credentialsProvider(credentials)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build());
            asyncClients.put(r, S3AsyncClient.builder().httpClient(asyncHttp).endpointOverride(endpoint)
                    .forcePathStyle(true).region(Region.of(r)).credentialsProvider(credentials)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build());
        }
        pool = Executors.newFixedThreadPool(concurrency);
    }

    private List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        // Asking for pages makes S3 return each bucket's region; 10,000 is the largest page.
        for (ListBucketsResponse page : clients.get("us-east-1").listBucketsPaginator(b -> b.maxBuckets(10_000))) {
            out.addAll(page.buckets());
        }
        return out;
    }

    private List<InventoryConfiguration> list(Bucket b) {
        List<InventoryConfiguration> all = new ArrayList<>();
        S3Client s3 = clients.get(b.bucketRegion());
        String token = null;
        do {
            String t = token;
            ListBucketInventoryConfigurationsResponse page =
                    s3.listBucketInventoryConfigurations(r -> r.bucket(b.name()).continuationToken(t));
            all.addAll(page.inventoryConfigurationList());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return all;
    }

    long parallel() throws Exception {
        List<Future<List<InventoryConfiguration>>> futures = new ArrayList<>();
        for (Bucket b : buckets()) {
            futures.add(pool.submit(() -> list(b)));
        }
        List<InventoryConfiguration> all = new ArrayList<>();
        for (Future<List<InventoryConfiguration>> f : futures) {
            all.addAll(f.get());
        }
        return all.size();
    }

    /** @param sample list only the first this many buckets (the caller extrapolates) */
    long sequential(int sample) {
        List<Bucket> buckets = buckets();
        long n = 0;
        for (Bucket b : buckets.subList(0, Math.min(sample, buckets.size()))) {
            n += list(b).size();
        }
        return n;
    }

    /** One GetBucketInventoryConfiguration: the floor of a point query. */
    long point(String bucket, String region, String id) {
        clients.get(region).getBucketInventoryConfiguration(r -> r.bucket(bucket).id(id));
        return 1;
    }

    long async() throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong rows = new AtomicLong();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Bucket b : buckets()) {
            inFlight.acquire();
            all.add(listAsync(b, null, rows).whenComplete((v, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get();
        return rows.get();
    }

    private CompletableFuture<Void> listAsync(Bucket b, String token, AtomicLong rows) {
        return asyncClients.get(b.bucketRegion())
                .listBucketInventoryConfigurations(r -> r.bucket(b.name()).continuationToken(token))
                .thenCompose(page -> {
                    rows.addAndGet(page.inventoryConfigurationList().size());
                    return Boolean.TRUE.equals(page.isTruncated())
                            ? listAsync(b, page.nextContinuationToken(), rows) : CompletableFuture.completedFuture(null);
                });
    }

    @Override
    public void close() {
        pool.shutdownNow();
        clients.values().forEach(S3Client::close);
        asyncClients.values().forEach(S3AsyncClient::close);
        http.close();
        asyncHttp.close();
    }
}
