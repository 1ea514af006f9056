package dev.s3inventory.s3;

import java.time.Instant;

/**
 * A bucket as ListBuckets reports it; {@code creationDate} may be null, and so may {@code region}
 * when the store does not report it (S3-compatible stores): ask {@link S3Gateway#bucketRegion}.
 */
public record BucketInfo(String name, String region, Instant creationDate) {
}
