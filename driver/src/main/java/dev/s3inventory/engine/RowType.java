package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the rows an expression is evaluated against: one {@link Field} per value, each with
 * the name of the table (or alias) it comes from. Column references resolve to indexes here, once
 * per statement.
 */
record RowType(List<Field> fields) {

    /** One value of a row: qualifier (table name or alias, may be null), name, and result column. */
    record Field(String qualifier, String name, ResultColumn column) {
    }

    RowType {
        fields = List.copyOf(fields);
    }

    RowType concat(RowType other) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(other.fields);
        return new RowType(all);
    }

    int size() {
        return fields.size();
    }

    /** Resolves {@code [qualifier.]name} case-insensitively; -1 when absent; error when ambiguous. */
    int find(String qualifier, String name) throws SQLException {
        int found = -1;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.name().equalsIgnoreCase(name) && (qualifier == null || qualifier.equalsIgnoreCase(f.qualifier()))) {
                if (found >= 0) {
                    throw Errors.syntax("Column '" + name + "' is ambiguous; qualify it with a table name or alias");
                }
                found = i;
            }
        }
        return found;
    }

    /** Like {@link #find} but fails with 42S22 naming where it looked. */
    int resolve(String qualifier, String name) throws SQLException {
        int i = find(qualifier, name);
        if (i < 0) {
            String where = qualifier != null ? "'" + qualifier + "'" : describe();
            throw Errors.unknownColumn(qualifier == null ? name : qualifier + "." + name, where);
        }
        return i;
    }

    private String describe() {
        List<String> qualifiers = new ArrayList<>();
        for (Field f : fields) {
            if (f.qualifier() != null && !qualifiers.contains(f.qualifier())) {
                qualifiers.add(f.qualifier());
            }
        }
        return qualifiers.isEmpty() ? "the query" : String.join(", ", qualifiers);
    }
}
