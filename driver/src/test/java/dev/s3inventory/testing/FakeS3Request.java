package dev.s3inventory.testing;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * One HTTP request received by {@link FakeS3Server}: parsed path-style address, S3 operation,
 * signing region, and the integrity checks S3 applies to a body.
 */
final class FakeS3Request {

    /** {@code Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request} in a SigV4 Authorization header. */
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/,\\s]+)/");

    /** A body whose digest does not match what the client declared. */
    record DigestError(String code, String message) {
    }

    final String requestId;
    final Instant receivedAt;
    final String method;
    final String path;
    /** First path segment, or {@code null} for service-level requests. */
    final String bucket;
    final Map<String, String> query;
    /** Names lower-cased. */
    final Map<String, List<String>> headers;
    final byte[] body;
    final String signingRegion;
    final String operation;

    private FakeS3Request(String requestId, String method, String path, Map<String, String> query,
                          Map<String, List<String>> headers, byte[] body) {
        this.requestId = requestId;
        this.receivedAt = Instant.now();
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        String trimmed = path.replaceAll("^/+|/+$", "");
        this.bucket = trimmed.isEmpty() ? null : trimmed.split("/", 2)[0];
        this.signingRegion = signingRegion(header("authorization"));
        this.operation = operation(method, bucket, trimmed.contains("/"), query);
    }

    static FakeS3Request parse(HttpExchange exchange, byte[] body, String requestId) {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new FakeS3Request(requestId, exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query,
                headers, body);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }

    /** The subset of S3's REST routing this server implements; everything else is "Unsupported". */
    private static String operation(String method, String bucket, boolean objectLevel, Map<String, String> query) {
        if (bucket == null) {
            return method.equals("GET") ? "ListBuckets" : "Unsupported";
        }
        if (objectLevel) {
            return "Unsupported";
        }
        if (query.containsKey("inventory")) {
            return switch (method) {
                case "GET" -> query.containsKey("id")
                        ? "GetBucketInventoryConfiguration" : "ListBucketInventoryConfigurations";
                case "PUT" -> "PutBucketInventoryConfiguration";
                case "DELETE" -> "DeleteBucketInventoryConfiguration";
                default -> "Unsupported";
            };
        }
        if (method.equals("HEAD") && query.isEmpty()) {
            return "HeadBucket";
        }
        if (method.equals("GET") && query.containsKey("location")) {
            return "GetBucketLocation";
        }
        return "Unsupported";
    }

    private static String signingRegion(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
        return m.find() ? m.group(1) : null;
    }

    /** First value of a header, by lower-case name, or {@code null}. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the body is framed with the {@code aws-chunked} encoding (a {@code STREAMING-*} payload hash). */
    boolean isAwsChunked() {
        String contentSha256 = header("x-amz-content-sha256");
        return contentSha256 != null && contentSha256.startsWith("STREAMING-");
    }

    /**
     * Checks the integrity values sent with the body, as S3 does. For PutBucketInventoryConfiguration
     * over plain HTTP, SDK 2.57 sends only {@code x-amz-content-sha256} (the hex SHA-256 of the signed
     * payload); Content-MD5 and {@code x-amz-checksum-*} are checked too in case a client adds them.
     * CRC64NVME has no JDK implementation and is accepted unchecked.
     */
    DigestError verifyDigests() {
        String contentSha256 = header("x-amz-content-sha256");
        if (contentSha256 != null && !contentSha256.equals("UNSIGNED-PAYLOAD")
                && !contentSha256.equalsIgnoreCase(HexFormat.of().formatHex(hash("SHA-256")))) {
            return new DigestError("XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        for (String name : List.of("content-md5", "x-amz-checksum-crc32", "x-amz-checksum-crc32c",
                "x-amz-checksum-sha1", "x-amz-checksum-sha256")) {
            String sent = header(name);
            if (sent == null) {
                continue;
            }
            String computed = switch (name) {
                case "content-md5" -> base64(hash("MD5"));
                case "x-amz-checksum-crc32" -> crc(new CRC32());
                case "x-amz-checksum-crc32c" -> crc(new CRC32C());
                case "x-amz-checksum-sha1" -> base64(hash("SHA-1"));
                default -> base64(hash("SHA-256"));
            };
            if (!computed.equals(sent)) {
                return new DigestError("BadDigest", "The " + name + " you specified did not match what we received.");
            }
        }
        return null;
    }

    private String crc(Checksum checksum) {
        checksum.update(body, 0, body.length);
        return base64(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
    }

    private byte[] hash(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    RecordedRequest record(int status, String errorCode) {
        return new RecordedRequest(operation, method, path, bucket, query, signingRegion, headers,
                status, errorCode, requestId, receivedAt);
    }
}
