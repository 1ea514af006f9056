package dev.s3inventory.reliability;

import dev.s3inventory.testing.FakeS3Fault;
import dev.s3inventory.testing.FakeS3Server;
import dev.s3inventory.testing.LogCapture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets — the secret access key ({@code password}) and the session token — never show: not in any
 * exception (message, causes, suppressed, chained), warning, log line of any logger at any level,
 * toString(), getURL(), client info or DriverPropertyInfo. Tried across connect failures, query
 * failures and every object the driver hands out, with the secrets given in the URL and in
 * Properties, and against a server that echoes them back in its error documents, as S3 echoes the
 * session token in SignatureDoesNotMatch.
 */
class SecretsTest {
    private static final String AREA = "Secrets";
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+session/token=";
    private static LogCapture log;
    private static FakeS3Server s3;

    @BeforeAll
    static void start() {
        log = LogCapture.start(); // every logger, every level, for the whole class
        s3 = new FakeS3Server().addBucket("open-bucket", "eu-west-1").addBucket("denied-bucket", "us-east-1")
                .addBucket("failing-bucket", "us-east-1").denyAccess("denied-bucket");
        s3.putConfigurationXml("open-bucket", "daily", FakeS3Server.sampleConfigurationXml("daily"));
    }

    @AfterAll
    static void stop() {
        try {
            scanLog();
        } finally {
            log.close();
            s3.close();
        }
    }

    /** Each secret as given and as a URL or a log might show it. */
    private static List<String> forms() {
        List<String> forms = new ArrayList<>();
        for (String s : List.of(SECRET, TOKEN)) {
            forms.add(s);
            forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            forms.add(s.substring(0, 20)); // a cut-off secret is still a leak
        }
        return forms;
    }

    /** Where a secret was found in the text, or null. */
    static String leakIn(String where, String text) {
        if (text == null) {
            return null;
        }
        for (String f : forms()) {
            if (text.contains(f)) {
                return where + ": " + text;
            }
        }
        return null;
    }

    /** Everything a throwable shows: messages and toString of it, its causes, suppressed and chained exceptions. */
    static String everything(Throwable t) {
        StringBuilder sb = new StringBuilder();
        collect(t, sb, 0);
        return sb.toString();
    }

    private static void collect(Throwable t, StringBuilder sb, int depth) {
        if (t == null || depth > 30) {
            return;
        }
        sb.append(t).append(" / ").append(t.getMessage()).append(" / ").append(t.getLocalizedMessage()).append('\n');
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append(e).append('\n');
        }
        for (Throwable s : t.getSuppressed()) {
            collect(s, sb, depth + 1);
        }
        collect(t.getCause(), sb, depth + 1);
        if (t instanceof SQLException e) {
            collect(e.getNextException(), sb, depth + 1);
        }
    }

    private static String url(String endpoint, String extra) {
        return "jdbc:s3inventory:?endpoint=" + endpoint + "&pathStyleAccess=true&region=us-east-1&cacheTtlSeconds=0&user="
                + KEY_ID
                + "&password=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                + "&sessionToken=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8) + extra;
    }

    private static Properties secretsAsProperties() {
        Properties p = new Properties();
        p.setProperty("user", KEY_ID);
        p.setProperty("password", SECRET);
        p.setProperty("sessionToken", TOKEN);
        return p;
    }

    private static void expectFailure(Tally tally, String what, ThrowingRunnable action) {
        try {
            action.run();
            tally.wrong(what + ": did not fail");
        } catch (SQLException e) {
            String leak = leakIn(what, everything(e));
            if (leak != null) {
                tally.leak(leak);
            } else {
                tally.cleanError();
            }
        } catch (Exception e) {
            tally.wrong(what + ": " + e);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void connectFailuresShowNoSecret() throws Exception {
        Tally tally = new Tally(AREA, "connect failures (refused, InvalidAccessKeyId, SignatureDoesNotMatch with the "
                + "token echoed as S3 does, ExpiredToken, 500, and 7 malformed URLs holding secrets) — secrets in URL and "
                + "in Properties: exception chains");
        String fake = s3.endpoint().toString();
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"refused", "http://127.0.0.1:9", ""});
        cases.add(new String[] {"InvalidAccessKeyId", fake, "403 InvalidAccessKeyId"});
        cases.add(new String[] {"SignatureDoesNotMatch", fake, "403 SignatureDoesNotMatch"});
        cases.add(new String[] {"ExpiredToken", fake, "400 ExpiredToken"});
        cases.add(new String[] {"InternalError", fake, "500 InternalError"});
        for (String[] c : cases) {
            for (boolean viaProperties : new boolean[] {false, true}) {
                if (!c[2].isEmpty()) {
                    String[] fault = c[2].split(" ");
                    s3.failNext(Integer.parseInt(fault[0]), fault[1], 20);
                }
                String extra = "&connectTimeoutSeconds=1&socketTimeoutSeconds=1&maxAttempts=1";
                expectFailure(tally, "connect, " + c[0] + (viaProperties ? " (Properties)" : " (URL)"), () -> {
                    if (viaProperties) {
                        DriverManager.getConnection("jdbc:s3inventory:?endpoint=" + c[1] + "&pathStyleAccess=true"
                                + extra, secretsAsProperties()).close();
                    } else {
                        DriverManager.getConnection(url(c[1], extra)).close();
                    }
                });
                s3.clearFaults();
            }
        }
        // Values that are refused before anything is sent.
        String[] malformed = {
            "jdbc:s3inventory:?user=" + KEY_ID + "&password=" + SECRET.substring(0, 22) + "%zz" + SECRET.substring(22),
            "jdbc:s3inventory:?user=" + KEY_ID + "&sessionToken=%" + TOKEN + "&password=x",
            "jdbc:s3inventory:?user=" + KEY_ID + "&password:" + SECRET,
            "jdbc:s3inventory:?endpoint=http://" + KEY_ID + ":" + SECRET + "@127.0.0.1:9",
            "jdbc:s3inventory:?password=" + SECRET + "&maxConcurrency=" + SECRET,
            "jdbc:s3inventory:?password=x&sessionToken=" + TOKEN + "&onBucketError=" + TOKEN,
            "jdbc:s3inventory:" + SECRET,
        };
        for (String bad : malformed) {
            expectFailure(tally, "malformed " + bad, () -> DriverManager.getConnection(bad).close());
        }
        tally.record();
    }

    @Test
    void queryFailuresAndWarningsShowNoSecret() throws Exception {
        Tally tally = new Tally(AREA, "query failures and warnings (every per-bucket fault under warn and fail, also from "
                + "a server echoing the token in its messages; SignatureDoesNotMatch, timeout, syntax, bad values, "
                + "read-only) — exception and warning chains");
        for (String policy : List.of("warn", "fail")) {
            try (Connection c = DriverManager.getConnection(url(s3.endpoint().toString(), "&maxAttempts=2&onBucketError="
                    + policy))) {
                for (FakeS3Fault fault : FakeS3Fault.everyKind()) {
                    s3.failBucket("failing-bucket", fault);
                    runAndScan(tally, c, "SELECT * FROM aws.s3.bucket_inventory_configurations", policy + " " + fault);
                }
                s3.failBucket("failing-bucket", null);
                s3.failNext(403, "SignatureDoesNotMatch", 4);
                runAndScan(tally, c, "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'open-bucket'",
                        policy + " SignatureDoesNotMatch");
                s3.echoTokenInErrors(true);
                for (FakeS3Fault fault : FakeS3Fault.everyKind()) {
                    s3.failBucket("failing-bucket", fault);
                    runAndScan(tally, c, "SELECT * FROM aws.s3.bucket_inventory_configurations", policy + " " + fault
                            + ", the server echoing the token in its error message");
                }
                s3.echoTokenInErrors(false).failBucket("failing-bucket", null);
                s3.clearFaults().denyAccess("denied-bucket");
                for (String sql : List.of("SELEC 1", "SELECT nope FROM aws.s3.buckets",
                        "INSERT INTO aws.s3.bucket_inventory_configurations (bucket, id) VALUES ('open-bucket', 'x')",
                        "UPDATE aws.s3.bucket_inventory_configurations SET destination_format = 'XML' WHERE 1=1")) {
                    runAndScan(tally, c, sql, policy + " " + sql);
                }
                c.setReadOnly(true);
                runAndScan(tally, c, "DELETE FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'open-bucket'",
                        "read-only");
                c.setReadOnly(false);
                s3.hang("failing-bucket");
                try (Statement st = c.createStatement()) {
                    st.setQueryTimeout(1);
                    expectFailure(tally, "timeout", () -> st.executeQuery(
                            "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'failing-bucket'"));
                }
            }
        }
        tally.record();
    }

    private static void runAndScan(Tally tally, Connection c, String sql, String what) {
        try (Statement st = c.createStatement()) {
            try {
                st.execute(sql);
                String leak = null;
                for (SQLWarning w = st.getWarnings(); w != null && leak == null; w = w.getNextWarning()) {
                    leak = leakIn(what + " warning", everything(w));
                }
                if (leak != null) {
                    tally.leak(leak);
                } else {
                    tally.correct();
                }
            } catch (SQLException e) {
                String leak = leakIn(what, everything(e));
                if (leak != null) {
                    tally.leak(leak);
                } else {
                    tally.cleanError();
                }
            }
        } catch (SQLException e) {
            tally.wrong(what + ": " + e);
        }
    }

    @Test
    void noObjectShowsASecret() throws Exception {
        Tally tally = new Tally(AREA, "toString() of every object, getURL(), getUserName(), client info, "
                + "DriverPropertyInfo — secrets in URL and in Properties");
        Driver driver = DriverManager.getDriver("jdbc:s3inventory:");
        List<String[]> shown = new ArrayList<>();
        for (boolean viaProperties : new boolean[] {false, true}) {
            String u = viaProperties ? "jdbc:s3inventory:?endpoint=" + s3.endpoint() + "&pathStyleAccess=true"
                    : url(s3.endpoint().toString(), "");
            Properties p = viaProperties ? secretsAsProperties() : new Properties();
            for (DriverPropertyInfo info : driver.getPropertyInfo(u, p)) {
                shown.add(new String[] {"DriverPropertyInfo " + info.name, info.name + "=" + info.value + " "
                        + info.description + " " + (info.choices == null ? "" : String.join(",", info.choices))});
            }
            try (Connection c = driver.connect(u, p)) {
                DatabaseMetaData md = c.getMetaData();
                shown.add(new String[] {"Driver.toString", driver.toString()});
                shown.add(new String[] {"Connection.toString", c.toString()});
                shown.add(new String[] {"getURL", md.getURL()});
                shown.add(new String[] {"getUserName", md.getUserName()});
                shown.add(new String[] {"DatabaseMetaData.toString", md.toString()});
                shown.add(new String[] {"getClientInfo", String.valueOf(c.getClientInfo())});
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT * FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'open-bucket'")) {
                    shown.add(new String[] {"Statement.toString", st.toString()});
                    shown.add(new String[] {"ResultSet.toString", rs.toString()});
                    shown.add(new String[] {"ResultSetMetaData.toString", rs.getMetaData().toString()});
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            shown.add(new String[] {"row value", rs.getString(i)});
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = ?")) {
                    ps.setString(1, "open-bucket");
                    shown.add(new String[] {"PreparedStatement.toString", ps.toString()});
                    shown.add(new String[] {"ParameterMetaData.toString", ps.getParameterMetaData().toString()});
                }
                try (ResultSet rs = md.getTables(null, null, null, null)) {
                    shown.add(new String[] {"metadata ResultSet.toString", rs.toString()});
                }
            }
        }
        for (String[] s : shown) {
            String leak = leakIn(s[0], s[1]);
            if (leak != null) {
                tally.leak(leak);
            } else {
                tally.correct();
            }
        }
        tally.record();
    }

    @Test
    void theDriverLogsCallsAndSkippedBucketsAndWarnsAboutHeaderLogging() throws Exception {
        int before = log.lines().size();
        try (Connection c = DriverManager.getConnection(url(s3.endpoint().toString(), "&maxAttempts=2"));
                Statement st = c.createStatement()) {
            s3.failBucket("failing-bucket", FakeS3Fault.internalError());
            FakeEstate.rows(st, "SELECT * FROM aws.s3.bucket_inventory_configurations");
            s3.failBucket("failing-bucket", null);
        }
        List<String> lines = log.lines().subList(before, log.lines().size());
        Tally tally = new Tally(AREA, "what the driver logs for one scan with a failing bucket: DEBUG per S3 call and "
                + "plan, WARN per skipped bucket, WARN when third-party header logging is on");
        for (String expected : List.of("WARN dev.s3inventory.s3.AwsS3Gateway: DEBUG logging of",
                "DEBUG dev.s3inventory.s3.S3CallLog: S3 ListBuckets", "DEBUG dev.s3inventory.engine.TableScanner: Scan plan",
                "WARN dev.s3inventory.engine.TableScanner: Skipped bucket 'failing-bucket' (InternalError)",
                "failed with InternalError (HTTP 500)")) {
            if (lines.stream().anyMatch(l -> l.contains(expected))) {
                tally.correct();
            } else {
                tally.wrong("no log line with: " + expected);
            }
        }
        tally.record();
    }

    /**
     * Every line logged while this class ran. The driver's own lines, and every logger's lines at INFO
     * and above, must hold no secret. The AWS SDK and Apache HttpClient print, at DEBUG, request
     * headers (the signer's canonical request, the wire and header logs) and the error texts servers
     * send — and so the session token, which S3 requires as a header (and which a careless server
     * may echo). The driver cannot change what they print: their DEBUG lines are checked apart, the
     * secret key must not appear even there (it is never sent), and the driver warns when they are on.
     * Each of the two is one check of the whole capture: how many lines were logged is not a number of
     * trials (and depends on timing).
     */
    private static void scanLog() {
        List<String> lines = log.lines();
        Tally driver = new Tally(AREA, "log of the driver (every level) and of every logger at INFO and above, "
                + "captured during all of the above: no secret in any line");
        Tally headers = new Tally(AREA, "log of the AWS SDK and Apache HttpClient at DEBUG and TRACE (request headers, "
                + "server error texts), captured during all of the above: the secret key in no line");
        List<String> driverLeaks = new java.util.ArrayList<>();
        List<String> headerLeaks = new java.util.ArrayList<>();
        boolean tokenShown = false;
        for (String line : lines) {
            boolean headerLogger = (line.startsWith("DEBUG ") || line.startsWith("TRACE "))
                    && THIRD_PARTY.stream().anyMatch(p -> line.substring(6).startsWith(p));
            String leak = leakIn("log", line);
            if (headerLogger) {
                if (leak != null && (line.contains(SECRET) || !line.contains(TOKEN))) {
                    headerLeaks.add(leak); // the secret key itself must never show, even there
                } else {
                    tokenShown |= leak != null;
                }
            } else if (leak != null) {
                driverLeaks.add(leak);
            }
        }
        outcome(driver, driverLeaks, lines.isEmpty());
        outcome(headers, headerLeaks, lines.isEmpty());
        if (tokenShown) {
            headers.note("the session token does show there (a request header, or echoed by the server): keep "
                    + "software.amazon.awssdk and org.apache.hc above DEBUG; the driver warns when they are not");
        }
        driver.record();
        headers.record();
    }

    /** One trial: the whole capture is clean, or it leaked (every leaking line named). */
    private static void outcome(Tally tally, List<String> leaks, boolean nothingCaptured) {
        if (nothingCaptured) {
            tally.wrong("nothing was logged: the capture is not working");
        } else if (leaks.isEmpty()) {
            tally.correct();
        } else {
            tally.leak(leaks.size() + " line(s): " + String.join(" / ", leaks.subList(0, Math.min(5, leaks.size()))));
        }
    }

    private static final List<String> THIRD_PARTY = List.of("software.amazon.awssdk.", "org.apache.hc.");
}
