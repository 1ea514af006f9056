package dev.s3inventory.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With no credentials, connect fails before any request is sent, so a wrong or dead {@code --endpoint}
 * would only show on the next attempt, after the credentials were fixed. Against a custom endpoint the
 * shell therefore also tries a TCP connection to it and says what it found: both problems at once.
 */
final class EndpointProbe {
    private static final Pattern ENDPOINT = Pattern.compile("[?&]endpoint=([^&]*)", Pattern.CASE_INSENSITIVE);
    private static final int TIMEOUT_MILLIS = 1_000;

    private EndpointProbe() {
    }

    /** A second line for a connect failure, or null when there is nothing to add. */
    static String afterConnectFailure(SQLException e, String url) {
        if (!"28000".equals(e.getSQLState()) || e.getMessage() == null || !e.getMessage().startsWith("No AWS credentials")) {
            return null;
        }
        Matcher m = ENDPOINT.matcher(url);
        if (!m.find()) {
            return null;
        }
        String endpoint = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException malformed) {
            return null; // the driver says what is wrong with it
        }
        if (uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), TIMEOUT_MILLIS);
            return "The endpoint " + endpoint + " answers; it only needs credentials (LocalStack takes any, e.g. "
                    + "-p user=test -p password=test; its demo account is -p user=123456789012 -p password=test).";
        } catch (IOException unreachable) {
            return "Nothing answers at " + endpoint + " either (" + unreachable.getClass().getSimpleName()
                    + "): check --endpoint, or start LocalStack there (bin/s3inventory starts it for the demo).";
        }
    }
}
