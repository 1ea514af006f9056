package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.ResultColumn;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Describes the columns of a result from its {@link ResultColumn}s. Every method answers for a
 * valid index without throwing, because DBeaver, sqlline, jOOQ and CachedRowSet call all of them
 * with no error handling (jdbc-client-checklist.md, b.8); a bad index gives SQLState 07009.
 */
public final class S3InventoryResultSetMetaData implements ResultSetMetaData {
    private final List<ResultColumn> columns;

    public S3InventoryResultSetMetaData(List<ResultColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    private ResultColumn column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw Errors.badIndex("Column index " + column + " is out of range: the result has "
                    + columns.size() + " column(s), numbered from 1");
        }
        return columns.get(column - 1);
    }

    private SqlType type(int column) throws SQLException {
        return column(column).type();
    }

    /** True only for a plain reference to a column that an UPDATE may change. */
    private boolean writable(int column) throws SQLException {
        ResultColumn c = column(column);
        TableDef table = c.table();
        if (table == null || !table.writable()) {
            return false;
        }
        int index = table.indexOf(c.name());
        return index >= 0 && table.column(index).writable();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    /** Only character data has case; bucket names and ids compare case-sensitively. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column) == SqlType.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable();
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return type(column).isSigned();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return type(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return column(column).table() == null ? "" : Catalog.SCHEMA;
    }

    /**
     * From {@link SqlType#precision()}: for VARCHAR that is Integer.MAX_VALUE, meaning "no declared
     * length", as pgjdbc reports for unbounded text. CachedRowSet only rejects negative values, and a
     * made-up finite length would be a lie; 0 broke clients of duckdb-java (#340).
     */
    @Override
    public int getPrecision(int column) throws SQLException {
        return type(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return type(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        TableDef table = column(column).table();
        return table == null ? "" : table.name();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return column(column).table() == null ? "" : Catalog.CATALOG;
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return type(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return !writable(column);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return writable(column);
    }

    /** Never definitely: a write can still fail on S3 (permissions, read-only connection). */
    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return type(column).javaClass().getName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, "ResultSetMetaData");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
