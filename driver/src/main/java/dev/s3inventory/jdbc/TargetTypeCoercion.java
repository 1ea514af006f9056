package dev.s3inventory.jdbc;

import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;

/**
 * {@code setObject(i, x, targetSqlType[, scale])}: JDBC says the object is converted to the target SQL
 * type before it is sent, so {@code setObject(1, "42", Types.INTEGER)} binds the number 42 and
 * {@code setObject(1, 1, Types.BOOLEAN)} binds true. DBeaver binds values of unusual columns this way and
 * Spring does for SqlParameterValue. The conversions are ResultSet's ({@link ValueConversions}); a value
 * that does not convert fails with 22018 before anything runs. Types without a conversion here (NULL,
 * OTHER, JAVA_OBJECT, ...) bind the object as it is.
 */
final class TargetTypeCoercion {
    private TargetTypeCoercion() {
    }

    /** @param scale digits after the decimal point for DECIMAL/NUMERIC, or null to keep the value's own */
    static Object coerce(Object x, int targetSqlType, Integer scale) throws SQLException {
        if (x == null) {
            return null;
        }
        return switch (targetSqlType) {
            case Types.BOOLEAN, Types.BIT -> ValueConversions.toBoolean(x);
            case Types.TINYINT, Types.SMALLINT -> ValueConversions.toShort(x);
            case Types.INTEGER -> ValueConversions.toInt(x);
            case Types.BIGINT -> ValueConversions.toLong(x);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueConversions.toDouble(x);
            case Types.DECIMAL, Types.NUMERIC -> scale == null ? ValueConversions.toBigDecimal(x)
                    : ValueConversions.toBigDecimal(x).setScale(scale, RoundingMode.HALF_UP);
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ValueConversions.toStringValue(x);
            case Types.DATE -> ValueConversions.toDate(x, null);
            case Types.TIME -> ValueConversions.toTime(x, null);
            case Types.TIMESTAMP -> ValueConversions.toTimestamp(x, null);
            default -> x;
        };
    }
}
