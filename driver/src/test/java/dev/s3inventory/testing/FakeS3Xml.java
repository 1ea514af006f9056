package dev.s3inventory.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML rendering and parsing for {@link FakeS3Server}: the S3 REST documents it answers with, and the
 * inventory configuration documents it receives.
 *
 * <p>Documents are built as strings rather than through a DOM so that stored configurations can be
 * embedded verbatim: the server keeps every configuration exactly as it was put, unknown elements
 * included, and tests compare that text.
 */
final class FakeS3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** The XML declaration (and a byte-order mark) in front of a document's root element. */
    private static final Pattern LEADING_PROLOG = Pattern.compile("^\uFEFF?\\s*(<\\?xml[^>]*\\?>)?\\s*");

    /** The root start tag of a stored configuration, to add the S3 namespace when it lacks one. */
    private static final Pattern ROOT_START_TAG = Pattern.compile("^<InventoryConfiguration(\\s[^>]*)?(/?)>");

    private FakeS3Xml() {
    }

    /** A configuration document the server received that is not one it can store. */
    static final class MalformedXmlException extends Exception {
        MalformedXmlException(String message) {
            super(message);
        }
    }

    /** What the server needs from a PutBucketInventoryConfiguration body. */
    record ParsedConfiguration(String id, String rawElement) {
    }

    /** One row of a ListBuckets answer. */
    record BucketEntry(String name, String region, Instant creationDate) {
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Checks that {@code body} is a well-formed {@code InventoryConfiguration} document with an
     * {@code Id}, and returns that id with the root element's text as received (declaration stripped).
     */
    static ParsedConfiguration parseConfiguration(byte[] body) throws MalformedXmlException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // the default handler prints parse errors to stderr
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw new MalformedXmlException("The XML you provided was not well-formed or did not validate"
                    + " against our published schema");
        }
        if (!"InventoryConfiguration".equals(root.getLocalName())) {
            throw new MalformedXmlException("Expected an InventoryConfiguration document, got " + root.getLocalName());
        }
        String id = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "Id".equals(element.getLocalName())) {
                id = element.getTextContent().trim();
                break;
            }
        }
        if (id == null || id.isEmpty()) {
            throw new MalformedXmlException("The InventoryConfiguration has no Id");
        }
        return new ParsedConfiguration(id, stripProlog(new String(body, StandardCharsets.UTF_8)));
    }

    /** The document without its XML declaration, byte-order mark and surrounding whitespace. */
    static String stripProlog(String xml) {
        return LEADING_PROLOG.matcher(xml).replaceFirst("").strip();
    }

    // ---------------------------------------------------------------- rendering

    /** A stored configuration as a standalone GetBucketInventoryConfiguration document. */
    static String configurationDocument(String storedXml) {
        return PROLOG + withNamespace(storedXml);
    }

    /**
     * Seeded configurations may omit the S3 namespace; a standalone document needs it (inside a list
     * the element inherits it from the list's root). Anything other than a plain
     * {@code <InventoryConfiguration ...>} root is left alone.
     */
    private static String withNamespace(String xml) {
        Matcher m = ROOT_START_TAG.matcher(xml);
        if (!m.find() || (m.group(1) != null && m.group(1).contains("xmlns="))) {
            return xml;
        }
        return "<InventoryConfiguration xmlns=\"" + NAMESPACE + "\"" + xml.substring("<InventoryConfiguration".length());
    }

    static String listConfigurations(List<String> storedXml, String continuationToken, String nextToken) {
        StringBuilder sb = new StringBuilder(PROLOG);
        sb.append("<ListInventoryConfigurationsResult xmlns=\"").append(NAMESPACE).append("\">");
        if (continuationToken != null) {
            element(sb, "ContinuationToken", continuationToken);
        }
        storedXml.forEach(sb::append);
        element(sb, "IsTruncated", String.valueOf(nextToken != null));
        if (nextToken != null) {
            element(sb, "NextContinuationToken", nextToken);
        }
        return sb.append("</ListInventoryConfigurationsResult>").toString();
    }

    static String listBuckets(List<BucketEntry> buckets, String ownerId, String continuationToken, String prefix) {
        StringBuilder sb = new StringBuilder(PROLOG);
        sb.append("<ListAllMyBucketsResult xmlns=\"").append(NAMESPACE).append("\">");
        sb.append("<Buckets>");
        for (BucketEntry b : buckets) {
            sb.append("<Bucket>");
            element(sb, "Name", b.name());
            element(sb, "CreationDate", timestamp(b.creationDate()));
            if (b.region() != null) {
                element(sb, "BucketRegion", b.region());
            }
            sb.append("</Bucket>");
        }
        sb.append("</Buckets>");
        sb.append("<Owner>");
        element(sb, "ID", ownerId);
        element(sb, "DisplayName", "fake-s3-owner");
        sb.append("</Owner>");
        if (continuationToken != null) {
            element(sb, "ContinuationToken", continuationToken);
        }
        if (prefix != null) {
            element(sb, "Prefix", prefix);
        }
        return sb.append("</ListAllMyBucketsResult>").toString();
    }

    /** GetBucketLocation: S3 answers an empty constraint for us-east-1, for historical reasons. */
    static String location(String region) {
        String open = PROLOG + "<LocationConstraint xmlns=\"" + NAMESPACE + "\"";
        return "us-east-1".equals(region) ? open + "/>" : open + ">" + escape(region) + "</LocationConstraint>";
    }

    /** The S3 error document; like real S3 it has no namespace. {@code extra} elements follow Message. */
    static String error(String code, String message, Map<String, String> extra, String requestId, String hostId) {
        StringBuilder sb = new StringBuilder(PROLOG).append("<Error>");
        element(sb, "Code", code);
        element(sb, "Message", message);
        extra.forEach((name, value) -> element(sb, name, value));
        element(sb, "RequestId", requestId);
        element(sb, "HostId", hostId);
        return sb.append("</Error>").toString();
    }

    /** S3's timestamp form in XML bodies: ISO-8601 UTC with milliseconds. */
    static String timestamp(Instant instant) {
        String text = instant.truncatedTo(ChronoUnit.MILLIS).toString();
        // Instant.toString() omits a zero fraction; S3 always writes three digits.
        return text.contains(".") ? text : text.replace("Z", ".000Z");
    }

    private static void element(StringBuilder sb, String name, String text) {
        sb.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
