package dev.s3inventory.bench;

import dev.s3inventory.testing.InventoryEstate;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * One benchmark estate: {@code size} buckets in an AWS account of their own (LocalStack takes a
 * 12-digit access key as the account id), so a full scan of this estate sees nothing else. Bucket i
 * lives in one of three regions round-robin and has {@code i % 4} configurations (1.5 per bucket on
 * average, so 1,000 buckets give 1,500 rows); one bucket in ten is named {@code ...-p...}, for the
 * {@code LIKE 'prefix%'} scenario.
 */
record Estate(int size) {
    static final List<String> REGIONS = InventoryEstate.REGIONS;

    String account() {
        return String.format(Locale.ROOT, "%012d", size);
    }

    String prefix() {
        return "bench" + size + "-";
    }

    String likePrefix() {
        return prefix() + "p";
    }

    String bucket(int i) {
        return prefix() + (i % 10 == 0 ? "p" : "q") + String.format(Locale.ROOT, "%05d", i);
    }

    String region(int i) {
        return REGIONS.get(i % REGIONS.size());
    }

    static int configurations(int i) {
        return i % 4;
    }

    long rows() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            n += configurations(i);
        }
        return n;
    }

    long likeRows() {
        long n = 0;
        for (int i = 0; i < size; i += 10) {
            n += configurations(i);
        }
        return n;
    }

    /** Creates what is missing (straight to LocalStack, not through the proxy); an estate is seeded once and reused. */
    void seed(URI localstack) throws Exception {
        Map<String, S3Client> clients = new ConcurrentHashMap<>();
        for (String r : REGIONS) {
            clients.put(r, S3Client.builder().endpointOverride(localstack).forcePathStyle(true).region(Region.of(r))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account(), "test")))
                    .build());
        }
        Set<String> existing = new HashSet<>();
        for (ListBucketsResponse page : clients.get("us-east-1").listBucketsPaginator(b -> b.maxBuckets(1000))) {
            for (Bucket b : page.buckets()) {
                existing.add(b.name());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!existing.contains(bucket(i))) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            Log.line("estate %,d: %,d buckets already seeded in account %s", size, size, account());
            return;
        }
        Log.line("estate %,d: seeding %,d buckets in account %s ...", size, missing.size(), account());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i : missing) {
                done.add(pool.submit(() -> {
                    seedBucket(clients.get(region(i)), i);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            clients.values().forEach(S3Client::close);
        }
        Log.line("estate %,d: seeded", size);
    }

    private void seedBucket(S3Client s3, int i) {
        String bucket = bucket(i);
        String region = region(i);
        if (region.equals("us-east-1")) {
            s3.createBucket(b -> b.bucket(bucket));
        } else {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(
                    c -> c.locationConstraint(BucketLocationConstraint.fromValue(region))));
        }
        for (int c = 0; c < configurations(i); c++) {
            InventoryConfiguration configuration = InventoryEstate.configuration(bucket, c);
            s3.putBucketInventoryConfiguration(r -> r.bucket(bucket).id(configuration.id())
                    .inventoryConfiguration(configuration));
        }
    }
}
