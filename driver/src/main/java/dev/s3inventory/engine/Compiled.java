package dev.s3inventory.engine;

import dev.s3inventory.schema.SqlType;
import java.sql.SQLException;

/** An expression compiled against a {@link RowType}: its result type and how to evaluate it on a row. */
record Compiled(SqlType type, boolean nullable, Code code) {

    /** Evaluation of a compiled expression on one row. */
    @FunctionalInterface
    interface Code {
        Object eval(Object[] row) throws SQLException;
    }

    Object eval(Object[] row) throws SQLException {
        return code.eval(row);
    }

    static Compiled constant(Object value) {
        return new Compiled(SqlType.ofValue(value), value == null, row -> value);
    }

    /** Evaluates a predicate: TRUE, FALSE or null (UNKNOWN). */
    Boolean test(Object[] row) throws SQLException {
        Object v = code.eval(row);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        return (Boolean) Values.cast(v, SqlType.BOOLEAN);
    }
}
