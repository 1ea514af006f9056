package dev.s3inventory.s3;

import dev.s3inventory.Errors;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Maps AWS SDK failures to {@link S3CallException}s with SQLStates from the product contract. */
final class S3Failures {
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "InvalidClientTokenId", "UnrecognizedClientException");
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AllAccessDisabled", "AccountProblem");
    private static final Set<String> BAD_REQUEST = Set.of("MalformedXML", "InvalidArgument", "InvalidS3DestinationBucket",
            "IdMismatch", "TooManyConfigurations", "InvalidBucketName");

    private S3Failures() {
    }

    /**
     * @param action what was being done, e.g. "listing inventory configurations of bucket 'logs'"
     * @param bucket the bucket concerned, or null
     */
    static S3CallException map(SdkException e, String action, String bucket, String endpoint) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            // A HEAD error or an unreadable error document has no code: match on the status alone then.
            String awsCode = service.awsErrorDetails().errorCode();
            String code = awsCode == null ? "" : awsCode;
            int status = service.statusCode();
            String detail = " (" + (code.isEmpty() ? "no error code" : code) + ", HTTP " + status + attempts(e) + ")";
            if (BAD_CREDENTIALS.contains(code)) {
                return new S3CallException("AWS rejected the credentials while " + action + detail
                        + ". Check user/password (access key id / secret key), sessionToken or profile", Errors.BAD_CREDENTIALS,
                        awsCode, bucket, e);
            }
            if (ACCESS_DENIED.contains(code) || status == 403) {
                return new S3CallException("Access denied while " + action + detail
                        + ". Grant s3:GetInventoryConfiguration / s3:PutInventoryConfiguration (and s3:ListAllMyBuckets) "
                        + "to these credentials, or narrow the query", Errors.ACCESS_DENIED, awsCode, bucket, e);
            }
            if ("NoSuchBucket".equals(code)) {
                return new S3CallException("Bucket '" + bucket + "' does not exist" + detail, Errors.BAD_VALUE, awsCode,
                        bucket, e);
            }
            if (BAD_REQUEST.contains(code) || status == 400) {
                return new S3CallException("S3 refused the request while " + action + detail + ": "
                        + service.awsErrorDetails().errorMessage(), Errors.BAD_VALUE, awsCode, bucket,
                        e);
            }
            return new S3CallException("S3 failed while " + action + detail + ": " + service.awsErrorDetails().errorMessage()
                    + ". Retry later; if it persists, check the endpoint and region", Errors.S3_ERROR, awsCode, bucket, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new S3CallException("S3 did not answer in time while " + action + ". Check the network or raise "
                    + "socketTimeoutSeconds", Errors.S3_ERROR, null, bucket, e);
        }
        if (hasCause(e, SocketTimeoutException.class) && !hasCause(e, ConnectTimeoutException.class)) {
            return new S3CallException("S3 did not answer within socketTimeoutSeconds while " + action + attempts(e)
                    + ". Check the network or raise socketTimeoutSeconds", Errors.S3_ERROR, null, bucket, e);
        }
        String message = String.valueOf(e.getMessage());
        // The default chain says "Unable to load credentials from any of the providers"; a named profile
        // without keys, "Profile file contained no credentials for profile 'x'".
        if (message.contains("Unable to load credentials") || message.contains("credentials")
                && (message.contains("provider") || message.contains("Profile file"))) {
            return new S3CallException("No AWS credentials found while " + action + ". Set user/password (access key id / "
                    + "secret key) or profile, or configure the AWS default credential chain (env vars, ~/.aws)",
                    Errors.BAD_CREDENTIALS, null, bucket, e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || hasCause(e, NoRouteToHostException.class) || hasCause(e, ConnectTimeoutException.class)) {
            return new S3CallException("Cannot reach S3" + (endpoint == null ? "" : " at " + endpoint) + " while " + action
                    + attempts(e) + ". Check the endpoint property and the network (connectTimeoutSeconds bounds each "
                    + "attempt)", Errors.UNREACHABLE, null, bucket, e);
        }
        if (hasCause(e, NoHttpResponseException.class) || hasCause(e, ConnectionClosedException.class)
                || S3Retries.isCutOffAnswer(e)) {
            return new S3CallException("S3 closed the connection without a complete answer while " + action + attempts(e)
                    + ". Retry later; if it persists, check proxies and the network", Errors.S3_ERROR, null, bucket, e);
        }
        return new S3CallException("S3 call failed while " + action + ": " + message, Errors.S3_ERROR, null, bucket, e);
    }

    /**
     * The connect-time check: a failure to get any answer within the probe's bounds means the
     * endpoint is unreachable (08001), whatever the network did (refused, dropped, silent).
     */
    static S3CallException mapAtConnect(SdkException e, String endpoint, Duration bound) {
        S3CallException mapped = map(e, "connecting", null, endpoint);
        boolean noAnswer = !(e instanceof AwsServiceException) && Errors.S3_ERROR.equals(mapped.getSQLState());
        if (!noAnswer) {
            return mapped;
        }
        return new S3CallException("S3" + (endpoint == null ? "" : " at " + endpoint) + " gave no usable answer within "
                + bound.toSeconds() + " s while connecting" + attempts(e) + ". Check the endpoint property and the network,"
                + " or raise loginTimeoutSeconds (or DriverManager.setLoginTimeout), connectTimeoutSeconds or"
                + " socketTimeoutSeconds", Errors.UNREACHABLE, null, null, e);
    }

    /** The exception class the contract names for a connect failure: 08001 and 28000 get their own. */
    static SQLException asConnectFailure(S3CallException e) {
        if (Errors.UNREACHABLE.equals(e.getSQLState())) {
            return Errors.unreachable(e.getMessage(), e.getCause());
        }
        if (Errors.BAD_CREDENTIALS.equals(e.getSQLState())) {
            return Errors.badCredentials(e.getMessage(), e.getCause());
        }
        return e;
    }

    private static String attempts(SdkException e) {
        Integer n = e.numAttempts();
        return n == null || n <= 1 ? "" : ", after " + n + " attempts";
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
