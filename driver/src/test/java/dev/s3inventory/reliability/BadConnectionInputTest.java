package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every malformed URL and every bad value of every connection property fails connect at once —
 * before any request — with 08001 (the URL's shape) or 22023 (an unknown name, a value), naming the property, and the
 * same value given through Properties fails the same way.
 */
class BadConnectionInputTest {
    private static final String AREA = "Bad input";
    private static FakeS3Server s3;

    @BeforeAll
    static void start() {
        s3 = new FakeS3Server();
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    /** Property, bad value. */
    private static final List<String[]> BAD_VALUES = List.of(
            new String[] {"pathStyleAccess", "maybe"}, new String[] {"pathStyleAccess", "1"},
            new String[] {"readOnly", "yes"}, new String[] {"readOnly", "TRUE!"},
            new String[] {"onBucketError", "ignore"}, new String[] {"onBucketError", ""},
            new String[] {"maxConcurrency", "0"}, new String[] {"maxConcurrency", "-3"}, new String[] {"maxConcurrency", "abc"},
            new String[] {"maxConcurrency", "1e3"}, new String[] {"maxConcurrency", "99999999999"},
            new String[] {"maxConcurrency", "5000"}, new String[] {"cacheTtlSeconds", "-1"},
            new String[] {"cacheTtlSeconds", "forever"}, new String[] {"connectTimeoutSeconds", "0"},
            new String[] {"connectTimeoutSeconds", "1.5"}, new String[] {"socketTimeoutSeconds", "4000"},
            new String[] {"socketTimeoutSeconds", "-"}, new String[] {"maxAttempts", "0"}, new String[] {"maxAttempts", "21"},
            new String[] {"maxAttempts", "many"}, new String[] {"endpoint", "ftp://127.0.0.1:21"},
            new String[] {"endpoint", "127.0.0.1:4566"}, new String[] {"endpoint", "http://"},
            new String[] {"endpoint", "http://exa mple.com"}, new String[] {"endpoint", "http://u:p@127.0.0.1:1"},
            new String[] {"endpoint", "not a url"}, new String[] {"region", "eu west 1"}, new String[] {"region", "../x"},
            new String[] {"region", "EU-WEST-1"}, new String[] {"region", "eu-west-1/x"},
            new String[] {"region", "\u00e9u-west-1"}, new String[] {"user", "AKIAONLYUSER"},
            new String[] {"loginTimeoutSeconds", "0"}, new String[] {"loginTimeoutSeconds", "soon"},
            new String[] {"maxJoinRows", "0"}, new String[] {"maxJoinRows", "9999999999"});

    @Test
    void badPropertyValuesFailWith22023NamingTheProperty() {
        Tally tally = new Tally(AREA, BAD_VALUES.size() + " bad values across every connection property, each in the URL "
                + "and in Properties: 22023 naming the property, no request sent");
        s3.resetLog();
        for (String[] bad : BAD_VALUES) {
            java.util.Map<String, String> good = new java.util.LinkedHashMap<>();
            good.put("endpoint", s3.endpoint().toString());
            good.put("pathStyleAccess", "true");
            good.put("region", "us-east-1");
            if (!bad[0].equals("user")) {
                good.put("user", "test");
                good.put("password", "test");
            }
            good.remove(bad[0]);
            StringBuilder base = new StringBuilder("jdbc:s3inventory:");
            good.forEach((k, v) -> base.append(base.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
            String url = base + (base.indexOf("?") < 0 ? "?" : "&") + bad[0] + "="
                    + java.net.URLEncoder.encode(bad[1], java.nio.charset.StandardCharsets.UTF_8);
            expect(tally, "URL " + bad[0] + "=" + bad[1], url, null, "22023", bad[0]);
            Properties p = new Properties();
            p.setProperty(bad[0], bad[1]);
            expect(tally, "Properties " + bad[0] + "=" + bad[1], base.toString(), p, "22023", bad[0]);
        }
        if (s3.totalRequests() > 0) {
            tally.wrong(s3.totalRequests() + " requests were sent for connections that should never have been opened");
        }
        tally.record();
    }

    @Test
    void malformedUrlsFailWith08001() {
        String[][] urls = {
            {"jdbc:s3inventory:region=eu-west-1", "?key=value"},
            {"jdbc:s3inventory:?%zz=1", "a property name"},
            {"jdbc:s3inventory:?region=%", "the value of region"},
            {"jdbc:s3inventory:?region=eu-west-1&region%", "a property name"},
            {"jdbc:s3inventory:#frag", "?key=value"},
            {"jdbc:s3inventory: ?region=eu-west-1", "?key=value"},
        };
        Tally tally = new Tally(AREA, urls.length + " malformed URLs (no '?', broken %-encoding, stray characters): "
                + "08001 saying what is wrong");
        for (String[] u : urls) {
            expect(tally, u[0], u[0], null, "08001", u[1]);
        }
        tally.record();
    }

    /** Nothing was unreachable: a name the driver does not know is bad input, and the hint names the close ones. */
    @Test
    void unknownPropertyNamesFailWith22023NamingTheClosest() {
        String[][] urls = {
            {"jdbc:s3inventory:?regoin=eu-west-1", "'regoin' in the URL; did you mean region?"},
            {"jdbc:s3inventory:?pathstyle=true", "did you mean pathStyleAccess?"},
            {"jdbc:s3inventory:?PATHSTYLEACESS=true", "did you mean pathStyleAccess?"},
            {"jdbc:s3inventory:?maxConcurency=4", "did you mean maxConcurrency?"},
            {"jdbc:s3inventory:?sessiontokn=x", "did you mean sessionToken?"},
            {"jdbc:s3inventory:?colour=blue", "Known properties: region, endpoint, pathStyleAccess"},
            {"jdbc:s3inventory:?=x", "''"},
            {"jdbc:s3inventory:??region=eu-west-1", "'?...'"},
        };
        Tally tally = new Tally(AREA, urls.length + " unknown or empty property names in the URL (typos, wrong case, "
                + "no name): 22023 naming the closest known names");
        for (String[] u : urls) {
            expect(tally, u[0], u[0], null, "22023", u[1]);
        }
        tally.record();
    }

    private static void expect(Tally tally, String what, String url, Properties p, String state, String mentioned) {
        try {
            DriverManager.getConnection(url, p == null ? new Properties() : p).close();
            tally.wrong(what + ": connected");
        } catch (SQLException e) {
            if (state.equals(e.getSQLState()) && e.getMessage().contains(mentioned)) {
                tally.cleanError();
            } else {
                tally.wrong(what + ": " + e.getSQLState() + " " + e.getMessage());
            }
        } catch (RuntimeException e) {
            tally.wrong(what + ": " + e);
        }
        tally.faults(1);
    }
}
