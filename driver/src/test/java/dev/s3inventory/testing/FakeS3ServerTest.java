package dev.s3inventory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.InventoryOptionalField;
import software.amazon.awssdk.services.s3.model.ListBucketInventoryConfigurationsResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Proves every feature of {@link FakeS3Server} through the real AWS SDK {@link S3Client} talking HTTP
 * to it: what is asserted here is what the driver's tests may rely on.
 */
class FakeS3ServerTest {

    private FakeS3Server server;
    private S3Client s3;

    @BeforeEach
    void start() {
        server = new FakeS3Server();
        s3 = server.clientBuilder("us-east-1").build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.close();
    }

    // ------------------------------------------------------------------ inventory listing

    @Test
    void listsInventoryConfigurationsInPagesOf100SortedById() {
        server.addBucket("big", "us-east-1");
        List<String> ids = IntStream.range(0, 250).mapToObj(i -> String.format("cfg-%03d", i))
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(42)); // insertion order must not matter
        shuffled.forEach(id -> server.putConfigurationXml("big", id, FakeS3Server.sampleConfigurationXml(id)));

        List<List<String>> pages = new ArrayList<>();
        List<ListBucketInventoryConfigurationsResponse> responses = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListBucketInventoryConfigurationsResponse page =
                    s3.listBucketInventoryConfigurations(r -> r.bucket("big").continuationToken(current));
            responses.add(page);
            pages.add(page.inventoryConfigurationList().stream().map(InventoryConfiguration::id).toList());
            token = page.nextContinuationToken();
        } while (token != null);

        assertEquals(List.of(100, 100, 50), pages.stream().map(List::size).toList());
        assertEquals(ids, pages.stream().flatMap(List::stream).toList());
        assertEquals(List.of(true, true, false), responses.stream().map(r -> r.isTruncated()).toList());
        assertNull(responses.get(0).continuationToken());
        assertEquals(responses.get(0).nextContinuationToken(), responses.get(1).continuationToken(),
                "the request's token is echoed");
        assertEquals(3, server.count("ListBucketInventoryConfigurations"));
        assertEquals(3, server.totalRequests());

        // Every field of the sample configuration arrives through the SDK model.
        InventoryConfiguration first = responses.get(0).inventoryConfigurationList().get(0);
        assertEquals("cfg-000", first.id());
        assertEquals("arn:aws:s3:::inventory-destination", first.destination().s3BucketDestination().bucket());
        assertEquals(List.of(InventoryOptionalField.SIZE, InventoryOptionalField.E_TAG), first.optionalFields());
        assertNotNull(first.destination().s3BucketDestination().encryption().sses3());
    }

    @Test
    void pageSizeIsConfigurableAndAnEmptyListHasNoConfigurationElement() {
        server.addBucket("empty", "us-east-1").addBucket("five", "us-east-1").listPageSize(2);
        for (int i = 0; i < 5; i++) {
            server.putConfigurationXml("five", "id" + i, FakeS3Server.sampleConfigurationXml("id" + i));
        }

        ListBucketInventoryConfigurationsResponse empty = s3.listBucketInventoryConfigurations(r -> r.bucket("empty"));
        assertFalse(empty.hasInventoryConfigurationList(), "no InventoryConfiguration element at all");
        assertFalse(empty.isTruncated());
        assertNull(empty.nextContinuationToken());

        int requests = 0;
        String token = null;
        List<String> ids = new ArrayList<>();
        do {
            String current = token;
            var page = s3.listBucketInventoryConfigurations(r -> r.bucket("five").continuationToken(current));
            page.inventoryConfigurationList().forEach(c -> ids.add(c.id()));
            token = page.nextContinuationToken();
            requests++;
        } while (token != null);
        assertEquals(List.of("id0", "id1", "id2", "id3", "id4"), ids);
        assertEquals(3, requests);
    }

    @Test
    void missingBucketAndBadTokenAreErrors() {
        S3Exception noBucket = assertThrows(S3Exception.class,
                () -> s3.listBucketInventoryConfigurations(r -> r.bucket("nope")));
        assertEquals(404, noBucket.statusCode());
        assertEquals("NoSuchBucket", noBucket.awsErrorDetails().errorCode());

        server.addBucket("b", "us-east-1");
        S3Exception badToken = assertThrows(S3Exception.class,
                () -> s3.listBucketInventoryConfigurations(r -> r.bucket("b").continuationToken("garbage!")));
        assertEquals(400, badToken.statusCode());
        assertEquals("InvalidArgument", badToken.awsErrorDetails().errorCode());

        S3Exception unsupported = assertThrows(S3Exception.class, () -> s3.getBucketPolicy(r -> r.bucket("b")));
        assertEquals(501, unsupported.statusCode());
        assertEquals("NotImplemented", unsupported.awsErrorDetails().errorCode());
        assertEquals("Unsupported", server.requests().get(2).operation());
    }

    // ------------------------------------------------------------------ buckets

    @Test
    void listBucketsWithBucketRegionSignedForAnotherRegionIsRefusedAsOnS3() {
        server.addBucket("logs-a", "eu-west-1");

        S3Exception e = assertThrows(S3Exception.class, () -> s3.listBuckets(r -> r.bucketRegion("eu-west-1")));

        assertEquals(400, e.statusCode());
        assertEquals("InvalidArgument", e.awsErrorDetails().errorCode());
        // Signed for the filtered region, the same filter is served.
        assertTrue(s3.listBuckets(r -> r.bucketRegion("us-east-1")).buckets().isEmpty());
    }

    @Test
    void missingConfigurationCodeCanBeMotos() {
        server.addBucket("b", "us-east-1").noSuchConfigurationCode("NoSuchInventoryConfig");

        S3Exception e = assertThrows(S3Exception.class,
                () -> s3.getBucketInventoryConfiguration(r -> r.bucket("b").id("none")));

        assertEquals(404, e.statusCode());
        assertEquals("NoSuchInventoryConfig", e.awsErrorDetails().errorCode());
    }

    @Test
    void listBucketsPagesWithPrefixAndBucketRegion() {
        Instant created = Instant.parse("2024-05-06T07:08:09.123Z");
        server.addBucket("logs-d", "eu-west-1", created)
                .addBucket("logs-a", "us-east-1", created)
                .addBucket("logs-c", "eu-west-1", created)
                .addBucket("data-x", "eu-west-1", created)
                .addBucket("logs-b", "eu-west-1", created)
                .addBucket("logs-e", "us-west-2", created);

        List<ListBucketsResponse> pages;
        try (S3Client inEu = server.clientBuilder("eu-west-1").build()) { // bucket-region wants its own endpoint
            pages = inEu.listBucketsPaginator(r -> r.maxBuckets(2).prefix("logs-").bucketRegion("eu-west-1"))
                    .stream().toList();
        }

        assertEquals(List.of(List.of("logs-b", "logs-c"), List.of("logs-d")),
                pages.stream().map(p -> p.buckets().stream().map(Bucket::name).toList()).toList());
        assertEquals("logs-", pages.get(0).prefix());
        assertNotNull(pages.get(0).continuationToken());
        assertNull(pages.get(1).continuationToken());
        Bucket first = pages.get(0).buckets().get(0);
        assertEquals("eu-west-1", first.bucketRegion());
        assertEquals(created, first.creationDate());
        assertEquals(FakeS3Server.OWNER_ID, pages.get(0).owner().id());

        List<RecordedRequest> requests = server.requests();
        assertEquals(2, server.count("ListBuckets"));
        assertEquals("2", requests.get(0).query().get("max-buckets"));
        assertEquals("eu-west-1", requests.get(0).query().get("bucket-region"));
        assertEquals(pages.get(0).continuationToken(), requests.get(1).query().get("continuation-token"));

        // The server-side page size caps max-buckets, and a missing max-buckets.
        server.bucketsPageSize(4);
        ListBucketsResponse capped = s3.listBuckets(r -> r.maxBuckets(100));
        assertEquals(List.of("data-x", "logs-a", "logs-b", "logs-c"), capped.buckets().stream().map(Bucket::name).toList());
        List<String> all = s3.listBucketsPaginator(r -> { }).buckets().stream().map(Bucket::name).toList();
        assertEquals(List.of("data-x", "logs-a", "logs-b", "logs-c", "logs-d", "logs-e"), all);
    }

    @Test
    void headBucketAndGetBucketLocationTellTheRegion() {
        server.addBucket("east", "us-east-1").addBucket("west", "eu-west-1");

        assertEquals("eu-west-1", s3.headBucket(r -> r.bucket("west")).bucketRegion());
        assertEquals("us-east-1", s3.headBucket(r -> r.bucket("east")).bucketRegion());
        assertEquals("eu-west-1", s3.getBucketLocation(r -> r.bucket("west")).locationConstraintAsString());
        assertEquals("", s3.getBucketLocation(r -> r.bucket("east")).locationConstraintAsString(),
                "us-east-1 has an empty LocationConstraint");

        S3Exception missing = assertThrows(S3Exception.class, () -> s3.headBucket(r -> r.bucket("nope")));
        assertEquals(404, missing.statusCode());
        assertEquals(List.of("HeadBucket", "HeadBucket", "GetBucketLocation", "GetBucketLocation", "HeadBucket"),
                server.requests().stream().map(RecordedRequest::operation).toList());
    }

    // ------------------------------------------------------------------ get / put / delete

    @Test
    void putGetDeleteRoundTrip() {
        server.addBucket("src", "us-east-1");
        InventoryConfiguration config = InventoryConfiguration.builder()
                .id("weekly-parquet")
                .isEnabled(false)
                .includedObjectVersions(InventoryIncludedObjectVersions.ALL)
                .schedule(s -> s.frequency(InventoryFrequency.WEEKLY))
                .filter(f -> f.prefix("logs/"))
                .optionalFields(InventoryOptionalField.SIZE, InventoryOptionalField.STORAGE_CLASS)
                .destination(d -> d.s3BucketDestination(b -> b
                        .bucket("arn:aws:s3:::dest")
                        .accountId("123456789012")
                        .format(InventoryFormat.PARQUET)
                        .prefix("inv")
                        .encryption(e -> e.ssekms(k -> k.keyId("arn:aws:kms:us-east-1:123456789012:key/abc")))))
                .build();

        s3.putBucketInventoryConfiguration(r -> r.bucket("src").id("weekly-parquet").inventoryConfiguration(config));
        assertEquals(List.of("weekly-parquet"), server.configurationIds("src"));
        assertEquals(config, s3.getBucketInventoryConfiguration(r -> r.bucket("src").id("weekly-parquet"))
                .inventoryConfiguration());

        // Put overwrites.
        InventoryConfiguration daily = config.toBuilder().schedule(s -> s.frequency(InventoryFrequency.DAILY)).build();
        s3.putBucketInventoryConfiguration(r -> r.bucket("src").id("weekly-parquet").inventoryConfiguration(daily));
        assertTrue(server.configurationXml("src", "weekly-parquet").contains("<Frequency>Daily</Frequency>"));

        s3.deleteBucketInventoryConfiguration(r -> r.bucket("src").id("weekly-parquet"));
        assertEquals(List.of(), server.configurationIds("src"));
        assertNull(server.configurationXml("src", "weekly-parquet"));

        RecordedRequest delete = server.requests().get(server.totalRequests() - 1);
        assertEquals("DeleteBucketInventoryConfiguration", delete.operation());
        assertEquals(204, delete.status());
        assertEquals("weekly-parquet", delete.query().get("id"));
        assertTrue(delete.hasQuery("inventory"));
    }

    @Test
    void putRecordsWhatTheSdkSends() {
        server.addBucket("src", "us-east-1");
        s3.putBucketInventoryConfiguration(r -> r.bucket("src").id("a")
                .inventoryConfiguration(minimal("a")));

        RecordedRequest put = server.requests().get(0);
        assertEquals("PUT", put.method());
        assertEquals("us-east-1", put.signingRegion());
        assertEquals("application/xml", put.header("Content-Type"));
        // Over plain HTTP the SDK signs the payload (hex SHA-256, which the server checks) and, for
        // this operation, sends no Content-MD5, no x-amz-checksum-* and no aws-chunked encoding.
        assertTrue(put.header("x-amz-content-sha256").matches("[0-9a-f]{64}"));
        assertNull(put.header("Content-MD5"));
        assertNull(put.header("Content-Encoding"));
        assertTrue(put.headers().keySet().stream().noneMatch(h -> h.startsWith("x-amz-checksum")), put.headers()::toString);
    }

    @Test
    void unknownElementsSurvivePutAndGetVerbatim() {
        server.addBucket("src", "us-east-1");
        String unknown = "<FutureField><Nested attr=\"1\">kept &amp; intact</Nested></FutureField>";
        // The SDK model cannot carry an element it does not know, so this interceptor adds one to the
        // request body and captures the raw response body: the technique a driver would use.
        RawXmlInterceptor raw = new RawXmlInterceptor(unknown);
        try (S3Client rawClient = server.clientBuilder("us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(raw)).build()) {
            rawClient.putBucketInventoryConfiguration(r -> r.bucket("src").id("a").inventoryConfiguration(minimal("a")));

            String stored = server.configurationXml("src", "a");
            assertTrue(stored.startsWith("<InventoryConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"),
                    stored);
            assertTrue(stored.endsWith(unknown + "</InventoryConfiguration>"), stored);

            InventoryConfiguration got = rawClient.getBucketInventoryConfiguration(r -> r.bucket("src").id("a"))
                    .inventoryConfiguration();
            assertEquals(minimal("a"), got, "the SDK ignores the unknown element");
            assertTrue(raw.lastResponse.contains(unknown), raw.lastResponse);

            rawClient.listBucketInventoryConfigurations(r -> r.bucket("src"));
            assertTrue(raw.lastResponse.contains(stored), "the list embeds the stored element verbatim");
        }

        // Seeded XML without a namespace is served with one, and stored as given.
        String seeded = "<InventoryConfiguration><Id>b</Id><IsEnabled>true</IsEnabled><Extra/>"
                + "<Destination><S3BucketDestination><Bucket>arn:aws:s3:::d</Bucket><Format>ORC</Format>"
                + "</S3BucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule>"
                + "<IncludedObjectVersions>Current</IncludedObjectVersions></InventoryConfiguration>";
        server.putConfigurationXml("src", "b", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + seeded);
        assertEquals(seeded, server.configurationXml("src", "b"));
        InventoryConfiguration b = s3.getBucketInventoryConfiguration(r -> r.bucket("src").id("b"))
                .inventoryConfiguration();
        assertEquals("ORC", b.destination().s3BucketDestination().formatAsString());
    }

    @Test
    void missingConfigurationAndIdMismatchAreS3Errors() {
        server.addBucket("src", "us-east-1");

        S3Exception get = assertThrows(S3Exception.class,
                () -> s3.getBucketInventoryConfiguration(r -> r.bucket("src").id("missing")));
        assertEquals(404, get.statusCode());
        assertEquals("NoSuchConfiguration", get.awsErrorDetails().errorCode());
        assertTrue(get.requestId().startsWith("FAKE"), get.requestId());
        assertEquals(get.requestId(), server.requests().get(0).requestId());
        assertEquals(get.requestId(), get.awsErrorDetails().sdkHttpResponse()
                .firstMatchingHeader("x-amz-request-id").orElseThrow());

        S3Exception delete = assertThrows(S3Exception.class,
                () -> s3.deleteBucketInventoryConfiguration(r -> r.bucket("src").id("missing")));
        assertEquals(404, delete.statusCode());
        assertEquals("NoSuchConfiguration", delete.awsErrorDetails().errorCode());

        S3Exception mismatch = assertThrows(S3Exception.class, () -> s3.putBucketInventoryConfiguration(
                r -> r.bucket("src").id("param-id").inventoryConfiguration(minimal("body-id"))));
        assertEquals(400, mismatch.statusCode());
        assertEquals("IdMismatch", mismatch.awsErrorDetails().errorCode());
        assertEquals(List.of(), server.configurationIds("src"));

        // Errors are not retried by the SDK: one request each.
        assertEquals(3, server.totalRequests());
        assertEquals(List.of("NoSuchConfiguration", "NoSuchConfiguration", "IdMismatch"),
                server.requests().stream().map(RecordedRequest::errorCode).toList());
    }

    @Test
    void rejectsMalformedXmlAndDigestMismatch() {
        server.addBucket("src", "us-east-1");
        String truncated = "<InventoryConfiguration><Id>a</Id>";
        // Interceptors run before signing, so the SDK signs (x-amz-content-sha256) the replaced body.
        ExecutionInterceptor truncate = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder()
                        .putHeader("Content-Length", String.valueOf(truncated.length())).build();
            }

            @Override
            public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                           ExecutionAttributes attributes) {
                return Optional.of(RequestBody.fromString(truncated));
            }
        };
        try (S3Client client = server.clientBuilder("us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(truncate)).build()) {
            S3Exception malformed = assertThrows(S3Exception.class, () -> client.putBucketInventoryConfiguration(
                    r -> r.bucket("src").id("a").inventoryConfiguration(minimal("a"))));
            assertEquals(400, malformed.statusCode());
            assertEquals("MalformedXML", malformed.awsErrorDetails().errorCode());
        }

        // A Content-MD5 that does not match the body (this one is the MD5 of nothing).
        ExecutionInterceptor wrongMd5 = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().putHeader("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==").build();
            }
        };
        try (S3Client client = server.clientBuilder("us-east-1")
                .overrideConfiguration(o -> o.addExecutionInterceptor(wrongMd5)).build()) {
            S3Exception badDigest = assertThrows(S3Exception.class, () -> client.putBucketInventoryConfiguration(
                    r -> r.bucket("src").id("a").inventoryConfiguration(minimal("a"))));
            assertEquals(400, badDigest.statusCode());
            assertEquals("BadDigest", badDigest.awsErrorDetails().errorCode());
        }
        assertEquals(List.of(), server.configurationIds("src"));
    }

    // ------------------------------------------------------------------ access and regions

    @Test
    void deniedBucketAnswersAccessDeniedAndOthersDoNot() {
        server.addBucket("open", "us-east-1").addBucket("secret", "us-east-1").denyAccess("secret");
        server.putConfigurationXml("secret", "x", FakeS3Server.sampleConfigurationXml("x"));

        S3Exception list = assertThrows(S3Exception.class,
                () -> s3.listBucketInventoryConfigurations(r -> r.bucket("secret")));
        assertEquals(403, list.statusCode());
        assertEquals("AccessDenied", list.awsErrorDetails().errorCode());
        S3Exception get = assertThrows(S3Exception.class,
                () -> s3.getBucketInventoryConfiguration(r -> r.bucket("secret").id("x")));
        assertEquals("AccessDenied", get.awsErrorDetails().errorCode());
        S3Exception delete = assertThrows(S3Exception.class,
                () -> s3.deleteBucketInventoryConfiguration(r -> r.bucket("secret").id("x")));
        assertEquals(403, delete.statusCode());
        assertEquals(List.of("x"), server.configurationIds("secret"));

        // Like S3, HeadBucket answers 403 without a body but still names the region.
        S3Exception head = assertThrows(S3Exception.class, () -> s3.headBucket(r -> r.bucket("secret")));
        assertEquals(403, head.statusCode());
        assertEquals("us-east-1", head.awsErrorDetails().sdkHttpResponse()
                .firstMatchingHeader("x-amz-bucket-region").orElseThrow());

        assertEquals(0, s3.listBucketInventoryConfigurations(r -> r.bucket("open")).inventoryConfigurationList().size());
        // ListBuckets still shows the denied bucket.
        assertEquals(List.of("open", "secret"), s3.listBuckets().buckets().stream().map(Bucket::name).toList());

        server.allowAccess("secret");
        assertEquals(1, s3.listBucketInventoryConfigurations(r -> r.bucket("secret")).inventoryConfigurationList().size());
    }

    @Test
    void wrongRegionIsRedirectedAndTheCrossRegionClientFollows() {
        server.addBucket("euro", "eu-west-1").addBucket("sydney", "ap-southeast-2").enforceRegions(true);
        server.putConfigurationXml("euro", "x", FakeS3Server.sampleConfigurationXml("x"));

        // A plain client signed for us-east-1 gets S3's redirect.
        S3Exception redirect = assertThrows(S3Exception.class,
                () -> s3.listBucketInventoryConfigurations(r -> r.bucket("euro")));
        assertEquals(301, redirect.statusCode());
        assertEquals("PermanentRedirect", redirect.awsErrorDetails().errorCode());
        assertEquals("eu-west-1", redirect.awsErrorDetails().sdkHttpResponse()
                .firstMatchingHeader("x-amz-bucket-region").orElseThrow());
        S3Exception headRedirect = assertThrows(S3Exception.class, () -> s3.headBucket(r -> r.bucket("euro")));
        assertEquals(301, headRedirect.statusCode());
        // GetBucketLocation is answered from any region.
        assertEquals("eu-west-1", s3.getBucketLocation(r -> r.bucket("euro")).locationConstraintAsString());

        server.resetLog();
        try (S3Client crossRegion = server.clientBuilder("us-east-1").crossRegionAccessEnabled(true).build()) {
            assertEquals(1, crossRegion.listBucketInventoryConfigurations(r -> r.bucket("euro"))
                    .inventoryConfigurationList().size());
            // The SDK read x-amz-bucket-region from the 301 and re-signed the same request for eu-west-1.
            assertEquals(List.of("us-east-1:301", "eu-west-1:200"), regionsAndStatuses());

            // It caches the bucket's region: no second redirect.
            crossRegion.getBucketInventoryConfiguration(r -> r.bucket("euro").id("x"));
            assertEquals(List.of("us-east-1:301", "eu-west-1:200", "eu-west-1:200"), regionsAndStatuses());

            // A HEAD redirect carries only the header; that is enough too.
            server.resetLog();
            assertEquals("ap-southeast-2", crossRegion.headBucket(r -> r.bucket("sydney")).bucketRegion());
            assertEquals(List.of("us-east-1:301", "ap-southeast-2:200"), regionsAndStatuses());
        }
    }

    private List<String> regionsAndStatuses() {
        return server.requests().stream().map(r -> r.signingRegion() + ":" + r.status()).toList();
    }

    // ------------------------------------------------------------------ faults

    @Test
    void throttledRequestsAreRetriedBySdkDefaults() {
        server.addBucket("b", "us-east-1").throttleNext(2);

        assertEquals(0, s3.listBucketInventoryConfigurations(r -> r.bucket("b")).inventoryConfigurationList().size());

        List<RecordedRequest> attempts = server.requests();
        assertEquals(List.of(503, 503, 200), attempts.stream().map(RecordedRequest::status).toList());
        assertEquals("SlowDown", attempts.get(0).errorCode());
        assertEquals("attempt=3; max=4", attempts.get(2).header("amz-sdk-request"));
    }

    @Test
    void aShareOfRequestsIsThrottledDeterministically() {
        server.addBucket("b", "us-east-1").throttle(0.25);
        try (S3Client fastRetries = server.clientBuilder("us-east-1")
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                        .build())).build()) {
            for (int i = 0; i < 20; i++) {
                fastRetries.headBucket(r -> r.bucket("b"));
            }
        }
        // Every 4th request is throttled and its retry (the next request) goes through:
        // 20 calls + 6 retries, the throttled ones being requests 4, 8, ... 24.
        List<RecordedRequest> requests = server.requests();
        assertEquals(26, requests.size());
        List<Integer> throttled = IntStream.range(0, requests.size())
                .filter(i -> requests.get(i).status() == 503).map(i -> i + 1).boxed().toList();
        assertEquals(List.of(4, 8, 12, 16, 20, 24), throttled);
    }

    @Test
    void injectedFailuresAreRetriedUntilTheSdkGivesUp() {
        server.addBucket("b", "us-east-1").failNext(500, "InternalError", 1);
        assertEquals("us-east-1", s3.headBucket(r -> r.bucket("b")).bucketRegion());
        assertEquals(2, server.count("HeadBucket"));

        server.resetLog().failNext(500, "InternalError", 4);
        S3Exception gaveUp = assertThrows(S3Exception.class, () -> s3.listBucketInventoryConfigurations(r -> r.bucket("b")));
        assertEquals(500, gaveUp.statusCode());
        assertEquals("InternalError", gaveUp.awsErrorDetails().errorCode());
        assertEquals(4, server.totalRequests(), "the SDK's default: 1 attempt + 3 retries");
    }

    @Test
    void latencyDelaysEveryAnswer() {
        server.addBucket("b", "us-east-1");
        s3.headBucket(r -> r.bucket("b")); // warm up the connection
        server.latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        s3.headBucket(r -> r.bucket("b"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }

    @Test
    void hungBucketIsNeverAnsweredAndCloseDoesNotWait() {
        FakeS3Server hanging = new FakeS3Server();
        hanging.addBucket("stuck", "us-east-1").addBucket("fine", "us-east-1").hang("stuck");
        try (S3Client client = hanging.clientBuilder("us-east-1")
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(500))).build()) {
            assertThrows(ApiCallTimeoutException.class, () -> client.headBucket(r -> r.bucket("stuck")));
            assertEquals("us-east-1", client.headBucket(r -> r.bucket("fine")).bucketRegion());
            assertEquals(0, hanging.requests().get(0).status());
        }
        assertTimeoutPreemptively(Duration.ofSeconds(8), hanging::close);
    }

    @Test
    void countsEveryRequestUnderConcurrency() throws Exception {
        server.addBucket("b", "us-east-1");
        server.putConfigurationXml("b", "x", FakeS3Server.sampleConfigurationXml("x"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = "t" + thread + "-" + i;
                        s3.putBucketInventoryConfiguration(r -> r.bucket("b").id(id).inventoryConfiguration(minimal(id)));
                        s3.getBucketInventoryConfiguration(r -> r.bucket("b").id("x"));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(800, server.totalRequests());
        assertEquals(400, server.count("PutBucketInventoryConfiguration"));
        assertEquals(401, server.configurationIds("b").size());
    }

    // ------------------------------------------------------------------ helpers

    private static InventoryConfiguration minimal(String id) {
        return InventoryConfiguration.builder()
                .id(id)
                .isEnabled(true)
                .includedObjectVersions(InventoryIncludedObjectVersions.CURRENT)
                .schedule(s -> s.frequency(InventoryFrequency.DAILY))
                .destination(d -> d.s3BucketDestination(b -> b.bucket("arn:aws:s3:::dest").format(InventoryFormat.CSV)))
                .build();
    }

    /**
     * Adds {@code extraXml} as the last child of a PutBucketInventoryConfiguration body and keeps the
     * last raw response body as text.
     */
    private static final class RawXmlInterceptor implements ExecutionInterceptor {
        private final String extraXml;
        volatile String lastResponse;

        RawXmlInterceptor(String extraXml) {
            this.extraXml = extraXml;
        }

        private boolean isPut(ExecutionAttributes attributes) {
            return "PutBucketInventoryConfiguration".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        private byte[] extendedBody(Context.ModifyHttpRequest context) {
            String xml = read(context.requestBody().orElseThrow().contentStreamProvider().newStream());
            return xml.replace("</InventoryConfiguration>", extraXml + "</InventoryConfiguration>")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            if (!isPut(attributes)) {
                return context.httpRequest();
            }
            return context.httpRequest().toBuilder()
                    .putHeader("Content-Length", String.valueOf(extendedBody(context).length))
                    .build();
        }

        @Override
        public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            if (!isPut(attributes)) {
                return context.requestBody();
            }
            return Optional.of(RequestBody.fromBytes(extendedBody(context)));
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                               ExecutionAttributes attributes) {
            Optional<InputStream> body = context.responseBody();
            if (body.isEmpty()) {
                return body;
            }
            String text = read(body.get());
            lastResponse = text;
            return Optional.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }

        private static String read(InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
