package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.s3.BucketInfo;
import dev.s3inventory.s3.InventoryConfig;
import dev.s3inventory.s3.S3CallException;
import dev.s3inventory.s3.S3Gateway;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.TableDef;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the rows of a table from S3 for a {@link ScanRequest}, choosing the cheapest calls:
 * a point Get for bucket + id, per-bucket List for named buckets (no ListBuckets), otherwise
 * ListBuckets followed by a parallel per-bucket List, each bucket called in its own region.
 */
final class TableScanner {
    /** DEBUG: the calls each scan chose. WARN: every bucket skipped under onBucketError=warn. */
    private static final Logger LOG = LoggerFactory.getLogger(TableScanner.class);

    /** A stopped-early scan reads ahead to this many times the rows it needed (pages 2 to 5 of a pager). */
    static final int READ_AHEAD_PAGES = 5;
    private static final int MAX_READ_AHEAD_MARKS = 64;

    /** How far a scan was last read ahead, and when. */
    private record ReadAheadMark(long rows, long atNanos) {
    }

    private final S3Gateway s3;
    private final FanOut fanOut;
    private final BucketErrorPolicy policy;
    private final Map<ScanRequest, ReadAheadMark> readAheadMarks = new ConcurrentHashMap<>();

    TableScanner(S3Gateway s3, FanOut fanOut, BucketErrorPolicy policy) {
        this.s3 = s3;
        this.fanOut = fanOut;
        this.policy = policy;
    }

    /**
     * @param enough how many rows are enough (a row limit when the request is exact), else Long.MAX_VALUE
     */
    List<Object[]> scan(TableDef table, ScanRequest request, ExecutionContext ctx, long enough) throws SQLException {
        if (request.isEmpty()) {
            return List.of();
        }
        if (table == Catalog.BUCKETS) {
            return scanBuckets(request, ctx);
        }
        return scanConfigurations(request, ctx, enough);
    }

    private List<Object[]> scanBuckets(ScanRequest request, ExecutionContext ctx) throws SQLException {
        List<BucketInfo> buckets = new ArrayList<>();
        for (BucketInfo b : listBuckets(request, ctx)) {
            if ((request.buckets() == null || request.buckets().contains(b.name())) && mayBeIn(b, request)) {
                buckets.add(b);
            }
        }
        if (buckets.stream().allMatch(b -> b.region() != null)) {
            List<Object[]> rows = new ArrayList<>(buckets.size());
            for (BucketInfo b : buckets) {
                rows.add(bucketRow(b, b.region()));
            }
            return rows;
        }
        List<FanOut.Task<Object[]>> tasks = new ArrayList<>(buckets.size());
        for (BucketInfo b : buckets) {
            tasks.add(() -> {
                Optional<String> region = b.region() != null ? Optional.of(b.region()) : regionOf(b.name(), request, ctx);
                return region.isEmpty() ? List.of() : List.<Object[]>of(bucketRow(b, region.get()));
            });
        }
        return fanOut.run(tasks, ctx, Long.MAX_VALUE);
    }

    private static Object[] bucketRow(BucketInfo b, String region) {
        return new Object[] {b.name(), region, timestamp(b)};
    }

    private List<Object[]> scanConfigurations(ScanRequest request, ExecutionContext ctx, long enough)
            throws SQLException {
        List<FanOut.Task<Object[]>> tasks = new ArrayList<>();
        if (request.buckets() != null) {
            for (String bucket : request.buckets()) {
                tasks.add(() -> namedBucket(bucket, request, ctx));
            }
        } else {
            for (BucketInfo b : listBuckets(request, ctx)) {
                if (mayBeIn(b, request)) {
                    tasks.add(b.region() != null ? () -> configurations(b.name(), b.region(), request.id(), ctx)
                            : () -> namedBucket(b.name(), request, ctx)); // its region is learned first
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Scan plan: {} {} ({}{}), enough after {} rows", tasks.size(),
                    request.id() != null ? "point Get(s)" : "per-bucket List(s)",
                    request.buckets() != null ? "named buckets, no ListBuckets" : "buckets from ListBuckets prefix="
                            + request.bucketPrefix() + " region=" + request.region(),
                    request.id() != null ? ", id=" + request.id() : "", enough == Long.MAX_VALUE ? "all" : enough);
        }
        ctx.progress().planned(tasks.size());
        AtomicBoolean returned = new AtomicBoolean(); // a read-ahead after the statement is no progress of it
        List<FanOut.Task<Object[]>> counted = new ArrayList<>(tasks.size());
        for (FanOut.Task<Object[]> task : tasks) {
            counted.add(() -> {
                try {
                    return task.call();
                } finally {
                    if (!returned.get()) {
                        ctx.progress().finished();
                    }
                }
            });
        }
        try {
            return fanOut.run(counted, ctx, enough, readAhead(request, enough));
        } finally {
            returned.set(true);
        }
    }

    /**
     * False for a bucket known to be outside the requested region. A listing may hold such buckets
     * (a store that ignores {@code bucket-region}); a bucket of unknown region is checked once it is known.
     */
    private static boolean mayBeIn(BucketInfo b, ScanRequest request) {
        return request.region() == null || b.region() == null || request.region().equals(b.region());
    }

    /** ListBuckets under the statement's timeout and cancel, like every other call. */
    private List<BucketInfo> listBuckets(ScanRequest request, ExecutionContext ctx) throws SQLException {
        return fanOut.run(List.of(() -> s3.listBuckets(request.bucketPrefix(), request.region())), ctx, Long.MAX_VALUE);
    }

    /**
     * Rows to fetch in all when a row limit stops this scan early. With a listing cache, a scan that
     * goes past what an earlier run of the same scan read ahead reads ahead {@link #READ_AHEAD_PAGES}
     * times its need, in the background: a tool that pages by re-executing with a growing maxRows
     * (DBeaver) then finds its next pages in the cache, and those pages send no request at all.
     * Without a cache, nothing beyond the limit is fetched.
     */
    private long readAhead(ScanRequest request, long enough) {
        long ttl = s3.listingTtl().toNanos();
        if (ttl <= 0 || enough == Long.MAX_VALUE) {
            return enough;
        }
        long now = System.nanoTime();
        ReadAheadMark mark = readAheadMarks.get(request);
        if (mark != null && now - mark.atNanos() < ttl && mark.rows() >= enough) {
            return enough; // an earlier page already read this far ahead
        }
        long rows = enough > Long.MAX_VALUE / READ_AHEAD_PAGES ? Long.MAX_VALUE : enough * READ_AHEAD_PAGES;
        if (readAheadMarks.size() >= MAX_READ_AHEAD_MARKS) {
            readAheadMarks.clear(); // a handful of scans being paged at once is the normal case
        }
        readAheadMarks.put(request, new ReadAheadMark(rows, now));
        return rows;
    }

    private List<Object[]> namedBucket(String bucket, ScanRequest request, ExecutionContext ctx) throws SQLException {
        Optional<String> region = regionOf(bucket, request, ctx);
        return region.isEmpty() ? List.of() : configurations(bucket, region.get(), request.id(), ctx);
    }

    /**
     * A bucket's region as S3 tells it (HeadBucket, remembered per connection); empty when the bucket
     * is gone, was skipped, or is outside the requested region.
     */
    private Optional<String> regionOf(String bucket, ScanRequest request, ExecutionContext ctx) throws SQLException {
        Optional<String> region;
        try {
            region = s3.bucketRegion(bucket);
        } catch (S3CallException e) {
            skipOrFail(e, ctx);
            return Optional.empty();
        }
        if (region.isEmpty()) {
            ctx.warn(Errors.noSuchBucket("Bucket '" + bucket + "' does not exist (NoSuchBucket): it has no rows in this "
                    + "result"));
            return Optional.empty();
        }
        return request.region() == null || request.region().equals(region.get()) ? region : Optional.empty();
    }

    private List<Object[]> configurations(String bucket, String region, String id, ExecutionContext ctx)
            throws SQLException {
        try {
            List<InventoryConfig> configs = id != null
                    ? s3.getConfiguration(bucket, region, id).map(List::of).orElse(List.of())
                    : s3.listConfigurations(bucket, region);
            List<Object[]> rows = new ArrayList<>(configs.size());
            for (InventoryConfig c : configs) {
                rows.add(row(c));
            }
            return rows;
        } catch (S3CallException e) {
            if (e.isNoSuchBucket()) {
                ctx.warn(Errors.noSuchBucket("Bucket '" + bucket + "' does not exist (NoSuchBucket); it has no inventory "
                        + "configurations"));
                return List.of();
            }
            return skipOrFail(e, ctx);
        }
    }

    /** Applies the bucket-error policy; failures not about one bucket (credentials, network) always fail. */
    private List<Object[]> skipOrFail(S3CallException e, ExecutionContext ctx) throws SQLException {
        boolean bucketLevel = e.bucket() != null && !Errors.BAD_CREDENTIALS.equals(e.getSQLState())
                && !Errors.UNREACHABLE.equals(e.getSQLState());
        if (policy == BucketErrorPolicy.FAIL || !bucketLevel || ctx.isOver()) {
            throw e; // (a statement already ended, e.g. its calls aborted by a timeout, skips and logs nothing)
        }
        LOG.warn("Skipped bucket '{}' ({}): its rows are missing from this result (onBucketError=warn)", e.bucket(),
                e.awsErrorCode() == null ? e.getSQLState() : e.awsErrorCode());
        ctx.warn(Errors.skippedBucket("Skipped bucket '" + e.bucket() + "' ("
                + (e.awsErrorCode() == null ? e.getSQLState() : e.awsErrorCode()) + "): " + e.getMessage()
                + ". Its rows are missing from this result (onBucketError=warn)", e));
        return List.of();
    }

    static Object[] row(InventoryConfig c) {
        return new Object[] {
            c.bucket(), c.id(), c.region(), c.enabled(), c.includedObjectVersions(), c.scheduleFrequency(),
            c.filterPrefix(), c.destinationBucketArn(), c.destinationAccountId(), c.destinationFormat(),
            c.destinationPrefix(), c.destinationEncryption(), c.destinationKmsKeyId(),
            c.optionalFields().isEmpty() ? null : String.join(",", c.optionalFields()), c.json()
        };
    }

    /** creation_date is a TIMESTAMP without time zone holding the UTC wall-clock time. */
    private static Timestamp timestamp(BucketInfo b) {
        return b.creationDate() == null ? null
                : Timestamp.valueOf(LocalDateTime.ofInstant(b.creationDate(), ZoneOffset.UTC));
    }
}
