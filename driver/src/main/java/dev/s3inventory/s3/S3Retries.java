package dev.s3inventory.s3;

import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * How the driver tunes the AWS SDK's retries (it does not replace them). The SDK's standard retry
 * strategy stays in charge: exponential backoff with jitter (base 100 ms, 1 s after throttling, at
 * most 20 s), the throttling and transient-error conditions it knows for S3 (503 SlowDown, 5xx,
 * I/O errors), and its retry quota, which stops retrying when a whole region keeps failing.
 * The driver changes three things:
 * <ul>
 *   <li>the mode is pinned to STANDARD, so that AWS_RETRY_MODE or a profile's retry_mode cannot make
 *       the driver behave differently from what its tests prove;</li>
 *   <li>more attempts ({@code maxAttempts}, default 8 instead of 3): a call that gives up costs a whole
 *       bucket's rows, and a fan-out over thousands of buckets makes thousands of calls, so a throttling
 *       storm must be outlasted, not survived on average;</li>
 *   <li>an answer cut off mid-body is retried too: the SDK reads it as an XML parse error, which its
 *       conditions (made for I/O errors) do not cover.</li>
 * </ul>
 */
final class S3Retries {
    /** The connect-time check gives up sooner: a wrong endpoint should be reported, not retried at length. */
    static final int PROBE_ATTEMPTS = 2;

    private S3Retries() {
    }

    static void configure(ClientOverrideConfiguration.Builder o, int maxAttempts) {
        // One strategy object: the override's mode, strategy and configurator setters replace each other.
        o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .retryOnException(S3Retries::isCutOffAnswer)
                .build());
    }

    /** A plugin for one request that lowers its attempts to {@code attempts}, the rest of the strategy unchanged. */
    static SdkPlugin attempts(int attempts) {
        return config -> {
            ClientOverrideConfiguration current = config.overrideConfiguration();
            config.overrideConfiguration(current.toBuilder().retryStrategy(current.retryStrategy()
                    .map(s -> s.toBuilder().maxAttempts(attempts).build()).orElse(null)).build());
        };
    }

    /**
     * An answer that ended before its document did: the XML reader saw the end of a body shorter
     * than its Content-Length, or an error document could not be read at all.
     */
    static boolean isCutOffAnswer(Throwable t) {
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() == null) {
            // An error document was announced but could not be read (a HEAD error has no body and no code).
            return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Content-Length")
                    .map(length -> !length.equals("0")).orElse(false);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof XMLStreamException) {
                return true;
            }
        }
        return false;
    }
}
