package dev.s3inventory.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.engine.ResultColumn;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S3InventoryResultSetMetaData: real answers for table columns and computed columns, and 07009 for bad indexes. */
class ResultSetMetaDataTest {

    private static ResultColumn of(TableDef table, String column, String label) {
        return ResultColumn.of(table, table.column(table.indexOf(column)), label);
    }

    /** bucket AS b, is_enabled, region (read-only column), buckets.creation_date (read-only table), 3 computed. */
    private final S3InventoryResultSetMetaData md = new S3InventoryResultSetMetaData(List.of(
            of(Catalog.INVENTORY_CONFIGURATIONS, "bucket", "b"),
            of(Catalog.INVENTORY_CONFIGURATIONS, "is_enabled", "is_enabled"),
            of(Catalog.INVENTORY_CONFIGURATIONS, "region", "region"),
            of(Catalog.BUCKETS, "creation_date", "creation_date"),
            ResultColumn.computed("n", SqlType.BIGINT, false),
            ResultColumn.computed("avg_size", SqlType.DECIMAL, true),
            ResultColumn.computed("nothing", SqlType.NULL, true)));

    @Test
    void labelsNamesAndSources() throws SQLException {
        assertEquals(7, md.getColumnCount());
        assertEquals("b", md.getColumnLabel(1));
        assertEquals("bucket", md.getColumnName(1));
        assertEquals("is_enabled", md.getColumnLabel(2));
        assertEquals("n", md.getColumnLabel(5));
        assertEquals("n", md.getColumnName(5));

        assertEquals("bucket_inventory_configurations", md.getTableName(1));
        assertEquals("s3", md.getSchemaName(1));
        assertEquals("aws", md.getCatalogName(1));
        assertEquals("buckets", md.getTableName(4));
        assertEquals("s3", md.getSchemaName(4));
        assertEquals("aws", md.getCatalogName(4));
        assertEquals("", md.getTableName(5));
        assertEquals("", md.getSchemaName(5));
        assertEquals("", md.getCatalogName(5));
    }

    @Test
    void typesComeFromSqlType() throws SQLException {
        assertEquals(Types.VARCHAR, md.getColumnType(1));
        assertEquals("VARCHAR", md.getColumnTypeName(1));
        assertEquals("java.lang.String", md.getColumnClassName(1));
        assertEquals(Integer.MAX_VALUE, md.getPrecision(1));
        assertEquals(0, md.getScale(1));
        assertEquals(1024, md.getColumnDisplaySize(1));

        assertEquals(Types.BOOLEAN, md.getColumnType(2));
        assertEquals("BOOLEAN", md.getColumnTypeName(2));
        assertEquals("java.lang.Boolean", md.getColumnClassName(2));
        assertEquals(1, md.getPrecision(2));
        assertEquals(5, md.getColumnDisplaySize(2));

        assertEquals(Types.TIMESTAMP, md.getColumnType(4));
        assertEquals("TIMESTAMP", md.getColumnTypeName(4));
        assertEquals("java.sql.Timestamp", md.getColumnClassName(4));
        assertEquals(29, md.getPrecision(4));
        assertEquals(6, md.getScale(4));

        assertEquals(Types.BIGINT, md.getColumnType(5));
        assertEquals("BIGINT", md.getColumnTypeName(5));
        assertEquals("java.lang.Long", md.getColumnClassName(5));
        assertEquals(19, md.getPrecision(5));
        assertEquals(20, md.getColumnDisplaySize(5));

        assertEquals(Types.DECIMAL, md.getColumnType(6));
        assertEquals("java.math.BigDecimal", md.getColumnClassName(6));
        assertEquals(38, md.getPrecision(6));
        assertEquals(10, md.getScale(6));

        assertEquals(Types.NULL, md.getColumnType(7));
        assertEquals("NULL", md.getColumnTypeName(7));
        assertEquals("java.lang.Object", md.getColumnClassName(7));
    }

    @Test
    void everyTypeReportsConsistentValues() throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        for (SqlType t : SqlType.values()) {
            columns.add(ResultColumn.computed(t.name(), t, true));
        }
        S3InventoryResultSetMetaData all = new S3InventoryResultSetMetaData(columns);
        for (int i = 1; i <= columns.size(); i++) {
            SqlType t = SqlType.values()[i - 1];
            assertEquals(t.jdbcType(), all.getColumnType(i), t.name());
            assertEquals(t.name(), all.getColumnTypeName(i));
            assertEquals(t.javaClass().getName(), all.getColumnClassName(i));
            assertEquals(t.precision(), all.getPrecision(i));
            assertEquals(t.scale(), all.getScale(i));
            assertEquals(t.displaySize(), all.getColumnDisplaySize(i));
            assertTrue(all.getPrecision(i) >= 0 && all.getColumnDisplaySize(i) > 0, "CachedRowSet rejects negatives");
            assertEquals(t == SqlType.VARCHAR, all.isCaseSensitive(i));
            assertEquals(t.isNumeric(), all.isSigned(i));
        }
    }

    @Test
    void flags() throws SQLException {
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(4));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(5));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(6));
        for (int i = 1; i <= md.getColumnCount(); i++) {
            assertFalse(md.isAutoIncrement(i));
            assertTrue(md.isSearchable(i));
            assertFalse(md.isCurrency(i));
            assertFalse(md.isDefinitelyWritable(i));
        }
        assertTrue(md.isCaseSensitive(1));
        assertFalse(md.isCaseSensitive(2));
        assertFalse(md.isSigned(1));
        assertFalse(md.isSigned(2));
        assertTrue(md.isSigned(5));
        assertTrue(md.isSigned(6));
    }

    @Test
    void onlyWritableColumnsOfWritableTablesAreWritable() throws SQLException {
        // bucket and is_enabled: writable table, writable column
        assertFalse(md.isReadOnly(1));
        assertTrue(md.isWritable(1));
        assertFalse(md.isReadOnly(2));
        assertTrue(md.isWritable(2));
        // region: writable table, read-only column
        assertTrue(md.isReadOnly(3));
        assertFalse(md.isWritable(3));
        // buckets.creation_date: read-only table
        assertTrue(md.isReadOnly(4));
        assertFalse(md.isWritable(4));
        // computed columns
        assertTrue(md.isReadOnly(5));
        assertFalse(md.isWritable(5));
    }

    @Test
    void everyIndexedMethodAnswersForValidIndexesAndSays07009OtherwiseWithoutRuntimeExceptions() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : ResultSetMetaData.class.getMethods()) {
            if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != int.class) {
                continue;
            }
            checked++;
            for (int i = 1; i <= md.getColumnCount(); i++) {
                try {
                    m.invoke(md, i);
                } catch (InvocationTargetException e) {
                    wrong.add(m.getName() + "(" + i + ") threw " + e.getCause());
                }
            }
            for (int bad : new int[] {0, -1, md.getColumnCount() + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                try {
                    m.invoke(md, bad);
                    wrong.add(m.getName() + "(" + bad + ") returned normally");
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof SQLException sql) || !"07009".equals(sql.getSQLState())) {
                        wrong.add(m.getName() + "(" + bad + ") threw " + e.getCause());
                    }
                }
            }
        }
        assertEquals(20, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void emptyResult() throws SQLException {
        S3InventoryResultSetMetaData empty = new S3InventoryResultSetMetaData(List.of());
        assertEquals(0, empty.getColumnCount());
        assertEquals("07009", assertThrows(SQLException.class, () -> empty.getColumnLabel(1)).getSQLState());
    }

    @Test
    void wrapper() throws SQLException {
        assertTrue(md.isWrapperFor(ResultSetMetaData.class));
        assertFalse(md.isWrapperFor(String.class));
        assertFalse(md.isWrapperFor(null));
        assertSame(md, md.unwrap(ResultSetMetaData.class));
        assertThrows(SQLFeatureNotSupportedException.class, () -> md.unwrap(String.class));
        assertThrows(SQLFeatureNotSupportedException.class, () -> md.unwrap(null));
    }
}
