package dev.s3inventory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The fault injection added for the reliability tests (broken transport, per-bucket and spread
 * faults, answer shapes), proved through the real SDK: what the driver's tests rely on.
 */
class FakeS3FaultsTest {
    private FakeS3Server server;
    /** No retries: shows each fault as the SDK sees it. */
    private S3Client once;
    /** The SDK's defaults: shows which faults it retries. */
    private S3Client retrying;

    @BeforeEach
    void start() {
        server = new FakeS3Server().addBucket("b", "us-east-1").addBucket("other", "us-east-1");
        server.putConfigurationXml("b", "x", FakeS3Server.sampleConfigurationXml("x"));
        once = server.clientBuilder("us-east-1").overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
        retrying = server.clientBuilder("us-east-1").build();
    }

    @AfterEach
    void stop() {
        once.close();
        retrying.close();
        server.close();
    }

    private List<String> statusesAndCodes() {
        return server.requests().stream().map(r -> r.status() + (r.errorCode() == null ? "" : " " + r.errorCode()))
                .toList();
    }

    @Test
    void aDroppedConnectionIsAnIoFailureWhichTheSdkRetries() {
        server.failNext(FakeS3Fault.dropConnection(), 1);
        SdkClientException e = assertThrows(SdkClientException.class,
                () -> once.listBucketInventoryConfigurations(r -> r.bucket("b")));
        assertInstanceOf(IOException.class, e.getCause(), e.toString());
        assertEquals(List.of("0 ConnectionDropped"), statusesAndCodes());

        server.resetLog().failNext(FakeS3Fault.dropConnection(), 2);
        assertEquals(1, retrying.listBucketInventoryConfigurations(r -> r.bucket("b")).inventoryConfigurationList().size());
        assertEquals(List.of("0 ConnectionDropped", "0 ConnectionDropped", "200"), statusesAndCodes());
    }

    @Test
    void aTruncatedAnswerIsAnUnreadableDocumentWhichTheSdkDoesNotRetry() {
        server.failNext(FakeS3Fault.truncateResponse(), 1);
        SdkClientException e = assertThrows(SdkClientException.class,
                () -> once.listBucketInventoryConfigurations(r -> r.bucket("b")));
        // The SDK's XML reader meets the early end of the body, not an I/O error...
        assertTrue(hasCause(e, XMLStreamException.class), e.toString());
        assertEquals(List.of("200 ResponseTruncated"), statusesAndCodes());

        // ...so its default retry conditions do not cover it (the driver adds that condition).
        server.resetLog().failNext(FakeS3Fault.truncateResponse(), 1);
        assertThrows(SdkClientException.class, () -> retrying.getBucketInventoryConfiguration(r -> r.bucket("b").id("x")));
        assertEquals(List.of("200 ResponseTruncated"), statusesAndCodes());
        // A HEAD has no body to cut: it is dropped instead.
        server.resetLog().failNext(FakeS3Fault.truncateResponse(), 1);
        assertThrows(SdkClientException.class, () -> once.headBucket(r -> r.bucket("b")));
    }

    @Test
    void transportFaultsLoseTheAnswerNotTheChange() {
        server.failNext(FakeS3Fault.dropConnection(), 1);
        assertThrows(SdkClientException.class, () -> once.deleteBucketInventoryConfiguration(r -> r.bucket("b").id("x")));
        assertEquals(List.of(), server.configurationIds("b"), "deleted, though the client never heard so");
        // S3 errors, by contrast, change nothing.
        server.failNext(FakeS3Fault.internalError(), 1);
        assertThrows(S3Exception.class, () -> once.putBucketInventoryConfiguration(r -> r.bucket("b").id("y")
                .inventoryConfiguration(minimal("y"))));
        assertEquals(List.of(), server.configurationIds("b"));
    }

    @Test
    void aFailingBucketFailsEveryRequestAndOnlyThatBucket() {
        server.failBucket("b", FakeS3Fault.internalError());
        for (int i = 0; i < 3; i++) {
            S3Exception e = assertThrows(S3Exception.class, () -> once.listBucketInventoryConfigurations(r -> r.bucket("b")));
            assertEquals("InternalError", e.awsErrorDetails().errorCode());
        }
        assertEquals(0, once.listBucketInventoryConfigurations(r -> r.bucket("other")).inventoryConfigurationList().size());
        server.resetLog().failBucket("b", FakeS3Fault.dropConnection());
        assertThrows(SdkClientException.class, () -> retrying.listBucketInventoryConfigurations(r -> r.bucket("b")));
        assertEquals(4, server.totalRequests(), "the SDK's 4 attempts, all dropped");
        server.failBucket("b", null);
        assertEquals(1, once.listBucketInventoryConfigurations(r -> r.bucket("b")).inventoryConfigurationList().size());
    }

    @Test
    void anOperationCanFailOnEveryBucketAndAHungRequestIsNeverAnswered() {
        server.failOperation("PutBucketInventoryConfiguration", FakeS3Fault.hang());
        try (S3Client impatient = server.clientBuilder("us-east-1").overrideConfiguration(o -> o
                .apiCallTimeout(java.time.Duration.ofMillis(300)).retryStrategy(r -> r.maxAttempts(1))).build()) {
            assertThrows(software.amazon.awssdk.core.exception.ApiCallTimeoutException.class,
                    () -> impatient.putBucketInventoryConfiguration(r -> r.bucket("other").id("y")
                            .inventoryConfiguration(minimal("y"))));
            assertEquals(1, impatient.listBucketInventoryConfigurations(r -> r.bucket("b"))
                    .inventoryConfigurationList().size(), "other operations are answered");
        }
        assertEquals(List.of(), server.configurationIds("other"), "a hung request is not carried out");
        assertEquals("0 NeverAnswered", statusesAndCodes().get(0));
    }

    @Test
    void signatureErrorsEchoWhatWasSignedLikeS3() throws IOException {
        server.failNext(403, "SignatureDoesNotMatch", 1);
        try (S3Client withToken = server.clientBuilder("us-east-1").credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create("AKIAX", "secret", "TOKEN123")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build()) {
            S3Exception e = assertThrows(S3Exception.class, () -> withToken.listBucketInventoryConfigurations(r -> r.bucket("b")));
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertTrue(!e.getMessage().contains("TOKEN123"), "the SDK's message leaves the body out");
        }
        // ...but the body carries the session token, as S3's does.
        server.failNext(403, "SignatureDoesNotMatch", 1);
        java.net.HttpURLConnection raw = (java.net.HttpURLConnection) server.endpoint().resolve("/b?inventory").toURL()
                .openConnection();
        raw.setRequestProperty("x-amz-security-token", "TOKEN123");
        assertEquals(403, raw.getResponseCode());
        assertTrue(new String(raw.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("x-amz-security-token:TOKEN123"));
    }

    @Test
    void anyFaultCanBeSpreadEvenly() {
        server.failEvenly(FakeS3Fault.dropConnection(), 0.5);
        int failed = 0;
        for (int i = 0; i < 10; i++) {
            try {
                once.headBucket(r -> r.bucket("b"));
            } catch (SdkClientException e) {
                failed++;
            }
        }
        assertEquals(5, failed);
        server.clearFaults();
        once.headBucket(r -> r.bucket("b"));
    }

    @Test
    void listBucketsCanLeaveOutTheRegion() {
        assertEquals("us-east-1", once.listBuckets(r -> r.maxBuckets(10)).buckets().get(0).bucketRegion());
        server.omitBucketRegion(true);
        List<Bucket> buckets = once.listBuckets(r -> r.maxBuckets(10)).buckets();
        assertEquals(2, buckets.size());
        assertNull(buckets.get(0).bucketRegion());
    }

    @Test
    void newerRegionsAnswerAWrongRegionWith400WhichTheCrossRegionClientFollowsToo() {
        server.addBucket("far", "ap-southeast-2").wrongRegion(FakeS3Server.WrongRegion.AUTHORIZATION_HEADER_MALFORMED);
        S3Exception e = assertThrows(S3Exception.class, () -> once.listBucketInventoryConfigurations(r -> r.bucket("far")));
        assertEquals(400, e.statusCode());
        assertEquals("AuthorizationHeaderMalformed", e.awsErrorDetails().errorCode());
        assertEquals("ap-southeast-2", e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")
                .orElseThrow());
        server.resetLog();
        try (S3Client crossRegion = server.clientBuilder("us-east-1").crossRegionAccessEnabled(true).build()) {
            // The SDK follows any error that names the bucket's region, not only 301.
            assertEquals(0, crossRegion.listBucketInventoryConfigurations(r -> r.bucket("far"))
                    .inventoryConfigurationList().size());
            assertEquals(List.of("400 AuthorizationHeaderMalformed", "200"), statusesAndCodes());
        }
    }

    @Test
    void strictValidationRefusesWhatS3Refuses() {
        server.strictValidation(true);
        once.putBucketInventoryConfiguration(r -> r.bucket("b").id("ok").inventoryConfiguration(minimal("ok")));
        S3Exception format = assertThrows(S3Exception.class, () -> once.putBucketInventoryConfiguration(r -> r.bucket("b")
                .id("bad").inventoryConfiguration(minimal("bad").toBuilder()
                        .destination(d -> d.s3BucketDestination(s -> s.bucket("arn:aws:s3:::dest").format("XML"))).build())));
        assertEquals("MalformedXML", format.awsErrorDetails().errorCode());
        S3Exception arn = assertThrows(S3Exception.class, () -> once.putBucketInventoryConfiguration(r -> r.bucket("b")
                .id("bad").inventoryConfiguration(minimal("bad").toBuilder()
                        .destination(d -> d.s3BucketDestination(s -> s.bucket("s3://dest").format("CSV"))).build())));
        assertEquals("InvalidS3DestinationBucket", arn.awsErrorDetails().errorCode());
        S3Exception field = assertThrows(S3Exception.class, () -> once.putBucketInventoryConfiguration(r -> r.bucket("b")
                .id("bad").inventoryConfiguration(minimal("bad").toBuilder().optionalFieldsWithStrings("Colour").build())));
        assertEquals("MalformedXML", field.awsErrorDetails().errorCode());
        assertEquals(List.of("ok", "x"), server.configurationIds("b"));
    }

    private static InventoryConfiguration minimal(String id) {
        return InventoryConfiguration.builder().id(id).isEnabled(true).includedObjectVersions("Current")
                .schedule(s -> s.frequency("Daily"))
                .destination(d -> d.s3BucketDestination(b -> b.bucket("arn:aws:s3:::dest").format("CSV")))
                .build();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
