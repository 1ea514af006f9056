package dev.s3inventory.s3;

import dev.s3inventory.Errors;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
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
            String code = service.awsErrorDetails().errorCode();
            int status = service.statusCode();
            String detail = " (" + code + ", HTTP " + status + ")";
            if (BAD_CREDENTIALS.contains(code)) {
                return new S3CallException("AWS rejected the credentials while " + action + detail
                        + ". Check user/password (access key id / secret key), sessionToken or profile", Errors.BAD_CREDENTIALS,
                        code, bucket, e);
            }
            if (ACCESS_DENIED.contains(code) || status == 403) {
                return new S3CallException("Access denied while " + action + detail
                        + ". Grant s3:GetInventoryConfiguration / s3:PutInventoryConfiguration (and s3:ListAllMyBuckets) "
                        + "to these credentials, or narrow the query", Errors.ACCESS_DENIED, code, bucket, e);
            }
            if ("NoSuchBucket".equals(code)) {
                return new S3CallException("Bucket '" + bucket + "' does not exist" + detail, Errors.BAD_VALUE, code,
                        bucket, e);
            }
            if (BAD_REQUEST.contains(code) || status == 400) {
                return new S3CallException("S3 refused the request while " + action + detail + ": "
                        + service.awsErrorDetails().errorMessage(), Errors.BAD_VALUE, code, bucket, e);
            }
            return new S3CallException("S3 failed while " + action + detail + ": " + service.awsErrorDetails().errorMessage()
                    + ". Retry later; if it persists, check the endpoint and region", Errors.S3_ERROR, code, bucket, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new S3CallException("S3 did not answer in time while " + action + ". Check the network or raise "
                    + "socketTimeoutSeconds", Errors.S3_ERROR, null, bucket, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("credentials")
                && message.contains("provider")) {
            return new S3CallException("No AWS credentials found while " + action + ". Set user/password (access key id / "
                    + "secret key) or profile, or configure the AWS default credential chain (env vars, ~/.aws)",
                    Errors.BAD_CREDENTIALS, null, bucket, e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || hasCause(e, NoRouteToHostException.class)) {
            return new S3CallException("Cannot reach S3" + (endpoint == null ? "" : " at " + endpoint) + " while " + action
                    + ". Check the endpoint property and the network", Errors.UNREACHABLE, null, bucket, e);
        }
        return new S3CallException("S3 call failed while " + action + ": " + message, Errors.S3_ERROR, null, bucket, e);
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
