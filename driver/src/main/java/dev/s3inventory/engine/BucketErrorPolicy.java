package dev.s3inventory.engine;

/** What a statement does when the calls for one bucket fail (connection property onBucketError). */
public enum BucketErrorPolicy {
    /** Skip the bucket and name it, with its AWS error code, in an SQLWarning. */
    WARN,
    /** Fail the statement. */
    FAIL
}
