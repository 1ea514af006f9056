package dev.s3inventory.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the JDBC URL from {@code --url} and the connection flags ({@code --region}, {@code --profile},
 * {@code --endpoint}, {@code -p key=value} ...). A flag replaces the same key in {@code --url}: the flag
 * is the more specific of the two. Keys already in the URL keep their place and spelling.
 */
final class ConnectionUrl {
    static final String PREFIX = "jdbc:s3inventory:";

    private ConnectionUrl() {
    }

    /**
     * @param base      a {@code jdbc:s3inventory:} URL, possibly with a query string
     * @param overrides keys and (unencoded) values to set, in order
     */
    static String build(String base, Map<String, String> overrides) {
        int question = base.indexOf('?');
        String head = question < 0 ? base : base.substring(0, question);
        List<String> pairs = new ArrayList<>();
        if (question >= 0) {
            for (String pair : base.substring(question + 1).split("&")) {
                if (!pair.isEmpty() && !overrides.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key(pair)))) {
                    pairs.add(pair);
                }
            }
        }
        overrides.forEach((key, value) -> pairs.add(encode(key) + "=" + encode(value)));
        return pairs.isEmpty() ? head : head + "?" + String.join("&", pairs);
    }

    private static String key(String pair) {
        int eq = pair.indexOf('=');
        String raw = eq < 0 ? pair : pair.substring(0, eq);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // the driver reports the malformed encoding when it connects
        }
    }

    /**
     * Percent-encodes what would change the meaning of the query string ({@code & = % + #}, spaces,
     * non-ASCII) and leaves the rest readable, so that {@code endpoint=http://127.0.0.1:4566} stays
     * legible in the banner and in {@code \conninfo}.
     */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/@,;!*'()$".indexOf(c) >= 0;
            b.append(plain ? String.valueOf((char) c) : String.format(Locale.ROOT, "%%%02X", c));
        }
        return b.toString();
    }

    /** True for URLs this driver accepts ({@code jdbc:s3inventory:} in any case). */
    static boolean isOurs(String url) {
        return url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The URL with the values of secret keys replaced by {@code ***}, for messages and banners. */
    static String redact(String url) {
        return url.replaceAll("(?i)((?:password|sessionToken)=)[^&\\s]*", "$1***");
    }
}
