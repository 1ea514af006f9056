package dev.s3inventory.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP requests that pass through a {@link DelayingProxy}, by S3 operation, by reading
 * the client's byte stream as HTTP/1.1 (request line and headers, then a body of Content-Length
 * bytes or chunked). Path-style addressing is assumed (the first path segment is the bucket).
 */
public final class HttpRequestMeter {
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final List<String> listBucketsTargets = new CopyOnWriteArrayList<>();
    private final LongAdder connections = new LongAdder();

    /** Every request since the last {@link #reset()}. */
    public long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String operation) {
        LongAdder n = byOperation.get(operation);
        return n == null ? 0 : n.sum();
    }

    /** Counts by operation, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byOperation.forEach((k, v) -> {
            if (v.sum() > 0) {
                out.put(k, v.sum());
            }
        });
        return out;
    }

    /** Request targets of the ListBuckets calls (path and query), to check pushdown of prefix and region. */
    public List<String> listBucketsTargets() {
        return List.copyOf(listBucketsTargets);
    }

    /** TCP connections opened since the last {@link #reset()}: a client that reuses its connections opens none. */
    public long connections() {
        return connections.sum();
    }

    public void reset() {
        byOperation.clear();
        listBucketsTargets.clear();
        connections.reset();
    }

    /** A parser for a new connection's client-to-server bytes; {@code onRequest} runs for each request. */
    Parser newParser(Runnable onRequest) {
        connections.increment();
        return new Parser(onRequest);
    }

    private void record(String method, String target) {
        String operation = operation(method, target);
        byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (operation.equals("ListBuckets")) {
            listBucketsTargets.add(target);
        }
    }

    /** The S3 operation of a path-style request. */
    static String operation(String method, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        boolean service = path.equals("/") || path.isEmpty();
        boolean inventory = hasParam(query, "inventory");
        boolean id = hasParam(query, "id");
        return switch (method) {
            case "GET" -> service ? "ListBuckets"
                    : inventory ? (id ? "GetBucketInventoryConfiguration" : "ListBucketInventoryConfigurations")
                    : hasParam(query, "location") ? "GetBucketLocation" : "OtherGet";
            case "HEAD" -> "HeadBucket";
            case "PUT" -> inventory ? "PutBucketInventoryConfiguration" : query.isEmpty() ? "CreateBucket" : "OtherPut";
            case "DELETE" -> inventory ? "DeleteBucketInventoryConfiguration" : "OtherDelete";
            default -> "Other" + method;
        };
    }

    private static boolean hasParam(String query, String name) {
        for (String p : query.split("&")) {
            if (p.equals(name) || p.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one connection's client-to-server bytes; not thread-safe (one reader thread per connection). */
    final class Parser {
        private static final int CRLF_CRLF = 0x0d0a0d0a;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private long bodyLeft;
        private boolean chunked;
        private final ChunkedBody chunks = new ChunkedBody();
        /** The last four bytes of the head read so far; the head ends at CR LF CR LF. */
        private int last4;
        private final Runnable onRequest;

        Parser(Runnable onRequest) {
            this.onRequest = onRequest;
        }

        void feed(byte[] bytes, int length) {
            int i = 0;
            while (i < length) {
                if (bodyLeft > 0) {
                    int n = (int) Math.min(bodyLeft, length - i);
                    bodyLeft -= n;
                    i += n;
                } else if (chunked) {
                    i = chunks.skip(bytes, i, length);
                    chunked = !chunks.done();
                } else {
                    byte b = bytes[i++];
                    head.write(b);
                    last4 = (last4 << 8) | (b & 0xff);
                    if (last4 == CRLF_CRLF) {
                        parseHead(head.toString(StandardCharsets.ISO_8859_1));
                        head.reset();
                        last4 = 0;
                    }
                }
            }
        }

        private void parseHead(String text) {
            String[] lines = text.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length < 2) {
                return; // not HTTP; nothing to count
            }
            record(requestLine[0].toUpperCase(Locale.ROOT), requestLine[1]);
            onRequest.run();
            for (int k = 1; k < lines.length; k++) {
                String line = lines[k].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-length:")) {
                    bodyLeft = Long.parseLong(line.substring("content-length:".length()).trim());
                } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                    chunked = true;
                    chunks.reset();
                }
            }
        }
    }

    /** Skips a chunked body: size line, data, CRLF, ..., a zero-size chunk, trailers, blank line. */
    private static final class ChunkedBody {
        private final StringBuilder line = new StringBuilder();
        private long dataLeft;
        private boolean inTrailer;
        private boolean done;

        void reset() {
            line.setLength(0);
            dataLeft = 0;
            inTrailer = false;
            done = false;
        }

        boolean done() {
            return done;
        }

        int skip(byte[] bytes, int i, int length) {
            while (i < length && !done) {
                if (dataLeft > 0) {
                    int n = (int) Math.min(dataLeft, length - i);
                    dataLeft -= n;
                    i += n;
                    continue;
                }
                char c = (char) bytes[i++];
                if (c != '\n') {
                    if (c != '\r') {
                        line.append(c);
                    }
                    continue;
                }
                String l = line.toString().trim();
                line.setLength(0);
                if (inTrailer) {
                    done = l.isEmpty();
                } else if (!l.isEmpty()) {
                    int semicolon = l.indexOf(';');
                    long size = Long.parseLong(semicolon < 0 ? l : l.substring(0, semicolon), 16);
                    if (size == 0) {
                        inTrailer = true;
                    } else {
                        dataLeft = size + 2; // the data and its CRLF
                    }
                }
            }
            return i;
        }
    }
}
