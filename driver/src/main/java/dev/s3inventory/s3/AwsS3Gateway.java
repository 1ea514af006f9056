package dev.s3inventory.s3;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * {@link S3Gateway} over the AWS SDK for Java v2. One shared HTTP connection pool; one S3 client
 * per region, created on first use, so that every bucket is called in its own region (no redirect
 * round trips). Bucket regions learned from ListBuckets or HeadBucket are remembered.
 */
public final class AwsS3Gateway implements S3Gateway {
    private static final String FALLBACK_REGION = "us-east-1";
    /**
     * ListBuckets page size: the API's maximum, so an account of 10,000 buckets is listed in one round
     * trip instead of ten (docs/benchmarks.md). Asking for pages also makes S3 return each bucket's region.
     */
    private static final int BUCKETS_PAGE = 10_000;

    private static final RawXmlInterceptor RAW_XML = new RawXmlInterceptor();
    private static final S3CallLog CALL_LOG = new S3CallLog();
    private static final Logger LOG = LoggerFactory.getLogger(AwsS3Gateway.class);
    /** Third-party loggers that print request headers (and so a session token) or error texts at DEBUG. */
    private static final List<String> HEADER_LOGGERS = List.of(
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner",
            "software.amazon.awssdk.request", "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

    private final S3Settings settings;
    private final String defaultRegion;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final SecretScrubber scrubber;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();
    private final Map<String, String> bucketRegions = new ConcurrentHashMap<>();

    private AwsS3Gateway(S3Settings settings) {
        this.settings = settings;
        this.defaultRegion = resolveDefaultRegion(settings.region());
        this.http = InFlightCalls.tracking(Apache5HttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .build());
        this.credentials = credentialsProvider(settings);
        this.scrubber = new SecretScrubber(settings);
    }

    /** What {@link #open(S3Settings, Duration)} waits at most by default (the loginTimeoutSeconds default). */
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(10);

    /** {@link #open(S3Settings, Duration)} with the default login timeout. */
    public static AwsS3Gateway open(S3Settings settings) throws SQLException {
        return open(settings, DEFAULT_LOGIN_TIMEOUT);
    }

    /**
     * Opens a gateway and proves that the endpoint answers and accepts the credentials with one
     * small ListBuckets call. AccessDenied is accepted: credentials may be limited to some buckets.
     * The check gives up after {@code loginTimeout} (or one connect plus one read timeout, if less)
     * with 08001, aborting its request: a socket read blocked on a silent server ignores the SDK's
     * interrupt, an abort ends it.
     */
    public static AwsS3Gateway open(S3Settings settings, Duration loginTimeout) throws SQLException {
        AwsS3Gateway gateway = new AwsS3Gateway(settings);
        Duration bound = gateway.probeTimeout(loginTimeout);
        InFlightCalls probe = new InFlightCalls();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(probe::abortAll,
                CompletableFuture.delayedExecutor(bound.toMillis(), TimeUnit.MILLISECONDS));
        try (InFlightCalls.Binding ignored = probe.bind()) {
            gateway.client(gateway.defaultRegion).listBuckets(ListBucketsRequest.builder().maxBuckets(1)
                    .overrideConfiguration(o -> o.apiCallTimeout(bound)
                            .addPlugin(S3Retries.attempts(S3Retries.PROBE_ATTEMPTS)))
                    .build());
        } catch (SdkException e) {
            S3CallException mapped = gateway.scrubber.scrub(
                    S3Failures.mapAtConnect(e, gateway.endpointText(), bound));
            if (!dev.s3inventory.Errors.ACCESS_DENIED.equals(mapped.getSQLState())) {
                gateway.close();
                throw S3Failures.asConnectFailure(mapped);
            }
        } catch (RuntimeException e) {
            gateway.close();
            throw dev.s3inventory.Errors.internal("connecting to S3", e);
        } finally {
            deadline.cancel(false);
        }
        warnIfHeadersAreLogged(settings);
        LOG.debug("Connected to S3 at {}: region {}, {} attempts per call, connect/read timeouts {}/{}",
                gateway.endpointText() == null ? "AWS" : gateway.endpointText(), gateway.defaultRegion,
                settings.maxAttempts(), settings.connectTimeout(), settings.socketTimeout());
        return gateway;
    }

    /**
     * The driver never logs a secret, but the AWS SDK and the HTTP client print request headers and
     * servers' error texts at DEBUG, and with temporary credentials the headers carry the session
     * token. Say so, once per connection, when the host application has turned that logging on
     * (the -all jar silences it).
     */
    private static void warnIfHeadersAreLogged(S3Settings settings) {
        if (settings.sessionToken() == null) {
            return;
        }
        for (String name : HEADER_LOGGERS) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                LOG.warn("DEBUG logging of {} is on: the AWS SDK and the HTTP client print request headers at DEBUG, "
                        + "so the session token will appear in the log. Keep software.amazon.awssdk and org.apache.hc "
                        + "at INFO or above", name);
                return;
            }
        }
    }

    /**
     * The connect-time check is bounded: at most {@link S3Retries#PROBE_ATTEMPTS} attempts within the
     * login timeout, and never longer than one connect timeout plus one read timeout, however the
     * endpoint fails (refuses, drops or never answers).
     */
    private Duration probeTimeout(Duration loginTimeout) {
        Duration perAttempt = settings.connectTimeout().plus(settings.socketTimeout());
        return loginTimeout.compareTo(perAttempt) < 0 ? loginTimeout : perAttempt;
    }

    @Override
    public String defaultRegion() {
        return defaultRegion;
    }

    @Override
    public List<BucketInfo> listBuckets(String prefix, String region) throws SQLException {
        List<BucketInfo> buckets = new ArrayList<>();
        try {
            ListBucketsRequest request = ListBucketsRequest.builder()
                    .maxBuckets(BUCKETS_PAGE).prefix(prefix).bucketRegion(region).build();
            // S3 serves the bucket-region filter only at that region's endpoint (400 InvalidArgument elsewhere).
            for (ListBucketsResponse page : client(region == null ? defaultRegion : region).listBucketsPaginator(request)) {
                for (Bucket b : page.buckets()) {
                    String bucketRegion = b.bucketRegion();
                    if (bucketRegion == null || bucketRegion.isEmpty()) {
                        // S3-compatible stores may omit BucketRegion: use what an earlier HeadBucket
                        // learned, else leave it to the caller, who asks every such bucket in parallel.
                        bucketRegion = bucketRegions.get(b.name());
                    } else {
                        bucketRegions.put(b.name(), bucketRegion);
                    }
                    if (region != null && bucketRegion != null && !region.equals(bucketRegion)) {
                        continue; // a store that ignores bucket-region: filter here, as the contract says
                    }
                    buckets.add(new BucketInfo(b.name(), bucketRegion, b.creationDate()));
                }
            }
        } catch (SdkException e) {
            throw failure(e, "listing buckets", null);
        }
        return buckets;
    }

    @Override
    public Optional<String> bucketRegion(String bucket) throws SQLException {
        String known = bucketRegions.get(bucket);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            HeadBucketResponse head = client(defaultRegion).headBucket(b -> b.bucket(bucket));
            String region = head.bucketRegion() == null || head.bucketRegion().isEmpty() ? defaultRegion : head.bucketRegion();
            bucketRegions.put(bucket, region);
            return Optional.of(region);
        } catch (SdkException e) {
            if (e instanceof AwsServiceException answer) {
                if (answer.statusCode() == 404) {
                    return Optional.empty();
                }
                // A redirect or an error still names the bucket's region, which is all we asked.
                String redirected = answer.awsErrorDetails() == null ? null : answer.awsErrorDetails().sdkHttpResponse()
                        .firstMatchingHeader("x-amz-bucket-region").orElse(null);
                if (redirected != null) {
                    bucketRegions.put(bucket, redirected);
                    return Optional.of(redirected);
                }
            }
            throw failure(e, "looking up the region of bucket '" + bucket + "'", bucket);
        }
    }

    @Override
    public List<InventoryConfig> listConfigurations(String bucket, String region) throws SQLException {
        List<InventoryConfig> configs = new ArrayList<>();
        S3Client client = client(region);
        String token = null;
        try {
            // The SDK has no paginator for this operation: follow the continuation tokens ourselves.
            do {
                String continuation = token;
                ListBucketInventoryConfigurationsResponse page = client.listBucketInventoryConfigurations(
                        r -> r.bucket(bucket).continuationToken(continuation));
                for (InventoryConfiguration c : page.inventoryConfigurationList()) {
                    configs.add(InventoryJson.toRow(bucket, region, c));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw failure(e, "listing inventory configurations of bucket '" + bucket + "'", bucket);
        }
        return configs;
    }

    @Override
    public Optional<InventoryConfig> getConfiguration(String bucket, String region, String id) throws SQLException {
        return readConfiguration(bucket, id, () -> InventoryJson.toRow(bucket, region, client(region)
                .getBucketInventoryConfiguration(r -> r.bucket(bucket).id(id)).inventoryConfiguration()));
    }

    @Override
    public void putConfiguration(String bucket, String region, String id, String json) throws SQLException {
        InventoryConfiguration configuration = InventoryJson.fromJson(json);
        try {
            client(region).putBucketInventoryConfiguration(r -> r.bucket(bucket).id(id)
                    .inventoryConfiguration(configuration));
        } catch (SdkException e) {
            throw failure(e, "writing " + configuration(bucket, id), bucket);
        }
    }

    @Override
    public Optional<String> getConfigurationXml(String bucket, String region, String id) throws SQLException {
        RawXmlInterceptor.RawXml slot = new RawXmlInterceptor.RawXml(null);
        return readConfiguration(bucket, id, () -> {
            client(region).getBucketInventoryConfiguration(r -> r.bucket(bucket).id(id)
                    .overrideConfiguration(o -> o.putExecutionAttribute(RawXmlInterceptor.SLOT, slot)));
            return slot.responseBody();
        });
    }

    /** Runs a GetBucketInventoryConfiguration; NoSuchConfiguration means "no such configuration", not a failure. */
    private <T> Optional<T> readConfiguration(String bucket, String id, java.util.function.Supplier<T> call)
            throws SQLException {
        try {
            return Optional.ofNullable(call.get());
        } catch (SdkException e) {
            if (isNoSuchConfiguration(e)) {
                return Optional.empty();
            }
            throw failure(e, "reading " + configuration(bucket, id), bucket);
        }
    }

    @Override
    public void putConfigurationXml(String bucket, String region, String id, String xml) throws SQLException {
        RawXmlInterceptor.RawXml slot = new RawXmlInterceptor.RawXml(xml);
        try {
            // The model object only satisfies the marshaller; the interceptor sends the given XML as
            // the body. Its Format is invalid on purpose: were it ever sent, S3 would refuse it.
            InventoryConfiguration placeholder = InventoryConfiguration.builder().id(id).isEnabled(false)
                    .includedObjectVersions("All").schedule(sc -> sc.frequency("Daily"))
                    .destination(d -> d.s3BucketDestination(b -> b.bucket("arn:aws:s3:::placeholder").format("NotSent")))
                    .build();
            client(region).putBucketInventoryConfiguration(r -> r.bucket(bucket).id(id)
                    .inventoryConfiguration(placeholder)
                    .overrideConfiguration(o -> o.putExecutionAttribute(RawXmlInterceptor.SLOT, slot)));
        } catch (SdkException e) {
            throw failure(e, "writing " + configuration(bucket, id), bucket);
        }
    }

    @Override
    public boolean deleteConfiguration(String bucket, String region, String id) throws SQLException {
        try {
            client(region).deleteBucketInventoryConfiguration(r -> r.bucket(bucket).id(id));
            return true;
        } catch (SdkException e) {
            if (isNoSuchConfiguration(e)) {
                // After a retry, "no such configuration" most likely means that an earlier attempt
                // deleted it and only its answer was lost: the configuration is gone, as asked.
                return e.numAttempts() != null && e.numAttempts() > 1;
            }
            throw failure(e, "deleting " + configuration(bucket, id), bucket);
        }
    }

    /** S3's code for a missing configuration, and moto's server's (5.x), which names it differently. */
    private static final java.util.Set<String> NO_SUCH_CONFIGURATION = java.util.Set.of("NoSuchConfiguration",
            "NoSuchInventoryConfig");

    private static boolean isNoSuchConfiguration(SdkException e) {
        return e instanceof AwsServiceException answer && answer.awsErrorDetails() != null
                && NO_SUCH_CONFIGURATION.contains(answer.awsErrorDetails().errorCode());
    }

    private static String configuration(String bucket, String id) {
        return "inventory configuration '" + id + "' of bucket '" + bucket + "'";
    }

    @Override
    public void close() {
        LOG.debug("Closing the S3 gateway ({} regional clients)", clients.size());
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        });
        clients.clear();
        try {
            http.close();
        } catch (RuntimeException ignored) {
            // closing is best effort
        }
        // The gateway built its credentials provider (credentialsProvider below), so it owns it: the profile
        // and default-chain providers hold file watchers, caches and refresh threads that S3Client.close()
        // leaves alone (a client never closes a provider it was given).
        if (credentials instanceof SdkAutoCloseable owned) {
            try {
                owned.close();
            } catch (RuntimeException ignored) {
                // closing is best effort
            }
        }
    }

    private S3Client client(String region) {
        return clients.computeIfAbsent(region == null ? defaultRegion : region, r -> {
            var builder = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(r))
                    .credentialsProvider(credentials)
                    .forcePathStyle(settings.pathStyleAccess())
                    // A wrong region costs one redirect instead of a failure (e.g. a stale region guess).
                    .crossRegionAccessEnabled(true)
                    // Checksums only where S3 requires them: these are small XML documents, and
                    // S3-compatible stores do not all accept the newer checksum headers.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> {
                        o.addExecutionInterceptor(RAW_XML).addExecutionInterceptor(CALL_LOG);
                        S3Retries.configure(o, settings.maxAttempts());
                    });
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            return builder.build();
        });
    }

    /** Maps an SDK failure to its SQLException, with no secret in any message of its chain. */
    private S3CallException failure(SdkException e, String action, String bucket) {
        return scrubber.scrub(S3Failures.map(e, action, bucket, endpointText()));
    }

    private String endpointText() {
        return settings.endpoint() == null ? null : settings.endpoint().toString();
    }

    private static String resolveDefaultRegion(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException e) {
            return FALLBACK_REGION;
        }
    }

    private static AwsCredentialsProvider credentialsProvider(S3Settings s) {
        if (s.accessKeyId() != null && s.secretAccessKey() != null) {
            return StaticCredentialsProvider.create(s.sessionToken() == null
                    ? AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey())
                    : AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken()));
        }
        if (s.profile() != null) {
            return ProfileCredentialsProvider.create(s.profile());
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
