package dev.s3inventory.engine;

import java.util.Set;

/**
 * What the WHERE clause lets us ask S3 for, instead of everything (pushdown). It only narrows:
 * the whole WHERE is evaluated again on the rows fetched.
 *
 * @param buckets      the only buckets that can match, or null when any bucket can
 * @param bucketPrefix a prefix every matching bucket name has (ListBuckets' prefix), or null
 * @param id           the only configuration id that can match, or null
 * @param region       the only bucket region that can match, or null
 * @param exact        true when every WHERE conjunct was pushed down exactly, so S3 returns only
 *                     matching rows and a row limit can stop the fan-out early
 */
record ScanRequest(Set<String> buckets, String bucketPrefix, String id, String region, boolean exact) {

    static final ScanRequest EVERYTHING = new ScanRequest(null, null, null, null, true);

    /** True when the predicates contradict each other (e.g. bucket = 'a' AND bucket = 'b'). */
    boolean isEmpty() {
        return buckets != null && buckets.isEmpty();
    }
}
