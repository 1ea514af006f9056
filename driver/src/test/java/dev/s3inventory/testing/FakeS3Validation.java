package dev.s3inventory.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The checks real S3 applies to a PutBucketInventoryConfiguration document (see
 * s3-and-localstack.md §1), for {@link FakeS3Server#strictValidation(boolean)}. With them on, a value
 * the driver should have refused but sent instead shows up as a 400 in the request log.
 */
final class FakeS3Validation {
    private static final Set<String> OPTIONAL_FIELDS = Set.of("Size", "LastModifiedDate", "StorageClass", "ETag",
            "IsMultipartUploaded", "ReplicationStatus", "EncryptionStatus", "ObjectLockRetainUntilDate",
            "ObjectLockMode", "ObjectLockLegalHoldStatus", "IntelligentTieringAccessTier", "BucketKeyStatus",
            "ChecksumAlgorithm", "ObjectAccessControlList", "ObjectOwner", "LifecycleExpirationDate");

    /** A document S3 would refuse; {@code code} is S3's error code. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private FakeS3Validation() {
    }

    static void check(byte[] body) throws Refused {
        Element root = parse(body);
        oneOf(text(root, "IsEnabled"), "IsEnabled", "true", "false");
        oneOf(text(root, "IncludedObjectVersions"), "IncludedObjectVersions", "All", "Current");
        oneOf(text(child(root, "Schedule"), "Frequency"), "Schedule.Frequency", "Daily", "Weekly");
        Element destination = child(child(root, "Destination"), "S3BucketDestination");
        if (destination == null) {
            throw malformed("Destination.S3BucketDestination is required");
        }
        oneOf(text(destination, "Format"), "Format", "CSV", "ORC", "Parquet");
        String arn = text(destination, "Bucket");
        if (arn == null || !arn.matches("arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new Refused("InvalidS3DestinationBucket", "Invalid bucket ARN " + arn);
        }
        String account = text(destination, "AccountId");
        if (account != null && !account.matches("\\d{12}")) {
            throw new Refused("InvalidArgument", "Invalid AccountId " + account);
        }
        Element encryption = child(destination, "Encryption");
        if (encryption != null) {
            Element kms = child(encryption, "SSE-KMS");
            if (kms != null && (text(kms, "KeyId") == null || text(kms, "KeyId").isBlank())) {
                throw malformed("SSE-KMS needs a KeyId");
            }
            if (kms == null && child(encryption, "SSE-S3") == null) {
                throw malformed("Encryption needs SSE-S3 or SSE-KMS");
            }
        }
        for (String field : texts(child(root, "OptionalFields"), "Field")) {
            if (!OPTIONAL_FIELDS.contains(field)) {
                throw malformed("Unknown optional field " + field);
            }
        }
    }

    private static Element parse(byte[] body) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw malformed("not well-formed");
        }
    }

    private static void oneOf(String value, String name, String... allowed) throws Refused {
        if (value == null || !List.of(allowed).contains(value)) {
            throw malformed(name + " must be one of " + List.of(allowed) + ", not " + value);
        }
    }

    private static Refused malformed(String why) {
        return new Refused("MalformedXML", "The XML you provided was not well-formed or did not validate against our "
                + "published schema (" + why + ")");
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && name.equals(e.getLocalName())) {
                    out.add(e.getTextContent());
                }
            }
        }
        return out;
    }
}
