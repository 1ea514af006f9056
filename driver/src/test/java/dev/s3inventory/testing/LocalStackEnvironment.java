package dev.s3inventory.testing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the integration tests find a real S3 emulator (LocalStack 4.13.1), in this order:
 * system property {@code s3.endpoint} or env {@code S3_TEST_ENDPOINT} (CI starts LocalStack
 * natively and sets it); else a Testcontainers LocalStack when Docker is available; else the tests
 * are skipped with a loud message — unless {@code -Ds3.required=true} (CI), where they fail.
 */
public final class LocalStackEnvironment {
    public static final String IMAGE = "localstack/localstack:4.13.1";
    private static volatile URI endpoint;
    private static final Map<String, S3Client> CLIENTS = new ConcurrentHashMap<>();

    private LocalStackEnvironment() {
    }

    /** The endpoint of a running LocalStack; skips or fails the calling test when there is none. */
    public static synchronized URI endpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String configured = System.getProperty("s3.endpoint");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("S3_TEST_ENDPOINT");
        }
        if (configured != null && !configured.isBlank()) {
            endpoint = URI.create(configured.trim());
            return endpoint;
        }
        URI fromDocker = DockerLocalStack.startIfDockerAvailable();
        if (fromDocker != null) {
            endpoint = fromDocker;
            return endpoint;
        }
        String message = "No S3 emulator: set -Ds3.endpoint=http://127.0.0.1:4566 (bash .ci/localstack.sh start) or "
                + "run Docker for Testcontainers";
        if (Boolean.getBoolean("s3.required")) {
            throw new IllegalStateException(message + " (s3.required=true, so this is a failure, not a skip)");
        }
        System.err.println("SKIPPING S3 INTEGRATION TEST: " + message);
        Assumptions.abort(message);
        return null;
    }

    /**
     * True in CI (env {@code CI=true}, or {@code -Ds3.required=true}): there a test that cannot run its
     * check for want of a tool (procfs, the {@code script} command) must fail, not skip.
     */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("s3.required");
    }

    /** A JDBC URL for LocalStack with the given extra {@code key=value&...} properties. */
    public static String jdbcUrl(String extra) {
        String base = "jdbc:s3inventory:?endpoint=" + endpoint() + "&pathStyleAccess=true&region=us-east-1"
                + "&user=test&password=test";
        return extra == null || extra.isEmpty() ? base : base + "&" + extra;
    }

    /**
     * A JDBC URL that acts as another LocalStack account: LocalStack takes a 12-digit access key id
     * as the account id, and each account sees only its own buckets (bucket names stay global).
     */
    public static String jdbcUrlForAccount(String accountId, String extra) {
        String base = "jdbc:s3inventory:?endpoint=" + endpoint() + "&pathStyleAccess=true&region=us-east-1"
                + "&user=" + accountId + "&password=test";
        return extra == null || extra.isEmpty() ? base : base + "&" + extra;
    }

    /** An SDK client acting as another LocalStack account (see {@link #jdbcUrlForAccount}). */
    public static S3Client sdkForAccount(String accountId, String region) {
        return CLIENTS.computeIfAbsent(accountId + "/" + region, k -> S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accountId, "test")))
                .build());
    }

    /** An SDK client for seeding and for reading back what S3 holds, independent of the driver. */
    public static S3Client sdk(String region) {
        return CLIENTS.computeIfAbsent(region, r -> S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build());
    }
}
