package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.BucketErrorPolicy;
import dev.s3inventory.s3.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A connection's settings, parsed and validated from the URL ({@code jdbc:s3inventory:?k=v&k=v})
 * and {@link Properties}; a URL value wins over a property. Secrets stay in here and are never
 * printed: {@link #safeUrl()} and {@link #toString()} leave them out.
 */
final class ConnectionConfig {
    static final String PREFIX = "jdbc:s3inventory:";

    private final Map<ConnectionProperty, String> values;

    private ConnectionConfig(Map<ConnectionProperty, String> values) {
        this.values = values;
    }

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static ConnectionConfig parse(String url, Properties info) throws SQLException {
        ConnectionConfig config = new ConnectionConfig(given(url, info));
        config.validate();
        return config;
    }

    /** The properties given in {@code info} and the URL (which wins), not yet validated. */
    static Map<ConnectionProperty, String> given(String url, Properties info) throws SQLException {
        Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                ConnectionProperty p = ConnectionProperty.forKey(name);
                // Tools add properties of their own: unknown keys in Properties are ignored.
                if (p != null && info.getProperty(name) != null) {
                    values.put(p, info.getProperty(name));
                }
            }
        }
        String rest = url.substring(PREFIX.length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        if (!rest.isEmpty()) {
            if (!rest.startsWith("?")) {
                throw Errors.malformedUrl("Malformed URL: after '" + PREFIX + "' only '?key=value&...' "
                        + "may follow, e.g. jdbc:s3inventory:?region=eu-west-1");
            }
            for (String pair : rest.substring(1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq), "a property name");
                ConnectionProperty p = ConnectionProperty.forKey(key);
                if (p == null) {
                    throw Errors.unknownProperty(nameOnly(key), ClosestNames.ofPropertyKey(key), knownKeys());
                }
                values.put(p, eq < 0 ? "" : decode(pair.substring(eq + 1), "the value of " + p.key()));
            }
        }
        return values;
    }

    /** The text is never shown: a malformed value may be a password. */
    private static String decode(String s, String what) throws SQLException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Errors.malformedUrl("Malformed URL encoding in " + what + " in the URL: "
                    + "encode '%' as %25 and '+' as %2B");
        }
    }

    /**
     * A mistyped name up to its first character that no property name has: {@code password:s3cr3t}
     * (a ':' typed for '=') must not show what follows.
     */
    private static String nameOnly(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]*").matcher(key);
        m.lookingAt();
        return m.end() == key.length() ? key : key.substring(0, m.end() + 1) + "...";
    }

    /**
     * A value as messages may show it: masked when it shares a secret with this connection (a secret
     * pasted into the wrong property is still a secret).
     */
    private String shown(String value) {
        String v = value.trim();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            String secret = p.isSecret() && values.get(p) != null ? values.get(p).trim() : "";
            if (!secret.isEmpty() && (v.contains(secret) || v.length() >= 8 && secret.contains(v))) {
                return "***";
            }
        }
        return value;
    }

    private void validate() throws SQLException {
        for (ConnectionProperty p : ConnectionProperty.values()) {
            String v = values.get(p);
            if (v != null && !p.choices().isEmpty() && !p.choices().contains(v.trim().toLowerCase(Locale.ROOT))) {
                throw Errors.badValue("Connection property " + p.key() + " must be one of " + p.choices() + ", not '"
                        + (p.isSecret() ? "***" : shown(v)) + "'");
            }
        }
        positive(ConnectionProperty.MAX_CONCURRENCY, 1, 1024);
        positive(ConnectionProperty.CACHE_TTL_SECONDS, 0, 86_400);
        positive(ConnectionProperty.CONNECT_TIMEOUT_SECONDS, 1, 3600);
        positive(ConnectionProperty.SOCKET_TIMEOUT_SECONDS, 1, 3600);
        positive(ConnectionProperty.LOGIN_TIMEOUT_SECONDS, 1, 3600);
        positive(ConnectionProperty.MAX_ATTEMPTS, 1, 20);
        positive(ConnectionProperty.MAX_JOIN_ROWS, 1, 1_000_000_000);
        endpoint();
        String region = get(ConnectionProperty.REGION);
        if (region != null && !region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw Errors.badValue("Connection property region must be an AWS region id such as eu-west-1 (lower case), "
                    + "not '" + shown(region) + "'");
        }
        if (get(ConnectionProperty.USER) != null && get(ConnectionProperty.PASSWORD) == null) {
            throw Errors.badValue("Connection property user (access key id) is set but password (secret access key) "
                    + "is not; set both, or neither to use profile or the default credential chain");
        }
    }

    private void positive(ConnectionProperty p, int min, int max) throws SQLException {
        int n = integer(p);
        if (n < min || n > max) {
            throw Errors.badValue("Connection property " + p.key() + " must be between " + min + " and " + max
                    + ", not " + n);
        }
    }

    String get(ConnectionProperty p) {
        String v = values.get(p);
        if (v == null || v.isBlank()) {
            return p.defaultValue();
        }
        return v.trim();
    }

    boolean bool(ConnectionProperty p) {
        return Boolean.parseBoolean(get(p).toLowerCase(Locale.ROOT));
    }

    int integer(ConnectionProperty p) throws SQLException {
        try {
            return Integer.parseInt(get(p));
        } catch (NumberFormatException e) {
            throw Errors.badValue("Connection property " + p.key() + " must be a whole number, not '" + shown(get(p))
                    + "'");
        }
    }

    URI endpoint() throws SQLException {
        String e = get(ConnectionProperty.ENDPOINT);
        if (e == null) {
            return null;
        }
        if (e.contains("@")) {
            // user:password@host would put a secret into getURL() and every message naming the endpoint.
            throw Errors.badValue("Connection property endpoint must not contain user information (user:password@); "
                    + "give credentials with the user and password properties");
        }
        try {
            URI uri = new URI(e);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new URISyntaxException(e, "needs http:// or https:// and a host");
            }
            return uri;
        } catch (URISyntaxException ex) {
            throw Errors.badValue("Connection property endpoint must be a URL such as http://127.0.0.1:4566, not '"
                    + shown(e) + "'");
        }
    }

    BucketErrorPolicy bucketErrorPolicy() {
        return get(ConnectionProperty.ON_BUCKET_ERROR).equalsIgnoreCase("fail") ? BucketErrorPolicy.FAIL
                : BucketErrorPolicy.WARN;
    }

    S3Settings s3Settings() throws SQLException {
        int concurrency = integer(ConnectionProperty.MAX_CONCURRENCY);
        return new S3Settings(endpoint(), get(ConnectionProperty.REGION), bool(ConnectionProperty.PATH_STYLE_ACCESS),
                get(ConnectionProperty.USER), get(ConnectionProperty.PASSWORD), get(ConnectionProperty.SESSION_TOKEN),
                get(ConnectionProperty.PROFILE), Math.max(concurrency * 2, 16),
                Duration.ofSeconds(integer(ConnectionProperty.CONNECT_TIMEOUT_SECONDS)),
                Duration.ofSeconds(integer(ConnectionProperty.SOCKET_TIMEOUT_SECONDS)),
                integer(ConnectionProperty.MAX_ATTEMPTS));
    }

    /** How long connect may take: {@code DriverManager.setLoginTimeout} when set, else loginTimeoutSeconds. */
    Duration loginTimeout() throws SQLException {
        int global = java.sql.DriverManager.getLoginTimeout();
        return Duration.ofSeconds(global > 0 ? global : integer(ConnectionProperty.LOGIN_TIMEOUT_SECONDS));
    }

    /** The URL with every explicitly set non-secret property, for getURL() and messages. */
    String safeUrl() {
        StringBuilder sb = new StringBuilder(PREFIX);
        char sep = '?';
        for (Map.Entry<ConnectionProperty, String> e : values.entrySet()) {
            if (e.getKey().isSecret() || e.getKey() == ConnectionProperty.USER) {
                continue;
            }
            sb.append(sep).append(e.getKey().key()).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ConnectionConfig[" + safeUrl() + "]";
    }

    private static String knownKeys() {
        StringBuilder sb = new StringBuilder();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
        }
        return sb.toString();
    }
}
