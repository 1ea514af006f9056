package dev.s3inventory.testing;

/**
 * One way for {@link FakeS3Server} to answer a request badly. Either an S3 error document
 * ({@link #error}), or damage to the transport itself, which the SDK sees as an I/O failure and
 * never as an S3 error:
 * <ul>
 *   <li>{@link #dropConnection()}: the request is processed, then the connection is closed without
 *       a byte of answer (the client reads end-of-stream where the status line should be: "the target
 *       server failed to respond"). Processing first is the harder case for writes: the change is made
 *       but its acknowledgement is lost, so the client's retry meets the changed state.</li>
 *   <li>{@link #truncateResponse()}: the request is processed and the answer's headers go out with the
 *       full {@code Content-Length}, then half of the body, then the connection is closed. An answer
 *       without a body (HEAD, Put, Delete) has nothing to cut: it is dropped instead.</li>
 *   <li>{@link #hang()}: the request is never answered (nor processed); it is held until the server
 *       closes.</li>
 * </ul>
 *
 * @param kind   what goes wrong
 * @param status HTTP status of an {@link Kind#ERROR}; 0 otherwise
 * @param code   S3 error code of an {@link Kind#ERROR}; for the others the pseudo code the request
 *               log records ({@code ConnectionDropped}, {@code ResponseTruncated})
 */
public record FakeS3Fault(Kind kind, int status, String code) {

    public enum Kind { ERROR, DROP, TRUNCATE, HANG, STALL }

    public static final String DROPPED = "ConnectionDropped";
    public static final String TRUNCATED = "ResponseTruncated";
    public static final String HUNG = "NeverAnswered";
    public static final String STALLED = "StalledMidBody";

    public static FakeS3Fault error(int status, String code) {
        return new FakeS3Fault(Kind.ERROR, status, code);
    }

    /** 503 SlowDown: S3's throttling answer. */
    public static FakeS3Fault slowDown() {
        return error(503, "SlowDown");
    }

    public static FakeS3Fault internalError() {
        return error(500, "InternalError");
    }

    public static FakeS3Fault dropConnection() {
        return new FakeS3Fault(Kind.DROP, 0, DROPPED);
    }

    public static FakeS3Fault truncateResponse() {
        return new FakeS3Fault(Kind.TRUNCATE, 0, TRUNCATED);
    }

    public static FakeS3Fault hang() {
        return new FakeS3Fault(Kind.HANG, 0, HUNG);
    }

    /** Headers and half the body are sent, then nothing more until the server closes. */
    public static FakeS3Fault stallMidBody() {
        return new FakeS3Fault(Kind.STALL, 0, STALLED);
    }

    /** Whether the request is still carried out (dropped and cut-off answers lose only the answer). */
    boolean processesRequest() {
        return kind == Kind.DROP || kind == Kind.TRUNCATE || kind == Kind.STALL;
    }

    /** The error document's Message, worded as S3 words it where S3 has a wording. */
    String message() {
        return switch (code) {
            case "SlowDown" -> "Please reduce your request rate.";
            case "InternalError" -> "We encountered an internal error. Please try again.";
            case "ServiceUnavailable" -> "Service is unable to handle request.";
            case "AccessDenied" -> "Access Denied";
            default -> "Injected fault " + code;
        };
    }

    @Override
    public String toString() {
        return kind == Kind.ERROR ? status + " " + code : code;
    }

    /** Every kind of fault, for tests that try them all. */
    public static java.util.List<FakeS3Fault> everyKind() {
        return java.util.List.of(slowDown(), internalError(), error(403, "AccessDenied"), dropConnection(),
                truncateResponse());
    }
}
