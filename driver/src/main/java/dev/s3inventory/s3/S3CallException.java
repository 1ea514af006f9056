package dev.s3inventory.s3;

import java.sql.SQLException;

/**
 * A failed S3 call, as an SQLException with the mapped SQLState, plus what the engine needs to
 * decide on the bucket-error policy: the AWS error code and the bucket (null for account calls).
 */
public final class S3CallException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final String awsErrorCode;
    private final String bucket;

    public S3CallException(String message, String sqlState, String awsErrorCode, String bucket, Throwable cause) {
        super(message, sqlState, cause);
        this.awsErrorCode = awsErrorCode;
        this.bucket = bucket;
    }

    /** The AWS error code, e.g. {@code AccessDenied}, {@code NoSuchBucket}; null for network failures. */
    public String awsErrorCode() {
        return awsErrorCode;
    }

    /** The bucket the failed call was about, or null. */
    public String bucket() {
        return bucket;
    }

    public boolean isNoSuchBucket() {
        return "NoSuchBucket".equals(awsErrorCode);
    }
}
