package dev.s3inventory.s3;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Everything the driver asks of S3. The engine talks only to this interface; {@link AwsS3Gateway}
 * implements it with the AWS SDK. Methods are safe to call from many threads at once.
 * Failures are {@link S3CallException}s carrying the AWS error code and the bucket concerned.
 */
public interface S3Gateway extends AutoCloseable {

    /** The region used for account-level calls and for buckets whose region is unknown. */
    String defaultRegion();

    /**
     * Lists the account's buckets (all pages), optionally only those whose name starts with
     * {@code prefix} and/or that live in {@code region} (both may be null). A bucket whose region the
     * store did not report has a null region (and may be outside {@code region}): one HeadBucket each,
     * made by the caller in parallel, rather than one after another while listing.
     */
    List<BucketInfo> listBuckets(String prefix, String region) throws SQLException;

    /** The bucket's region, or empty when the bucket does not exist. */
    Optional<String> bucketRegion(String bucket) throws SQLException;

    /** All inventory configurations of a bucket, following continuation tokens. */
    List<InventoryConfig> listConfigurations(String bucket, String region) throws SQLException;

    /** One configuration, or empty when the bucket has no configuration with that id. */
    Optional<InventoryConfig> getConfiguration(String bucket, String region, String id) throws SQLException;

    /** Creates or overwrites a configuration given in the AWS JSON shape. */
    void putConfiguration(String bucket, String region, String id, String json) throws SQLException;

    /**
     * A configuration's XML exactly as S3 sent it, fields the SDK does not model included; empty
     * when the bucket has no configuration with that id.
     */
    Optional<String> getConfigurationXml(String bucket, String region, String id) throws SQLException;

    /** Writes a configuration document as given (a patched document from {@link #getConfigurationXml}). */
    void putConfigurationXml(String bucket, String region, String id, String xml) throws SQLException;

    /**
     * Read-modify-write of one configuration: only the given columns change (null removes an optional
     * field); every other element, known or not, is written back as it was. False when it is gone.
     */
    default boolean updateConfiguration(String bucket, String region, String id, java.util.Map<String, Object> changes)
            throws SQLException {
        Optional<String> xml = getConfigurationXml(bucket, region, id);
        if (xml.isEmpty()) {
            return false;
        }
        putConfigurationXml(bucket, region, id, InventoryXml.patch(xml.get(), changes));
        return true;
    }

    /** Deletes a configuration; false when there was none with that id. */
    boolean deleteConfiguration(String bucket, String region, String id) throws SQLException;

    /**
     * How long listings may be served from a cache ({@link CachingS3Gateway}); zero without one. With
     * a cache, the engine lets a scan stopped early by a row limit read ahead, so the next pages of a
     * tool that pages by re-executing are already there.
     */
    default java.time.Duration listingTtl() {
        return java.time.Duration.ZERO;
    }

    /** This gateway without its listing cache, for reads that must be fresh (the WHERE of a write). */
    default S3Gateway withoutCache() {
        return this;
    }

    /** Releases HTTP connections and clients. Never throws. */
    @Override
    void close();
}
