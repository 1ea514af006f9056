package dev.s3inventory.s3;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Reuses listings — ListBuckets and each bucket's ListBucketInventoryConfigurations — for a
 * time-to-live, because tools re-run a query for every page they show (DBeaver re-executes with a
 * larger {@code setMaxRows} and skips the rows it has). One per connection.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>A connection reads its own writes at once: every write through this gateway (put, put of
 *       raw XML, update, delete) drops the cached listing of the bucket it touched.</li>
 *   <li>Writes made elsewhere (console, other connections) show after at most the TTL.</li>
 *   <li>Only listings are reused. A single Get ({@link #getConfiguration}, INSERT's duplicate check)
 *       and the raw XML behind UPDATE always go to S3; {@link #withoutCache()} gives the writes'
 *       WHERE a fresh view.</li>
 *   <li>Concurrent askers of the same listing share one request; failures are never cached.</li>
 * </ul>
 */
public final class CachingS3Gateway implements S3Gateway {
    private final S3Gateway inner;
    private final ListingCache cache;
    private final Duration ttl;

    /** Listings of one page of buckets, by ListBuckets' filters. */
    private record BucketsKey(String prefix, String region) {
    }

    /** One bucket's inventory configurations. */
    private record ConfigurationsKey(String bucket) {
    }

    public CachingS3Gateway(S3Gateway inner, Duration ttl) {
        this(inner, ttl, System::nanoTime);
    }

    /** With a clock of our own (nanoseconds), so tests can move time. */
    CachingS3Gateway(S3Gateway inner, Duration ttl, LongSupplier clock) {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("a listing cache needs a positive TTL, not " + ttl);
        }
        this.inner = inner;
        this.ttl = ttl;
        this.cache = new ListingCache(ttl.toNanos(), clock);
    }

    /** {@code inner} behind a cache of {@code ttlSeconds}, or {@code inner} itself when that is 0 (caching off). */
    public static S3Gateway wrap(S3Gateway inner, int ttlSeconds) {
        return ttlSeconds <= 0 ? inner : new CachingS3Gateway(inner, Duration.ofSeconds(ttlSeconds));
    }

    @Override
    public Duration listingTtl() {
        return ttl;
    }

    @Override
    public S3Gateway withoutCache() {
        return inner;
    }

    @Override
    public String defaultRegion() {
        return inner.defaultRegion();
    }

    @Override
    public List<BucketInfo> listBuckets(String prefix, String region) throws SQLException {
        // A narrower listing can be cut out of a fresh listing of all buckets.
        List<BucketInfo> all = cache.peek(new BucketsKey(null, null));
        if (all != null && (prefix != null || region != null)) {
            List<BucketInfo> some = new ArrayList<>();
            for (BucketInfo b : all) {
                // a bucket of unknown region stays: the caller learns its region and filters then
                if ((prefix == null || b.name().startsWith(prefix))
                        && (region == null || b.region() == null || region.equals(b.region()))) {
                    some.add(b);
                }
            }
            return List.copyOf(some);
        }
        return cache.get(new BucketsKey(prefix, region), () -> List.copyOf(inner.listBuckets(prefix, region)));
    }

    @Override
    public Optional<String> bucketRegion(String bucket) throws SQLException {
        return inner.bucketRegion(bucket); // the gateway below remembers regions already
    }

    @Override
    public List<InventoryConfig> listConfigurations(String bucket, String region) throws SQLException {
        return cache.get(new ConfigurationsKey(bucket), () -> List.copyOf(inner.listConfigurations(bucket, region)));
    }

    @Override
    public Optional<InventoryConfig> getConfiguration(String bucket, String region, String id) throws SQLException {
        return inner.getConfiguration(bucket, region, id);
    }

    @Override
    public Optional<String> getConfigurationXml(String bucket, String region, String id) throws SQLException {
        return inner.getConfigurationXml(bucket, region, id);
    }

    @Override
    public void putConfiguration(String bucket, String region, String id, String json) throws SQLException {
        try {
            inner.putConfiguration(bucket, region, id, json);
        } finally {
            invalidate(bucket); // even a failed write may have reached S3
        }
    }

    @Override
    public void putConfigurationXml(String bucket, String region, String id, String xml) throws SQLException {
        try {
            inner.putConfigurationXml(bucket, region, id, xml);
        } finally {
            invalidate(bucket);
        }
    }

    @Override
    public boolean updateConfiguration(String bucket, String region, String id, Map<String, Object> changes)
            throws SQLException {
        try {
            return inner.updateConfiguration(bucket, region, id, changes);
        } finally {
            invalidate(bucket);
        }
    }

    @Override
    public boolean deleteConfiguration(String bucket, String region, String id) throws SQLException {
        try {
            return inner.deleteConfiguration(bucket, region, id);
        } finally {
            invalidate(bucket);
        }
    }

    private void invalidate(String bucket) {
        cache.invalidate(new ConfigurationsKey(bucket));
    }

    /** Listings held now (for tests). */
    int size() {
        return cache.size();
    }

    @Override
    public void close() {
        cache.clear();
        inner.close();
    }
}
