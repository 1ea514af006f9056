package dev.s3inventory.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.s3inventory.testing.FakeS3Xml.BucketEntry;
import dev.s3inventory.testing.FakeS3Xml.MalformedXmlException;
import dev.s3inventory.testing.FakeS3Xml.ParsedConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * An in-process HTTP server speaking the small part of the S3 REST/XML protocol the driver uses, for
 * the behaviours LocalStack cannot reproduce: inventory-list pagination, wrong-region redirects,
 * throttling and other S3 errors, per-bucket AccessDenied, slow or silent servers, and broken
 * transport (connections closed without an answer or in the middle of one; see {@link FakeS3Fault}).
 *
 * <p>Point the real SDK at it with {@code endpointOverride(server.endpoint())},
 * {@code forcePathStyle(true)} and any static credentials (or use {@link #clientBuilder(String)}).
 * Signatures are not verified; the region in the SigV4 credential scope is read, for
 * {@link #enforceRegions(boolean)} and the request log.
 *
 * <p>Operations: ListBuckets, HeadBucket, GetBucketLocation and List/Get/Put/DeleteBucketInventoryConfiguration.
 * Buckets are seeded through Java ({@link #addBucket}); configurations are stored as the raw XML
 * element they were put with, so elements the SDK or the driver does not know survive untouched.
 *
 * <p>Every method is thread-safe. Requests are answered concurrently on a pool of daemon threads.
 */
public final class FakeS3Server implements AutoCloseable {

    /** Real S3 returns at most 100 inventory configurations per page. */
    public static final int DEFAULT_LIST_PAGE_SIZE = 100;
    /** Real S3 answers ListBuckets with up to 10,000 buckets per page (max-buckets allows 1 to 10,000). */
    public static final int DEFAULT_BUCKETS_PAGE_SIZE = 10_000;
    /** S3 allows at most 1,000 inventory configurations per bucket. */
    public static final int MAX_CONFIGURATIONS_PER_BUCKET = 1000;
    /** The canonical user id in ListBuckets' Owner. */
    public static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";
    /** S3's x-amz-id-2 / HostId; a constant here. */
    private static final String HOST_ID = "ZmFrZS1zMy1ob3N0LWlk";

    static {
        // HttpServer flushes a response's headers and body as separate TCP segments; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK, adding ~40 ms to every
        // answer with a body. The JDK reads this property once, when its first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final URI endpoint;
    /** Counted down by {@link #close()}: releases hung requests and latency sleeps. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Set<String> deniedBuckets = ConcurrentHashMap.newKeySet();
    private final Set<String> hungBuckets = ConcurrentHashMap.newKeySet();
    private final FaultPlan faults = new FaultPlan();
    /** Guarded by itself. (Copy-on-write would turn long benchmark runs quadratic.) */
    private final List<RecordedRequest> log = new ArrayList<>();
    private final AtomicLong requestCounter = new AtomicLong();

    private volatile WrongRegion wrongRegion = WrongRegion.SERVE;
    private volatile boolean omitBucketRegion;
    private volatile boolean ignoreRegionFilter;
    private volatile boolean strictValidation;
    private volatile boolean echoTokenInErrors;
    private volatile String noSuchConfigurationCode = "NoSuchConfiguration";
    private volatile Duration latency = Duration.ZERO;
    private volatile int listPageSize = DEFAULT_LIST_PAGE_SIZE;
    private volatile int bucketsPageSize = DEFAULT_BUCKETS_PAGE_SIZE;

    /** Starts a server on 127.0.0.1 and an ephemeral port. */
    public FakeS3Server() {
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread t = new Thread(runnable, "fake-s3-" + threadNumber.incrementAndGet());
            t.setDaemon(true); // a hung request must never keep the JVM alive
            return t;
        });
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the fake S3 server", e);
        }
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
        endpoint = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** {@code http://127.0.0.1:<port>}. */
    /**
     * A JDBC URL of the driver against this server: path-style, region us-east-1, the test account,
     * then {@code extra} connection properties ({@code "k=v&k2=v2"}, with or without a leading '&';
     * null or empty for none).
     */
    public String jdbcUrl(String extra) {
        String base = "jdbc:s3inventory:?endpoint=" + endpoint() + "&pathStyleAccess=true&region=us-east-1"
                + "&user=test&password=test";
        return extra == null || extra.isEmpty() ? base : base + (extra.startsWith("&") ? extra : "&" + extra);
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * An SDK client builder aimed at this server: path-style, static credentials {@code test/test},
     * the Apache 5 HTTP client, and {@code region} as the client (signing) region.
     */
    public S3ClientBuilder clientBuilder(String region) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(Apache5HttpClient.builder());
    }

    /**
     * Stops the server. Requests held by {@link #hang(String)} or {@link #latency(Duration)} are
     * released and their connections dropped; this never waits more than a few seconds.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ seeding and inspection

    /** Adds (or replaces, dropping its configurations) a bucket created now. */
    public FakeS3Server addBucket(String name, String region) {
        return addBucket(name, region, Instant.now());
    }

    public FakeS3Server addBucket(String name, String region, Instant creationDate) {
        buckets.put(name, new Bucket(name, region, creationDate));
        return this;
    }

    public FakeS3Server removeBucket(String name) {
        buckets.remove(name);
        return this;
    }

    /**
     * Stores {@code xml} (an {@code InventoryConfiguration} element; an XML declaration is dropped)
     * verbatim under {@code id}, without any validation, overwriting an existing one.
     *
     * @throws IllegalArgumentException if the bucket was not added
     */
    public FakeS3Server putConfigurationXml(String bucket, String id, String xml) {
        requireBucket(bucket).configurations.put(id, FakeS3Xml.stripProlog(xml));
        return this;
    }

    /** The stored XML of a configuration, or {@code null} if there is none. */
    public String configurationXml(String bucket, String id) {
        return requireBucket(bucket).configurations.get(id);
    }

    /** Ids of a bucket's configurations, in S3's (sorted) order. */
    public List<String> configurationIds(String bucket) {
        return List.copyOf(requireBucket(bucket).configurations.keySet());
    }

    /** A small valid configuration (CSV, daily, SSE-S3, two optional fields) with the given id. */
    public static String sampleConfigurationXml(String id) {
        return "<InventoryConfiguration xmlns=\"" + FakeS3Xml.NAMESPACE + "\">"
                + "<Destination><S3BucketDestination>"
                + "<AccountId>123456789012</AccountId>"
                + "<Bucket>arn:aws:s3:::inventory-destination</Bucket>"
                + "<Format>CSV</Format>"
                + "<Prefix>reports</Prefix>"
                + "<Encryption><SSE-S3/></Encryption>"
                + "</S3BucketDestination></Destination>"
                + "<IsEnabled>true</IsEnabled>"
                + "<Filter><Prefix>data/</Prefix></Filter>"
                + "<Id>" + FakeS3Xml.escape(id) + "</Id>"
                + "<IncludedObjectVersions>Current</IncludedObjectVersions>"
                + "<OptionalFields><Field>Size</Field><Field>ETag</Field></OptionalFields>"
                + "<Schedule><Frequency>Daily</Frequency></Schedule>"
                + "</InventoryConfiguration>";
    }

    private Bucket requireBucket(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw new IllegalArgumentException("no such bucket on the fake S3 server: " + name);
        }
        return bucket;
    }

    // ------------------------------------------------------------------ fault injection

    /** Every request on the bucket (HeadBucket included) answers 403 AccessDenied. */
    public FakeS3Server denyAccess(String bucket) {
        deniedBuckets.add(bucket);
        return this;
    }

    public FakeS3Server allowAccess(String bucket) {
        deniedBuckets.remove(bucket);
        return this;
    }

    /**
     * When on, a bucket-level request signed for another region than the bucket's answers
     * {@code 301 PermanentRedirect} with an {@code x-amz-bucket-region} header, as real S3 does.
     * GetBucketLocation is exempt (S3 answers it from any region).
     */
    public FakeS3Server enforceRegions(boolean enforce) {
        return wrongRegion(enforce ? WrongRegion.PERMANENT_REDIRECT : WrongRegion.SERVE);
    }

    /** How a bucket-level request signed for another region than the bucket's is answered. */
    public enum WrongRegion {
        /** Served as if the region were right (LocalStack's behaviour). */
        SERVE,
        /** {@code 301 PermanentRedirect} with {@code x-amz-bucket-region}, as S3 answers in most regions. */
        PERMANENT_REDIRECT,
        /**
         * {@code 400 AuthorizationHeaderMalformed} with {@code x-amz-bucket-region} and a {@code Region}
         * element, as S3 answers in newer regions. The SDK's cross-region client does not follow it.
         */
        AUTHORIZATION_HEADER_MALFORMED
    }

    public FakeS3Server wrongRegion(WrongRegion answer) {
        this.wrongRegion = answer;
        return this;
    }

    /**
     * When on, ListBuckets leaves out {@code BucketRegion}, as S3-compatible stores and older S3
     * answers do; clients must then learn each bucket's region some other way.
     */
    public FakeS3Server omitBucketRegion(boolean omit) {
        this.omitBucketRegion = omit;
        return this;
    }

    /**
     * The error code of a missing inventory configuration: S3 says {@code NoSuchConfiguration}, moto's
     * server (5.x) {@code NoSuchInventoryConfig}.
     */
    public FakeS3Server noSuchConfigurationCode(String code) {
        this.noSuchConfigurationCode = code;
        return this;
    }

    /** When on, ListBuckets ignores {@code bucket-region} and lists every bucket, as some S3-compatible stores do. */
    public FakeS3Server ignoreRegionFilter(boolean ignore) {
        this.ignoreRegionFilter = ignore;
        return this;
    }

    /**
     * When on, PutBucketInventoryConfiguration checks the document as S3 does (enums, destination
     * ARN, optional field names, the KMS key of SSE-KMS) and refuses a bad one with 400
     * {@code MalformedXML} or {@code InvalidS3DestinationBucket}. Off by default, so that tests can
     * store documents with fields from the future.
     */
    public FakeS3Server strictValidation(boolean strict) {
        this.strictValidation = strict;
        return this;
    }

    /**
     * When on, every error Message quotes the request's {@code x-amz-security-token}, as a careless
     * S3-compatible store might: for proving that clients never show error messages unfiltered.
     */
    public FakeS3Server echoTokenInErrors(boolean echo) {
        this.echoTokenInErrors = echo;
        return this;
    }

    /**
     * Answers {@code 503 SlowDown} to the given share of requests, spread evenly and deterministically:
     * request <i>n</i> (counted from this call) is throttled when {@code floor(n*f) > floor((n-1)*f)},
     * so 0.25 throttles every 4th request. {@code 0} turns it off. With a share above 0.5 a single
     * client's retry can be throttled again.
     */
    public FakeS3Server throttle(double fraction) {
        return failEvenly(FakeS3Fault.slowDown(), fraction);
    }

    /**
     * Gives this share of requests the fault, spread as {@link #throttle(double)} spreads throttling
     * (which it replaces: one spread fault at a time).
     */
    public FakeS3Server failEvenly(FakeS3Fault fault, double fraction) {
        faults.spread(fault, fraction);
        return this;
    }

    /** The next {@code n} requests (after faults scheduled earlier) answer {@code 503 SlowDown}. */
    public FakeS3Server throttleNext(int n) {
        return failNext(FakeS3Fault.slowDown(), n);
    }

    /** The next {@code n} requests (after faults scheduled earlier) answer this status and error code. */
    public FakeS3Server failNext(int status, String code, int n) {
        return failNext(FakeS3Fault.error(status, code), n);
    }

    /** The next {@code n} requests (after faults scheduled earlier) get the fault. */
    public FakeS3Server failNext(FakeS3Fault fault, int n) {
        faults.scheduleNext(fault, n);
        return this;
    }

    /**
     * Every request on the bucket gets the fault (after the region check, like {@link #denyAccess});
     * {@code null} removes it.
     */
    public FakeS3Server failBucket(String bucket, FakeS3Fault fault) {
        faults.onBucket(bucket, fault);
        return this;
    }

    /**
     * Every bucket-level request of the operation (e.g. {@code "PutBucketInventoryConfiguration"})
     * gets the fault, unless its bucket has one of its own; {@code null} removes it.
     */
    public FakeS3Server failOperation(String operation, FakeS3Fault fault) {
        faults.onOperation(operation, fault);
        return this;
    }

    /** Every request waits this long before it is answered ({@code Duration.ZERO} turns it off). */
    public FakeS3Server latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Requests on the bucket are never answered; they are held until {@link #close()}. */
    public FakeS3Server hang(String bucket) {
        hungBuckets.add(bucket);
        return this;
    }

    /**
     * Removes every injected fault: denied, failing and hung buckets, scheduled and spread faults,
     * latency, region checks. (Answer shapes such as {@link #omitBucketRegion} stay.)
     */
    public FakeS3Server clearFaults() {
        deniedBuckets.clear();
        hungBuckets.clear();
        faults.clear();
        latency = Duration.ZERO;
        wrongRegion = WrongRegion.SERVE;
        return this;
    }

    /** Page size of ListBucketInventoryConfigurations (default 100, as on real S3). */
    public FakeS3Server listPageSize(int size) {
        this.listPageSize = positive(size);
        return this;
    }

    /** Largest ListBuckets page, whatever {@code max-buckets} asks for (default 10,000, as on real S3). */
    public FakeS3Server bucketsPageSize(int size) {
        this.bucketsPageSize = positive(size);
        return this;
    }

    private static int positive(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive: " + size);
        }
        return size;
    }

    // ------------------------------------------------------------------ request log

    /** Every request so far, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** How many requests were made for the operation, failed and retried attempts included. */
    public long count(String operation) {
        return requests().stream().filter(r -> r.operation().equals(operation)).count();
    }

    public int totalRequests() {
        synchronized (log) {
            return log.size();
        }
    }

    public FakeS3Server resetLog() {
        synchronized (log) {
            log.clear();
        }
        return this;
    }

    private void record(RecordedRequest request) {
        synchronized (log) {
            log.add(request);
        }
    }

    // ------------------------------------------------------------------ HTTP handling

    private void handle(HttpExchange exchange) {
        try {
            // Read the whole body first: an unread body would break keep-alive for the next request.
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = String.format(Locale.ROOT, "FAKE%012X", requestCounter.incrementAndGet());
            FakeS3Request request = FakeS3Request.parse(exchange, body, requestId);

            if (request.bucket != null && hungBuckets.contains(request.bucket)) {
                record(request.record(0, null));
                closing.await(); // until close(); then the connection is dropped without an answer
                return;
            }
            Response response;
            try {
                response = answer(request);
            } catch (RuntimeException e) {
                response = error(500, "InternalError", "Fake S3 server failure: " + e);
            }
            if (echoTokenInErrors && response.error != null) {
                response = response.withMessage(response.error.message + " (request token: "
                        + request.header("x-amz-security-token") + ")");
            }
            record(request.record(response.delivery != null && response.delivery.kind() != FakeS3Fault.Kind.TRUNCATE
                    ? 0 : response.status, response.delivery != null ? response.delivery.code()
                    : response.error == null ? null : response.error.code));

            Duration wait = latency;
            if (!wait.isZero() && closing.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return; // closed while waiting
            }
            if (response.delivery == null) {
                send(exchange, request, response);
            } else if (response.delivery.kind() == FakeS3Fault.Kind.HANG) {
                closing.await(); // until close(); then the connection is dropped without an answer
            } else if (response.delivery.kind() == FakeS3Fault.Kind.TRUNCATE && !request.method.equals("HEAD")
                    && (response.body != null || response.error != null)) {
                sendTruncated(exchange, request, response);
            } else if (response.delivery.kind() == FakeS3Fault.Kind.STALL && !request.method.equals("HEAD")
                    && (response.body != null || response.error != null)) {
                sendTruncated(exchange, request, response);
                closing.await(); // the rest never comes
            }
            // else dropped: closing an exchange whose headers were never sent closes the connection.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away: nobody to answer.
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, FakeS3Request request, Response response) throws IOException {
        String text = setHeadersAndRender(exchange, request, response);
        if (text == null || request.method.equals("HEAD")) {
            // S3 answers HEAD errors with headers only. -1 means no body (0 would mean chunked).
            exchange.sendResponseHeaders(response.status, -1);
        } else {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(response.status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /**
     * Announces the whole answer, sends half of it and lets the caller close the exchange: the JDK
     * server then finds the body short of its Content-Length and closes the connection.
     */
    private static void sendTruncated(HttpExchange exchange, FakeS3Request request, Response response)
            throws IOException {
        String text = setHeadersAndRender(exchange, request, response);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(response.status, bytes.length);
        exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
        exchange.getResponseBody().flush();
    }

    private static String setHeadersAndRender(HttpExchange exchange, FakeS3Request request, Response response) {
        var headers = exchange.getResponseHeaders();
        headers.set("x-amz-request-id", request.requestId);
        headers.set("x-amz-id-2", HOST_ID);
        headers.set("Server", "AmazonS3");
        response.headers.forEach(headers::set);
        return response.error == null ? response.body
                : FakeS3Xml.error(response.error.code, response.error.message, response.error.extra,
                        request.requestId, HOST_ID);
    }

    // ------------------------------------------------------------------ operations

    private Response answer(FakeS3Request request) {
        FakeS3Fault fault = faults.next();
        if (fault != null && !fault.processesRequest()) {
            return error(fault, request);
        }
        Response response = route(request);
        return fault == null ? response : response.deliveredWith(fault);
    }

    private Response route(FakeS3Request request) {
        if (request.operation.equals("ListBuckets")) {
            return listBuckets(request);
        }
        if (request.bucket == null || request.operation.equals("Unsupported")) {
            return error(501, "NotImplemented",
                    "A header or query you provided implies functionality that is not implemented");
        }

        Bucket bucket = buckets.get(request.bucket);
        if (bucket == null) {
            if (deniedBuckets.contains(request.bucket)) {
                return accessDenied(request, null);
            }
            return error(404, "NoSuchBucket", "The specified bucket does not exist",
                    Map.of("BucketName", request.bucket));
        }
        // S3 checks the region before authorization: a wrong-region request is redirected even when
        // the caller has no access to the bucket.
        WrongRegion regionCheck = wrongRegion;
        if (regionCheck != WrongRegion.SERVE && !request.operation.equals("GetBucketLocation")
                && !bucket.region.equals(request.signingRegion)) {
            return regionCheck == WrongRegion.PERMANENT_REDIRECT ? permanentRedirect(bucket)
                    : authorizationHeaderMalformed(bucket, request.signingRegion);
        }
        if (deniedBuckets.contains(bucket.name)) {
            return accessDenied(request, bucket);
        }
        FakeS3Fault bucketFault = faults.forBucket(bucket.name, request.operation);
        if (bucketFault != null && !bucketFault.processesRequest()) {
            return error(bucketFault, request);
        }
        Response response = operate(request, bucket);
        return bucketFault == null ? response : response.deliveredWith(bucketFault);
    }

    private Response operate(FakeS3Request request, Bucket bucket) {
        return switch (request.operation) {
            case "HeadBucket" -> noContent(200).withHeader("x-amz-bucket-region", bucket.region);
            case "GetBucketLocation" -> ok(FakeS3Xml.location(bucket.region));
            case "ListBucketInventoryConfigurations" -> listConfigurations(request, bucket);
            case "GetBucketInventoryConfiguration" -> getConfiguration(request, bucket);
            case "PutBucketInventoryConfiguration" -> putConfiguration(request, bucket);
            case "DeleteBucketInventoryConfiguration" -> deleteConfiguration(request, bucket);
            default -> throw new IllegalStateException("unrouted operation " + request.operation);
        };
    }

    private Response listBuckets(FakeS3Request request) {
        int pageSize = bucketsPageSize;
        String maxBuckets = request.query.get("max-buckets");
        if (maxBuckets != null) {
            int requested;
            try {
                requested = Integer.parseInt(maxBuckets);
            } catch (NumberFormatException e) {
                requested = -1;
            }
            if (requested < 1 || requested > 10_000) {
                return error(400, "InvalidArgument", "Argument max-buckets must be an integer between 1 and 10000",
                        Map.of("ArgumentName", "max-buckets", "ArgumentValue", maxBuckets));
            }
            pageSize = Math.min(pageSize, requested);
        }
        String prefix = request.query.get("prefix");
        String region = ignoreRegionFilter ? null : request.query.get("bucket-region");
        if (region != null && !region.equals(request.signingRegion)) {
            // S3 serves the bucket-region filter only at that region's endpoint (signed for it).
            return error(400, "InvalidArgument", "Requests with bucket-region specified must be made to the "
                    + "corresponding regional endpoint", Map.of("ArgumentName", "bucket-region"));
        }
        String token = request.query.get("continuation-token");
        String after;
        try {
            after = token == null ? null : ContinuationToken.decode(token);
        } catch (IllegalArgumentException e) {
            return invalidToken(token);
        }

        NavigableMap<String, Bucket> sorted = new ConcurrentSkipListMap<>(buckets);
        List<BucketEntry> page = new ArrayList<>();
        String next = null;
        for (Bucket b : (after == null ? sorted : sorted.tailMap(after, false)).values()) {
            if ((prefix != null && !b.name.startsWith(prefix)) || (region != null && !region.equals(b.region))) {
                continue;
            }
            if (page.size() == pageSize) {
                next = ContinuationToken.encode(page.get(page.size() - 1).name());
                break;
            }
            page.add(new BucketEntry(b.name, omitBucketRegion ? null : b.region, b.creationDate));
        }
        return ok(FakeS3Xml.listBuckets(page, OWNER_ID, next, prefix));
    }

    private Response listConfigurations(FakeS3Request request, Bucket bucket) {
        String token = request.query.get("continuation-token");
        String after;
        try {
            after = token == null ? null : ContinuationToken.decode(token);
        } catch (IllegalArgumentException e) {
            return invalidToken(token);
        }
        NavigableMap<String, String> remaining =
                after == null ? bucket.configurations : bucket.configurations.tailMap(after, false);
        int pageSize = listPageSize;
        List<String> page = new ArrayList<>();
        String lastId = null;
        String next = null;
        for (Map.Entry<String, String> e : remaining.entrySet()) {
            if (page.size() == pageSize) {
                next = ContinuationToken.encode(lastId);
                break;
            }
            page.add(e.getValue());
            lastId = e.getKey();
        }
        return ok(FakeS3Xml.listConfigurations(page, token, next));
    }

    private Response getConfiguration(FakeS3Request request, Bucket bucket) {
        String xml = bucket.configurations.get(request.query.getOrDefault("id", ""));
        return xml == null ? noSuchConfiguration() : ok(FakeS3Xml.configurationDocument(xml));
    }

    private Response putConfiguration(FakeS3Request request, Bucket bucket) {
        String id = request.query.get("id");
        if (id == null || id.isEmpty()) {
            return error(400, "InvalidArgument", "Missing required parameter: id", Map.of("ArgumentName", "id"));
        }
        if (request.isAwsChunked()) {
            // The SDK does not use aws-chunked framing for this operation (see FakeS3ServerTest); fail loudly
            // rather than store the framing as if it were the document.
            return error(501, "NotImplemented", "The fake S3 server does not decode aws-chunked bodies");
        }
        FakeS3Request.DigestError digestError = request.verifyDigests();
        if (digestError != null) {
            return error(400, digestError.code(), digestError.message());
        }
        ParsedConfiguration parsed;
        try {
            parsed = FakeS3Xml.parseConfiguration(request.body);
            if (strictValidation) {
                FakeS3Validation.check(request.body);
            }
        } catch (MalformedXmlException e) {
            return error(400, "MalformedXML", e.getMessage());
        } catch (FakeS3Validation.Refused e) {
            return error(400, e.code, e.getMessage());
        }
        if (!parsed.id().equals(id)) {
            return error(400, "IdMismatch", "Document ID does not match the specified configuration ID.");
        }
        synchronized (bucket) { // make the limit check and the insert one step
            if (!bucket.configurations.containsKey(id)
                    && bucket.configurations.size() >= MAX_CONFIGURATIONS_PER_BUCKET) {
                return error(400, "TooManyConfigurations", "You are attempting to create a new configuration but"
                        + " have already reached the 1,000-configuration limit.");
            }
            bucket.configurations.put(id, parsed.rawElement());
        }
        return noContent(200);
    }

    private Response deleteConfiguration(FakeS3Request request, Bucket bucket) {
        String removed = bucket.configurations.remove(request.query.getOrDefault("id", ""));
        return removed == null ? noSuchConfiguration() : noContent(204);
    }

    // ------------------------------------------------------------------ answers

    private static Response ok(String xml) {
        return new Response(200, Map.of(), xml, null, null);
    }

    private static Response noContent(int status) {
        return new Response(status, Map.of(), null, null, null);
    }

    /**
     * A fault that leaves the request undone: held forever, or answered with S3's error document.
     * For SignatureDoesNotMatch, S3 echoes what it signed, session token included (it is a signed
     * header): a client must never show that body to anyone.
     */
    private static Response error(FakeS3Fault fault, FakeS3Request request) {
        if (fault.kind() == FakeS3Fault.Kind.HANG) {
            return noContent(0).deliveredWith(fault);
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (fault.code().equals("SignatureDoesNotMatch")) {
            StringBuilder canonical = new StringBuilder(request.method).append('\n').append(request.path).append('\n');
            request.headers.forEach((name, values) -> canonical.append(name).append(':')
                    .append(String.join(",", values)).append('\n'));
            extra.put("AWSAccessKeyId", "echoed");
            extra.put("StringToSign", "AWS4-HMAC-SHA256\n" + request.header("x-amz-date"));
            extra.put("CanonicalRequest", canonical.toString());
        }
        return error(fault.status(), fault.code(), fault.message(), extra);
    }

    private static Response error(int status, String code, String message) {
        return error(status, code, message, Map.of());
    }

    private static Response error(int status, String code, String message, Map<String, String> extra) {
        return new Response(status, Map.of(), null, new S3Error(code, message, extra), null);
    }

    private Response noSuchConfiguration() {
        return error(404, noSuchConfigurationCode, "The specified configuration does not exist.");
    }

    private static Response invalidToken(String token) {
        return error(400, "InvalidArgument", "The continuation token provided is incorrect",
                Map.of("ArgumentName", "continuation-token", "ArgumentValue", token));
    }

    /**
     * Real S3 always tells a HeadBucket caller the bucket's region, access or not. (The SDK's
     * cross-region client takes that header for a redirect and retries once, signed for that region.)
     */
    private static Response accessDenied(FakeS3Request request, Bucket bucket) {
        Response denied = error(403, "AccessDenied", "Access Denied");
        return bucket != null && request.method.equals("HEAD")
                ? denied.withHeader("x-amz-bucket-region", bucket.region) : denied;
    }

    /**
     * What S3 answers a request signed for the wrong region. The SDK's {@code crossRegionAccessEnabled}
     * client reads the {@code x-amz-bucket-region} header and repeats the request signed for that
     * region (without the header it would first ask HeadBucket).
     */
    private static Response permanentRedirect(Bucket bucket) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Endpoint", bucket.name + ".s3." + bucket.region + ".amazonaws.com");
        extra.put("Bucket", bucket.name);
        return error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed using"
                + " the specified endpoint. Please send all future requests to this endpoint.", extra)
                .withHeader("x-amz-bucket-region", bucket.region);
    }

    /**
     * What S3 answers, in newer regions, a request signed for the wrong region. The SDK's
     * cross-region client does not treat it as a redirect; a client must read the region itself.
     */
    private static Response authorizationHeaderMalformed(Bucket bucket, String signingRegion) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Region", bucket.region);
        return error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the region '"
                + signingRegion + "' is wrong; expecting '" + bucket.region + "'", extra)
                .withHeader("x-amz-bucket-region", bucket.region);
    }

    // ------------------------------------------------------------------ internal types

    private static final class Bucket {
        final String name;
        final String region;
        final Instant creationDate;
        /** Id → configuration XML as stored; sorted, because S3 lists configurations by Id. */
        final ConcurrentSkipListMap<String, String> configurations = new ConcurrentSkipListMap<>();

        Bucket(String name, String region, Instant creationDate) {
            this.name = name;
            this.region = region;
            this.creationDate = creationDate;
        }
    }

    /**
     * An answer: an XML {@code body} (or {@code null} for none), or an {@code error}, rendered as S3's
     * error document (with the request id) when sent, unless the request was a HEAD. A
     * {@code delivery} fault (drop, truncate) spoils the sending; null sends it whole.
     */
    private record Response(int status, Map<String, String> headers, String body, S3Error error,
                            FakeS3Fault delivery) {
        Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body, error, delivery);
        }

        Response deliveredWith(FakeS3Fault fault) {
            return new Response(status, headers, body, error, fault);
        }

        Response withMessage(String message) {
            return new Response(status, headers, body, new S3Error(error.code, message, error.extra), delivery);
        }
    }

    /** An S3 error; {@code extra} elements follow Message in the error document. */
    private record S3Error(String code, String message, Map<String, String> extra) {
    }

    /** Continuation tokens are opaque to clients; ours carry the last key of the previous page. */
    private static final class ContinuationToken {
        private static final String VERSION = "fake1:";

        static String encode(String lastKey) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((VERSION + lastKey).getBytes(StandardCharsets.UTF_8));
        }

        static String decode(String token) {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("not a token of this server");
            }
            return text.substring(VERSION.length());
        }
    }
}
