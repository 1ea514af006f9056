package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s3inventory.testing.FakeS3Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls tools make around statements that are easy to get wrong: DBeaver saves several grid rows as one
 * batch (executeLargeBatch), Spring's KeyHolder asks for generated keys, and tools set fetch hints
 * (jdbc-client-checklist.md 1.5, b.5).
 */
class StatementHintsAndBatchesTest {
    private static final String INSERT = "INSERT INTO aws.s3.bucket_inventory_configurations "
            + "(bucket, id, destination_bucket_arn, destination_format, schedule_frequency) VALUES (?, ?, ?, ?, ?)";
    private FakeS3Server s3;
    private Connection connection;

    @BeforeEach
    void start() throws SQLException {
        s3 = new FakeS3Server().addBucket("grid", "us-east-1");
        connection = DriverManager.getConnection(s3.jdbcUrl(null));
    }

    @AfterEach
    void stop() throws SQLException {
        connection.close();
        s3.close();
    }

    @Test
    void fetchDirectionIsAHintOnAStatement() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setFetchDirection(ResultSet.FETCH_REVERSE);
            st.setFetchDirection(ResultSet.FETCH_UNKNOWN);
            st.setFetchDirection(ResultSet.FETCH_FORWARD);
            assertEquals("22023", assertThrows(SQLException.class, () -> st.setFetchDirection(12345)).getSQLState());
        }
    }

    @Test
    void aLargeBatchOfInsertsWritesEveryRow() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (String id : List.of("first", "second")) {
                ps.setString(1, "grid");
                ps.setString(2, id);
                ps.setString(3, "arn:aws:s3:::reports");
                ps.setString(4, "CSV");
                ps.setString(5, "Daily");
                ps.addBatch();
            }
            assertArrayEquals(new long[] {1, 1}, ps.executeLargeBatch());
        }
        assertEquals(List.of("first", "second"), s3.configurationIds("grid"));
        assertEquals(2, s3.count("PutBucketInventoryConfiguration"));
    }

    @Test
    void generatedKeysAreAnEmptyResultNotAnError() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "grid");
            ps.setString(2, "keyed");
            ps.setString(3, "arn:aws:s3:::reports");
            ps.setString(4, "Parquet");
            ps.setString(5, "Weekly");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertNotNull(keys, "Spring's KeyHolder reads it");
                assertEquals(0, keys.getMetaData().getColumnCount(), "the key (bucket, id) is what the row was given");
                assertFalse(keys.next());
            }
        }
        assertEquals(List.of("keyed"), s3.configurationIds("grid"));
    }

    @Test
    void parameterMetaDataGivesTheTypesOfTheColumnsBeforeAnythingIsBound() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM aws.s3.bucket_inventory_configurations "
                + "WHERE bucket = ? AND is_enabled = ? AND UPPER(id) = ? LIMIT ?")) {
            java.sql.ParameterMetaData md = ps.getParameterMetaData();
            assertEquals(4, md.getParameterCount());
            assertEquals(java.sql.Types.VARCHAR, md.getParameterType(1));
            assertEquals(java.sql.Types.BOOLEAN, md.getParameterType(2));
            assertEquals(java.sql.Types.VARCHAR, md.getParameterType(3), "no column says: VARCHAR");
            assertEquals(java.sql.Types.BIGINT, md.getParameterType(4));
            ps.setInt(3, 7);
            assertEquals(java.sql.Types.INTEGER, ps.getParameterMetaData().getParameterType(3), "else the bound value");
        }
    }
}
