package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What must hold for every write, shown against our S3-protocol server (which stores documents
 * byte for byte, unlike LocalStack): UPDATE keeps fields nobody models, and a refused statement
 * sends no request at all.
 */
class WriteSafetyTest {
    private static final String TABLE = "aws.s3.bucket_inventory_configurations";
    private static final String FUTURE_XML = "<InventoryConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Destination><S3BucketDestination><Bucket>arn:aws:s3:::reports</Bucket><Format>CSV</Format>"
            + "<FutureDestinationSetting>kept</FutureDestinationSetting></S3BucketDestination></Destination>"
            + "<IsEnabled>true</IsEnabled><Id>future</Id><IncludedObjectVersions>All</IncludedObjectVersions>"
            + "<OptionalFields><Field>Size</Field><Field>FutureField</Field></OptionalFields>"
            + "<Schedule><Frequency>Daily</Frequency></Schedule><FutureSetting>on</FutureSetting>"
            + "</InventoryConfiguration>";

    private FakeS3Server s3;
    private Connection connection;

    @BeforeEach
    void start() throws SQLException {
        s3 = new FakeS3Server().addBucket("keep", "eu-west-1");
        s3.putConfigurationXml("keep", "future", FUTURE_XML);
        connection = connect("");
    }

    @AfterEach
    void stop() throws SQLException {
        connection.close();
        s3.close();
    }

    private Connection connect(String extra) throws SQLException {
        Connection c = DriverManager.getConnection(s3.jdbcUrl(extra));
        s3.resetLog();
        return c;
    }

    private int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    @Test
    void updateKeepsElementsAndOptionalFieldsNobodyModels() throws SQLException {
        assertEquals(1, update(connection, "UPDATE " + TABLE + " SET is_enabled = FALSE, destination_prefix = 'p/' "
                + "WHERE bucket = 'keep' AND id = 'future'"));
        String xml = s3.configurationXml("keep", "future");
        assertTrue(xml.contains("<IsEnabled>false</IsEnabled>"), xml);
        assertTrue(xml.contains("<Prefix>p/</Prefix>"), xml);
        assertTrue(xml.contains("<FutureSetting>on</FutureSetting>"), xml);
        assertTrue(xml.contains("<FutureDestinationSetting>kept</FutureDestinationSetting>"), xml);
        assertTrue(xml.contains("<Field>FutureField</Field>"), xml);
        assertEquals(1, s3.count("PutBucketInventoryConfiguration"));
    }

    @Test
    void motosNameForAMissingConfigurationMeansAbsentToo() throws SQLException {
        s3.noSuchConfigurationCode("NoSuchInventoryConfig"); // moto 5's server

        assertEquals(1, update(connection, "INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, "
                + "destination_format, schedule_frequency) VALUES ('keep', 'new', 'arn:aws:s3:::reports', 'CSV', 'Daily')"));
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("SELECT id FROM " + TABLE + " WHERE bucket = 'keep' AND id = 'gone'")) {
            assertFalse(rs.next(), "a point read of a missing configuration is no row, not an error");
        }
        assertTrue(s3.configurationIds("keep").contains("new"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "UPDATE without WHERE|UPDATE " + TABLE + " SET is_enabled = FALSE|42000|WHERE",
        "DELETE without WHERE|DELETE FROM " + TABLE + "|42000|WHERE",
        "bad enum|INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
            + "VALUES ('keep', 'x', 'arn:aws:s3:::reports', 'XML', 'Daily')|22023|CSV, ORC, Parquet",
        "bad ARN|INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, schedule_frequency) "
            + "VALUES ('keep', 'x', 's3://reports', 'CSV', 'Daily')|22023|destination_bucket_arn",
        "unknown optional field|INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
            + "schedule_frequency, optional_fields) VALUES ('keep', 'x', 'arn:aws:s3:::reports', 'CSV', 'Daily', "
            + "'Size,Colour')|22023|Colour",
        "SSE-KMS without key|INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
            + "schedule_frequency, destination_encryption) VALUES ('keep', 'x', 'arn:aws:s3:::reports', 'CSV', 'Daily', "
            + "'SSE-KMS')|22023|destination_kms_key_id",
        "missing required column|INSERT INTO " + TABLE + " (bucket, id, destination_format, schedule_frequency) "
            + "VALUES ('keep', 'x', 'CSV', 'Daily')|22023|destination_bucket_arn",
        "update of the key|UPDATE " + TABLE + " SET id = 'y' WHERE bucket = 'keep'|22023|id",
        "update of region|UPDATE " + TABLE + " SET region = 'us-east-1' WHERE bucket = 'keep'|22023|region",
        "bad value in UPDATE|UPDATE " + TABLE + " SET schedule_frequency = 'Hourly' WHERE bucket = 'keep'|22023|Daily, Weekly",
        "write to buckets|DELETE FROM aws.s3.buckets WHERE name = 'keep'|0A000|read-only",
        "unknown JSON key|INSERT INTO " + TABLE + " (bucket, configuration_json) VALUES ('keep', "
            + "'{\"Id\":\"x\",\"Colour\":\"red\"}')|22023|Colour",
    })
    void refusedStatementsSendNoRequest(String name, String sql, String sqlState, String mentioned) {
        SQLException e = assertThrows(SQLException.class, () -> update(connection, sql));
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        assertEquals(0, s3.totalRequests(), "a refused statement sends nothing");
        assertTrue(s3.configurationXml("keep", "future").equals(FUTURE_XML), "and changes nothing");
    }

    @Test
    void readOnlyConnectionsRefuseEveryWrite() throws SQLException {
        String insert = "INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
                + "schedule_frequency) VALUES ('keep', 'x', 'arn:aws:s3:::reports', 'CSV', 'Daily')";
        try (Connection readOnly = connect("&readOnly=true")) {
            assertEquals("25006", assertThrows(SQLException.class, () -> update(readOnly, insert)).getSQLState());
            readOnly.setReadOnly(false); // a connection opened read-only stays read-only
            assertEquals("25006", assertThrows(SQLException.class, () -> update(readOnly, insert)).getSQLState());
        }
        connection.setReadOnly(true);
        assertEquals("25006", assertThrows(SQLException.class,
                () -> update(connection, "DELETE FROM " + TABLE + " WHERE bucket = 'keep'")).getSQLState());
        assertEquals(0, s3.totalRequests());
        connection.setReadOnly(false);
        assertEquals(1, update(connection, insert));
        assertFalse(s3.configurationXml("keep", "x") == null);
    }
}
