package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's JdbcTemplate family over DriverManagerDataSource: queries into maps and records, counts,
 * writes with NULL arguments (Spring then asks getParameterMetaData for the type), batch updates,
 * SimpleJdbcInsert (which reads the table's columns from DatabaseMetaData), a TransactionTemplate (which
 * turns auto-commit off and commits), and exception translation. Run by SpringJdbcIT in a child JVM with
 * the -all jar and a non-UTC default zone.
 *
 * <p>Arguments: JDBC URL, then two bucket names of the seeded estate: the first with no configuration,
 * the second with the seeded {@code daily-csv} one; then the first bucket's creation instant (ISO-8601).
 */
public final class SpringJdbcScenario {
    private static final String TABLE = "aws.s3.bucket_inventory_configurations";

    /** A row as Spring's DataClassRowMapper builds it from column labels (is_enabled → isEnabled). */
    public record Configuration(String bucket, String id, Boolean isEnabled, String filterPrefix,
            String destinationFormat) {
    }

    public record Bucket(String name, String region, Instant creationDate) {
    }

    public static void main(String[] args) {
        String url = args[0];
        String empty = args[1];
        String seeded = args[2];
        Instant emptyCreated = Instant.parse(args[3]);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        // queries and counts
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT bucket, id, destination_format FROM " + TABLE
                + " WHERE bucket = ?", seeded);
        assertEquals(List.of(Map.of("bucket", seeded, "id", "daily-csv", "destination_format", "CSV")), rows);
        assertEquals(1L, jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE bucket = ?", Long.class, seeded));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE bucket = ?", Integer.class, empty));
        Bucket bucket = jdbc.queryForObject("SELECT name, region, creation_date FROM aws.s3.buckets WHERE name = ?",
                new DataClassRowMapper<>(Bucket.class), empty);
        assertEquals(new Bucket(empty, "us-east-1", emptyCreated), bucket,
                "creation_date through getObject(i, Instant.class), JVM zone " + java.util.TimeZone.getDefault().getID());

        // writes: INSERT with a NULL argument, UPDATE setting NULL, DELETE
        String arn = "arn:aws:s3:::" + empty + "-reports";
        assertEquals(1, jdbc.update("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
                + "schedule_frequency, filter_prefix) VALUES (?, ?, ?, ?, ?, ?)", empty, "spring", arn, "CSV", "Daily",
                null));
        assertEquals(1, jdbc.update("UPDATE " + TABLE + " SET filter_prefix = ?, is_enabled = ? WHERE bucket = ? AND id = ?",
                "logs/", false, empty, "spring"));
        Configuration written = jdbc.queryForObject("SELECT bucket, id, is_enabled, filter_prefix, destination_format FROM "
                + TABLE + " WHERE bucket = ? AND id = ?", new DataClassRowMapper<>(Configuration.class), empty, "spring");
        assertEquals(new Configuration(empty, "spring", false, "logs/", "CSV"), written);
        assertEquals(1, jdbc.update("UPDATE " + TABLE + " SET filter_prefix = ? WHERE bucket = ? AND id = ?", null, empty,
                "spring"));
        assertNull(jdbc.queryForObject("SELECT filter_prefix FROM " + TABLE + " WHERE bucket = ? AND id = ?",
                String.class, empty, "spring"));

        // exception translation
        assertThrows(DuplicateKeyException.class, () -> jdbc.update("INSERT INTO " + TABLE + " (bucket, id, "
                + "destination_bucket_arn, destination_format, schedule_frequency) VALUES (?, ?, ?, ?, ?)", empty, "spring",
                arn, "ORC", "Weekly"));
        assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT * FROM aws.s3.no_such_table"));
        assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT no_such_column FROM " + TABLE));

        // batch: supportsBatchUpdates() is true, so Spring uses addBatch/executeBatch
        int[] counts = jdbc.batchUpdate("INSERT INTO " + TABLE + " (bucket, id, destination_bucket_arn, destination_format, "
                + "schedule_frequency) VALUES (?, ?, ?, ?, ?)", List.of(new Object[] {empty, "batch-1", arn, "CSV", "Daily"},
                        new Object[] {empty, "batch-2", arn, "Parquet", "Weekly"}));
        assertEquals(List.of(1, 1), List.of(counts[0], counts[1]));

        // named parameters with a collection, as report and service code often do
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        List<String> ids = named.queryForList("SELECT id FROM " + TABLE + " WHERE bucket = :bucket AND id IN (:ids) "
                + "ORDER BY id", new MapSqlParameterSource("bucket", empty).addValue("ids", List.of("batch-1", "batch-2",
                        "nope")), String.class);
        assertEquals(List.of("batch-1", "batch-2"), ids);

        // SimpleJdbcInsert: table and columns from DatabaseMetaData, names lower-cased per storesLowerCaseIdentifiers
        int inserted = new SimpleJdbcInsert(dataSource).withSchemaName("s3").withTableName("bucket_inventory_configurations")
                .usingColumns("bucket", "id", "destination_bucket_arn", "destination_format", "schedule_frequency")
                .execute(Map.of("bucket", empty, "id", "simple-insert", "destination_bucket_arn", arn,
                        "destination_format", "ORC", "schedule_frequency", "Daily"));
        assertEquals(1, inserted);

        // a transaction: setAutoCommit(false), statements, commit; the driver applies each statement at once
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Integer deleted = tx.execute(status -> jdbc.update("DELETE FROM " + TABLE + " WHERE bucket = ? AND id LIKE ?",
                empty, "batch-%"));
        assertEquals(2, deleted);
        assertEquals(List.of("simple-insert", "spring"), jdbc.queryForList("SELECT id FROM " + TABLE
                + " WHERE bucket = ? ORDER BY id", String.class, empty));
        assertTrue(jdbc.update("DELETE FROM " + TABLE + " WHERE bucket = ?", empty) == 2);
        System.out.println("SPRING OK");
    }

    private SpringJdbcScenario() {
    }
}
