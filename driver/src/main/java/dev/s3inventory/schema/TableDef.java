package dev.s3inventory.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table the driver exposes: name, columns in order, primary key, and whether it accepts writes.
 * Definitions are static; metadata never calls S3.
 */
public record TableDef(String name, String remarks, List<Column> columns, List<String> primaryKey, boolean writable) {

    public TableDef {
        Objects.requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** Index of a column by case-insensitive name, or -1. */
    public int indexOf(String columnName) {
        String wanted = columnName.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The fully qualified name, e.g. {@code aws.s3.buckets}. */
    public String qualifiedName() {
        return Catalog.CATALOG + "." + Catalog.SCHEMA + "." + name;
    }
}
