package dev.s3inventory.engine;

import dev.s3inventory.s3.BucketInfo;
import dev.s3inventory.s3.InventoryConfig;
import dev.s3inventory.s3.S3Gateway;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connection's gateway seen by one statement that calls S3 from its own thread (writes): every
 * call runs on the {@link FanOut} pool while the statement's thread waits under its query timeout
 * and cancel(), as the fan-out's read calls do. A Put or Delete that never gets an answer then ends
 * with SQLTimeoutException instead of hanging the statement. (Whether S3 applied an abandoned write
 * is unknown, as with any database whose statement times out.)
 */
final class StatementBoundGateway implements S3Gateway {
    private final S3Gateway s3;
    private final FanOut pool;
    private final ExecutionContext ctx;

    StatementBoundGateway(S3Gateway s3, FanOut pool, ExecutionContext ctx) {
        this.s3 = s3;
        this.pool = pool;
        this.ctx = ctx;
    }

    @Override
    public String defaultRegion() {
        return s3.defaultRegion();
    }

    @Override
    public List<BucketInfo> listBuckets(String prefix, String region) throws SQLException {
        return pool.one(() -> s3.listBuckets(prefix, region), ctx);
    }

    @Override
    public Optional<String> bucketRegion(String bucket) throws SQLException {
        return pool.one(() -> s3.bucketRegion(bucket), ctx);
    }

    @Override
    public List<InventoryConfig> listConfigurations(String bucket, String region) throws SQLException {
        return pool.one(() -> s3.listConfigurations(bucket, region), ctx);
    }

    @Override
    public Optional<InventoryConfig> getConfiguration(String bucket, String region, String id) throws SQLException {
        return pool.one(() -> s3.getConfiguration(bucket, region, id), ctx);
    }

    @Override
    public void putConfiguration(String bucket, String region, String id, String json) throws SQLException {
        pool.one(() -> {
            s3.putConfiguration(bucket, region, id, json);
            return null;
        }, ctx);
    }

    @Override
    public Optional<String> getConfigurationXml(String bucket, String region, String id) throws SQLException {
        return pool.one(() -> s3.getConfigurationXml(bucket, region, id), ctx);
    }

    @Override
    public void putConfigurationXml(String bucket, String region, String id, String xml) throws SQLException {
        pool.one(() -> {
            s3.putConfigurationXml(bucket, region, id, xml);
            return null;
        }, ctx);
    }

    /** Delegated whole, so that a gateway's own read-modify-write (e.g. one that invalidates a cache) is kept. */
    @Override
    public boolean updateConfiguration(String bucket, String region, String id, Map<String, Object> changes)
            throws SQLException {
        return pool.one(() -> s3.updateConfiguration(bucket, region, id, changes), ctx);
    }

    @Override
    public boolean deleteConfiguration(String bucket, String region, String id) throws SQLException {
        return pool.one(() -> s3.deleteConfiguration(bucket, region, id), ctx);
    }

    @Override
    public java.time.Duration listingTtl() {
        return s3.listingTtl();
    }

    @Override
    public S3Gateway withoutCache() {
        return new StatementBoundGateway(s3.withoutCache(), pool, ctx);
    }

    /** The connection owns the gateway; a statement's view of it closes nothing. */
    @Override
    public void close() {
    }
}
