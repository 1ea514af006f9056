package dev.s3inventory.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

    @Test
    void urlValueWinsOverProperty() throws SQLException {
        Properties p = new Properties();
        p.setProperty("region", "us-west-2");
        p.setProperty("maxConcurrency", "4");
        ConnectionConfig c = ConnectionConfig.parse("jdbc:s3inventory:?region=eu-west-1", p);
        assertEquals("eu-west-1", c.get(ConnectionProperty.REGION));
        assertEquals(4, c.integer(ConnectionProperty.MAX_CONCURRENCY));
    }

    @Test
    void valuesAreUrlDecoded() throws SQLException {
        ConnectionConfig c = ConnectionConfig.parse("jdbc:s3inventory:?endpoint=http%3A%2F%2F127.0.0.1%3A4566", null);
        assertEquals("http://127.0.0.1:4566", c.endpoint().toString());
    }

    @Test
    void secretsAppearNowhere() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "AKIAEXAMPLE");
        p.setProperty("password", SECRET);
        ConnectionConfig c = ConnectionConfig.parse("jdbc:s3inventory:?sessionToken=" + TOKEN + "&region=eu-west-1", p);
        for (String shown : new String[] {c.safeUrl(), c.toString(), c.s3Settings().toString()}) {
            assertFalse(shown.contains(SECRET), shown);
            assertFalse(shown.contains(TOKEN), shown);
        }
        assertTrue(c.safeUrl().contains("region=eu-west-1"));
        Properties given = new Properties();
        given.setProperty("password", SECRET);
        for (DriverPropertyInfo info : new S3InventoryDriver().getPropertyInfo("jdbc:s3inventory:", given)) {
            if (info.name.equals("password")) {
                assertNull(info.value);
            }
        }
    }

    @Test
    void propertyInfoShowsWhatTheUrlAndPropertiesGive() {
        Properties given = new Properties();
        given.setProperty("region", "us-west-2");
        given.setProperty("maxConcurrency", "16");
        given.setProperty("password", SECRET);
        java.util.Map<String, DriverPropertyInfo> info = new java.util.HashMap<>();
        for (DriverPropertyInfo i : new S3InventoryDriver().getPropertyInfo(
                "jdbc:s3inventory:?readOnly=true&region=eu-west-1&sessionToken=" + TOKEN, given)) {
            info.put(i.name, i);
        }
        assertEquals("true", info.get("readOnly").value, "from the URL");
        assertEquals("eu-west-1", info.get("region").value, "the URL wins over Properties");
        assertEquals("16", info.get("maxConcurrency").value, "from Properties");
        assertEquals("60", info.get("cacheTtlSeconds").value, "the default");
        assertNull(info.get("password").value);
        assertNull(info.get("sessionToken").value);
        // a URL the driver cannot read still lists every property, with what Properties give
        DriverPropertyInfo[] fallback = new S3InventoryDriver().getPropertyInfo("jdbc:s3inventory:?%zz", given);
        assertEquals(info.size(), fallback.length);
    }

    @Test
    void badValuesNameTheProperty() {
        SQLException e = assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?onBucketError=ignore", null));
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("onBucketError"), e.getMessage());
        assertEquals("22023", assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?maxConcurrency=lots", null)).getSQLState());
        assertEquals("22023", assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?endpoint=127.0.0.1:4566", null)).getSQLState());
        SQLException unknown = assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?regoin=eu-west-1", null));
        assertEquals("22023", unknown.getSQLState(), "a typo is bad input, not an unreachable server");
        assertTrue(unknown.getMessage().contains("'regoin' in the URL; did you mean region?"), unknown.getMessage());
    }

    @Test
    void unknownPropertiesSuggestOnlyCloseNamesAndNeverEchoAValue() {
        SQLException far = assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?colour=blue", null));
        assertEquals("22023", far.getSQLState());
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
        assertTrue(far.getMessage().contains("Known properties: region, endpoint"), far.getMessage());
        // ':' typed for '=': the name part is judged and shown, the secret after it never is
        SQLException typo = assertThrows(SQLException.class,
                () -> ConnectionConfig.parse("jdbc:s3inventory:?password:s3cr3t", null));
        assertTrue(typo.getMessage().contains("'password:...' in the URL; did you mean password?"), typo.getMessage());
        assertFalse(typo.getMessage().contains("s3cr3t"), typo.getMessage());
    }

    @Test
    void closestNamesIgnoreCaseAllowTyposByLengthAndPreferTheNearest() {
        List<String> known = List.of("region", "endpoint", "pathStyleAccess", "profile", "readOnly",
                "connectTimeoutSeconds", "socketTimeoutSeconds");
        assertEquals(List.of("region"), ClosestNames.of("REGOIN", known));
        assertEquals(List.of("pathStyleAccess"), ClosestNames.of("pathstyle", known));
        assertEquals(List.of("profile"), ClosestNames.of("profil", known));
        assertEquals(List.of("socketTimeoutSeconds"), ClosestNames.of("ocketTimeoutSecond", known),
                "two typos in a long name are still close; connectTimeoutSeconds (5 edits) is not");
        assertEquals(List.of("abcdx", "abce", "abcf"), ClosestNames.of("abcd", List.of("zzzz", "abcf", "abdd", "abce",
                "abcdx")), "nearest first, then by name, at most three");
        assertEquals(List.of(), ClosestNames.of("colour", known));
        assertEquals(List.of(), ClosestNames.of("", known));
        assertEquals(1, ClosestNames.distance("regoin", "region"), "a swap of neighbours is one edit");
        assertEquals(3, ClosestNames.distance("kitten", "sitting"));
    }

    @Test
    void foreignUrlsAreLeftToOtherDrivers() throws SQLException {
        S3InventoryDriver driver = new S3InventoryDriver();
        assertNull(driver.connect("jdbc:postgresql://localhost/db", new Properties()));
        assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/db"));
        assertTrue(driver.acceptsURL("jdbc:s3inventory:"));
        assertTrue(DriverManager.getDriver("jdbc:s3inventory:") instanceof S3InventoryDriver,
                "registered through META-INF/services without Class.forName");
    }

    @Test
    void unreachableEndpointFailsAtConnectWith08001() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:s3inventory:?endpoint=http://127.0.0.1:9&user=a&password=" + SECRET + "&connectTimeoutSeconds=2"));
        assertEquals("08001", e.getSQLState());
        assertFalse(e.getMessage().contains(SECRET));
    }
}
