package dev.s3inventory.s3;

import dev.s3inventory.Errors;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Changes named fields of an inventory configuration's XML document in place, leaving every other
 * element — including ones this driver (or the SDK) does not know — exactly as S3 sent it.
 */
public final class InventoryXml {
    /** Element order of InventoryConfiguration and S3BucketDestination in S3's schema, for new elements. */
    private static final List<String> CONFIGURATION_ORDER = List.of("Destination", "IsEnabled", "Filter", "Id",
            "IncludedObjectVersions", "OptionalFields", "Schedule");
    private static final List<String> DESTINATION_ORDER = List.of("AccountId", "Bucket", "Format", "Prefix", "Encryption");

    private InventoryXml() {
    }

    /**
     * Applies column values (the driver's column names; null removes an optional element) to a
     * configuration document. {@code destination_encryption} and {@code destination_kms_key_id}
     * are applied together.
     */
    static String patch(String xml, Map<String, Object> changes) throws SQLException {
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object v = change.getValue();
            String text = v == null ? null : v.toString();
            switch (change.getKey()) {
                case "is_enabled" -> set(root, CONFIGURATION_ORDER, "IsEnabled", text);
                case "included_object_versions" -> set(root, CONFIGURATION_ORDER, "IncludedObjectVersions", text);
                case "schedule_frequency" -> set(child(root, CONFIGURATION_ORDER, "Schedule", true), List.of("Frequency"),
                        "Frequency", text);
                case "filter_prefix" -> {
                    Element filter = child(root, CONFIGURATION_ORDER, "Filter", text != null);
                    if (filter != null) {
                        set(filter, List.of("Prefix"), "Prefix", text);
                        removeIfEmpty(filter);
                    }
                }
                case "optional_fields" -> {
                    Element fields = child(root, CONFIGURATION_ORDER, "OptionalFields", text != null);
                    if (fields != null) {
                        while (fields.getFirstChild() != null) {
                            fields.removeChild(fields.getFirstChild());
                        }
                        if (text == null || text.isEmpty()) {
                            root.removeChild(fields);
                        } else {
                            for (String field : text.split(",")) {
                                Element f = doc.createElementNS(root.getNamespaceURI(), "Field");
                                f.setTextContent(field);
                                fields.appendChild(f);
                            }
                        }
                    }
                }
                case "destination_bucket_arn" -> set(destination(root), DESTINATION_ORDER, "Bucket", text);
                case "destination_account_id" -> set(destination(root), DESTINATION_ORDER, "AccountId", text);
                case "destination_format" -> set(destination(root), DESTINATION_ORDER, "Format", text);
                case "destination_prefix" -> set(destination(root), DESTINATION_ORDER, "Prefix", text);
                case "destination_encryption" -> encryption(destination(root), text,
                        (String) changes.get("destination_kms_key_id"));
                case "destination_kms_key_id" -> {
                    // applied with destination_encryption
                }
                default -> throw Errors.badValue("Column " + change.getKey() + " cannot be changed in a configuration");
            }
        }
        return serialize(doc);
    }

    private static void encryption(Element destination, String kind, String kmsKeyId) {
        Element existing = first(destination, "Encryption");
        if (existing != null) {
            destination.removeChild(existing);
        }
        if (kind == null) {
            return;
        }
        Element enc = child(destination, DESTINATION_ORDER, "Encryption", true);
        Element sse = destination.getOwnerDocument().createElementNS(destination.getNamespaceURI(), kind);
        enc.appendChild(sse);
        if (kind.equals("SSE-KMS")) {
            Element key = destination.getOwnerDocument().createElementNS(destination.getNamespaceURI(), "KeyId");
            key.setTextContent(kmsKeyId);
            sse.appendChild(key);
        }
    }

    private static Element destination(Element root) {
        return child(child(root, CONFIGURATION_ORDER, "Destination", true), List.of("S3BucketDestination"),
                "S3BucketDestination", true);
    }

    /** Sets an element's text, creating it in schema order, or removes it when text is null. */
    private static void set(Element parent, List<String> order, String name, String text) {
        Element e = child(parent, order, name, text != null);
        if (e == null) {
            return;
        }
        if (text == null) {
            parent.removeChild(e);
        } else {
            e.setTextContent(text);
        }
    }

    /** The named child element; created in schema order when absent and {@code create}, else null. */
    private static Element child(Element parent, List<String> order, String name, boolean create) {
        Element found = first(parent, name);
        if (found != null || !create) {
            return found;
        }
        Element e = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        int rank = order.indexOf(name);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element sibling && rank >= 0 && order.indexOf(sibling.getLocalName()) > rank) {
                parent.insertBefore(e, n);
                return e;
            }
        }
        parent.appendChild(e);
        return e;
    }

    private static Element first(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static void removeIfEmpty(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return;
            }
        }
        e.getParentNode().removeChild(e);
    }

    private static Document parse(String xml) throws SQLException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // S3's documents never need DTDs or external entities; refuse them (XXE).
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw Errors.badS3Answer("S3 returned an inventory configuration that is not valid XML: " + e.getMessage(), e);
        }
    }

    private static String serialize(Document doc) throws SQLException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw Errors.internal("writing the inventory configuration XML", e);
        }
    }
}
