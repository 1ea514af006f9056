package dev.s3inventory.engine;

import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import java.sql.ResultSetMetaData;
import java.util.Objects;

/**
 * Describes one column of a result: what ResultSetMetaData reports. {@code table} is the source
 * table for a plain column reference (so tools can edit query results), else null.
 *
 * @param label     the column label (alias, else name); never null
 * @param name      the underlying column name, else the label
 * @param type      the SQL type of every non-null value in the column
 * @param nullable  one of {@link ResultSetMetaData#columnNoNulls}, {@code columnNullable}, {@code columnNullableUnknown}
 * @param table     source table of a plain column reference, else null
 */
public record ResultColumn(String label, String name, SqlType type, int nullable, TableDef table) {

    public ResultColumn {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }

    /** A computed column (expression, aggregate, metadata column). */
    public static ResultColumn computed(String label, SqlType type, boolean nullable) {
        return new ResultColumn(label, label, type,
                nullable ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls, null);
    }

    /** A plain reference to a table column, under the given label. */
    public static ResultColumn of(TableDef table, Column column, String label) {
        return new ResultColumn(label, column.name(), column.type(),
                column.nullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls, table);
    }
}
