package dev.s3inventory.jdbc;

import java.util.List;

/**
 * Every connection property: key, default, description and allowed values. It drives URL parsing,
 * {@code Driver.getPropertyInfo} and the README's property table.
 */
public enum ConnectionProperty {
    REGION("region", null, "Default AWS region (ListBuckets, buckets of unknown region). Default: the SDK's "
            + "default region chain, else us-east-1"),
    ENDPOINT("endpoint", null, "S3 endpoint override, e.g. http://127.0.0.1:4566 for LocalStack or an "
            + "S3-compatible store. Default: AWS"),
    PATH_STYLE_ACCESS("pathStyleAccess", "false", "true forces path-style requests (LocalStack, most "
            + "S3-compatible stores)", "true", "false"),
    PROFILE("profile", null, "Named profile from ~/.aws/config and ~/.aws/credentials (SSO profiles included)"),
    USER("user", null, "Static AWS access key id (DBeaver's User field)"),
    PASSWORD("password", null, "Static AWS secret access key (DBeaver's Password field)", true),
    SESSION_TOKEN("sessionToken", null, "Session token for temporary credentials", true),
    READ_ONLY("readOnly", "false", "true refuses every write with SQLState 25006", "true", "false"),
    ON_BUCKET_ERROR("onBucketError", "warn", "warn: skip a bucket whose calls fail and name it in an SQLWarning; "
            + "fail: fail the statement", "warn", "fail"),
    MAX_CONCURRENCY("maxConcurrency", "64", "Parallel S3 requests of a statement that spans many buckets (statements running at the same time "
            + "on one connection share them)"),
    CACHE_TTL_SECONDS("cacheTtlSeconds", "60", "How long bucket and configuration listings are reused "
            + "(0 disables; writes through the driver invalidate what they touch)"),
    CONNECT_TIMEOUT_SECONDS("connectTimeoutSeconds", "10", "TCP connect timeout for S3 requests"),
    SOCKET_TIMEOUT_SECONDS("socketTimeoutSeconds", "30", "Read timeout for S3 responses"),
    LOGIN_TIMEOUT_SECONDS("loginTimeoutSeconds", "10", "How long connect may take to check the endpoint and the "
            + "credentials before it fails with 08001; DriverManager.setLoginTimeout wins when set"),
    MAX_ATTEMPTS("maxAttempts", "8", "Attempts per S3 request, the first included: throttling (503 SlowDown), "
            + "5xx errors and broken connections are retried with the AWS SDK's exponential backoff"),
    MAX_JOIN_ROWS("maxJoinRows", "1000000", "Rows a join may hold in memory; a statement whose join produces more "
            + "fails with SQLState 54000 instead of exhausting the memory");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final boolean secret;
    private final List<String> choices;

    ConnectionProperty(String key, String defaultValue, String description, String... choices) {
        this(key, defaultValue, description, false, choices);
    }

    ConnectionProperty(String key, String defaultValue, String description, boolean secret, String... choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
        this.choices = List.of(choices);
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Secret values never appear in messages, logs, toString, getURL or DriverPropertyInfo. */
    public boolean isSecret() {
        return secret;
    }

    public List<String> choices() {
        return choices;
    }

    /** Finds a property by key, case-insensitively; null when unknown. */
    public static ConnectionProperty forKey(String key) {
        for (ConnectionProperty p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        return null;
    }
}
