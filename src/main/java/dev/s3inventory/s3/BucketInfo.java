package dev.s3inventory.s3;

import java.time.Instant;

/** A bucket as ListBuckets reports it; {@code creationDate} may be null. */
public record BucketInfo(String name, String region, Instant creationDate) {
}
