package dev.s3inventory.testing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as {@link FakeS3Server} saw it, with the answer it chose.
 *
 * @param operation     S3 operation name, e.g. {@code "ListBucketInventoryConfigurations"}, or
 *                      {@code "Unsupported"} for anything the server does not implement
 * @param method        HTTP method ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}, ...)
 * @param path          decoded request path, e.g. {@code /my-bucket}
 * @param bucket        bucket named by the path, or {@code null} for service-level requests ({@code GET /})
 * @param query         decoded query parameters; a parameter without a value ({@code ?inventory})
 *                      maps to {@code ""}
 * @param signingRegion region from the SigV4 credential scope of the {@code Authorization} header, or
 *                      {@code null} for an unsigned request
 * @param headers       request headers, names lower-cased
 * @param status        HTTP status answered, or {@code 0} when the request was deliberately never answered
 *                      ({@link FakeS3Server#hang(String)})
 * @param errorCode     S3 error code answered (e.g. {@code "SlowDown"}), or {@code null} on success
 * @param requestId     the {@code x-amz-request-id} of the answer (also in S3 error bodies)
 * @param receivedAt    when the request arrived
 */
public record RecordedRequest(
        String operation,
        String method,
        String path,
        String bucket,
        Map<String, String> query,
        String signingRegion,
        Map<String, List<String>> headers,
        int status,
        String errorCode,
        String requestId,
        Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** First value of a request header (name compared case-insensitively), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the query string carried the parameter, with or without a value. */
    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }
}
