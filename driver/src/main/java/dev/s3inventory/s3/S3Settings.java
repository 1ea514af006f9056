package dev.s3inventory.s3;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach S3: endpoint, region, addressing, credentials and limits. Built by the JDBC layer
 * from connection properties. {@link #toString()} never shows secrets.
 *
 * @param endpoint        endpoint override (LocalStack, S3-compatible stores), or null for AWS
 * @param region          default region, or null for the SDK's default chain (else us-east-1)
 * @param accessKeyId     static access key id, or null
 * @param secretAccessKey static secret key, or null
 * @param sessionToken    session token for temporary keys, or null
 * @param profile         named profile from ~/.aws/config and ~/.aws/credentials, or null
 * @param maxAttempts     attempts per S3 call, the first included (the SDK's standard retry strategy)
 */
public record S3Settings(
        URI endpoint,
        String region,
        boolean pathStyleAccess,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        String profile,
        int maxConnections,
        Duration connectTimeout,
        Duration socketTimeout,
        int maxAttempts) {

    /** The driver's default of {@link #maxAttempts()} (the {@code maxAttempts} connection property). */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;

    /** Settings with the default number of attempts per call. */
    public S3Settings(URI endpoint, String region, boolean pathStyleAccess, String accessKeyId, String secretAccessKey,
            String sessionToken, String profile, int maxConnections, Duration connectTimeout, Duration socketTimeout) {
        this(endpoint, region, pathStyleAccess, accessKeyId, secretAccessKey, sessionToken, profile, maxConnections,
                connectTimeout, socketTimeout, DEFAULT_MAX_ATTEMPTS);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess=" + pathStyleAccess
                + ", accessKeyId=" + (accessKeyId == null ? null : "***") + ", secretAccessKey="
                + (secretAccessKey == null ? null : "***") + ", sessionToken=" + (sessionToken == null ? null : "***")
                + ", profile=" + profile + ", maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", maxAttempts=" + maxAttempts + "]";
    }
}
