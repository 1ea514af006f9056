package dev.s3inventory.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.SqlParser;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTypesTest {
    private static final String T = "aws.s3.bucket_inventory_configurations";

    private static List<SqlType> of(String sql) throws SQLException {
        SqlParser.Parsed p = SqlParser.parse(sql);
        return ParameterTypes.of(p.statement(), p.parameterCount());
    }

    private static List<SqlType> types(SqlType... t) {
        return Arrays.asList(t);
    }

    @Test
    void comparisonsListsAndRangesTakeTheColumnsType() throws SQLException {
        assertEquals(types(SqlType.VARCHAR, SqlType.BOOLEAN, SqlType.BIGINT, SqlType.BIGINT),
                of("SELECT * FROM " + T + " WHERE bucket = ? AND ? = is_enabled LIMIT ? OFFSET ?"));
        assertEquals(types(SqlType.VARCHAR, SqlType.VARCHAR, SqlType.TIMESTAMP, SqlType.TIMESTAMP),
                of("SELECT name FROM aws.s3.buckets WHERE name IN (?, ?) AND creation_date BETWEEN ? AND ?"));
    }

    @Test
    void writesTakeTheTypesOfTheColumnsTheyFill() throws SQLException {
        assertEquals(types(SqlType.BOOLEAN, SqlType.VARCHAR, SqlType.VARCHAR),
                of("UPDATE " + T + " SET is_enabled = ? WHERE bucket = ? AND id = ?"));
        assertEquals(types(SqlType.VARCHAR, SqlType.VARCHAR, SqlType.BOOLEAN),
                of("INSERT INTO " + T + " (bucket, id, is_enabled) VALUES (?, ?, ?)"));
        assertEquals(types(SqlType.VARCHAR), of("DELETE FROM " + T + " WHERE id = ?"));
    }

    @Test
    void subqueriesSeeTheirOwnAndTheEnclosingTables() throws SQLException {
        assertEquals(types(SqlType.TIMESTAMP, SqlType.BOOLEAN),
                of("SELECT bucket FROM " + T + " c WHERE EXISTS (SELECT 1 FROM aws.s3.buckets b "
                        + "WHERE b.name = c.bucket AND b.creation_date > ?) AND c.is_enabled = ?"));
    }

    @Test
    void whatNoColumnSaysStaysUnknown() throws SQLException {
        assertEquals(types(null, null, SqlType.VARCHAR),
                of("SELECT ? + 1, UPPER(?) FROM " + T + " WHERE region LIKE ?"));
        assertEquals(types((SqlType) null), of("SELECT * FROM " + T + " WHERE no_such_column = ?"));
    }
}
