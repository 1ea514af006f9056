package dev.s3inventory.schema;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * Every SQL type the driver produces, with all that JDBC needs to know about it. This is the only
 * mapping between SQL types, {@link Types} codes and Java classes: no other switch on types exists.
 */
public enum SqlType {
    VARCHAR(Types.VARCHAR, String.class, Integer.MAX_VALUE, 0, 1024),
    BOOLEAN(Types.BOOLEAN, Boolean.class, 1, 0, 5),
    SMALLINT(Types.SMALLINT, Short.class, 5, 0, 6),
    INTEGER(Types.INTEGER, Integer.class, 10, 0, 11),
    BIGINT(Types.BIGINT, Long.class, 19, 0, 20),
    DOUBLE(Types.DOUBLE, Double.class, 15, 0, 24),
    DECIMAL(Types.DECIMAL, BigDecimal.class, 38, 10, 40),
    TIMESTAMP(Types.TIMESTAMP, Timestamp.class, 29, 6, 29),
    /** The type of a bare NULL literal or an unbound parameter; never a table column. */
    NULL(Types.NULL, Object.class, 0, 0, 4);

    private final int jdbcType;
    private final Class<?> javaClass;
    private final int precision;
    private final int scale;
    private final int displaySize;

    SqlType(int jdbcType, Class<?> javaClass, int precision, int scale, int displaySize) {
        this.jdbcType = jdbcType;
        this.javaClass = javaClass;
        this.precision = precision;
        this.scale = scale;
        this.displaySize = displaySize;
    }

    /** The {@link Types} code. */
    public int jdbcType() {
        return jdbcType;
    }

    /** The standard SQL name, as reported by getColumnTypeName and getColumns' TYPE_NAME. */
    public String typeName() {
        return name();
    }

    /** The class of the values {@code getObject} returns for this type. */
    public Class<?> javaClass() {
        return javaClass;
    }

    public int precision() {
        return precision;
    }

    public int scale() {
        return scale;
    }

    public int displaySize() {
        return displaySize;
    }

    public boolean isNumeric() {
        return this == SMALLINT || this == INTEGER || this == BIGINT || this == DOUBLE || this == DECIMAL;
    }

    public boolean isSigned() {
        return isNumeric();
    }

    /** The SQL type of a Java value produced by the engine (null gives {@link #NULL}). */
    public static SqlType ofValue(Object value) {
        if (value == null) {
            return NULL;
        }
        for (SqlType t : values()) {
            if (t != NULL && t.javaClass.isInstance(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no SQL type for " + value.getClass().getName());
    }

    /** Looks a type up by SQL name, accepting the common synonyms (for CAST). Null when unknown. */
    public static SqlType forName(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        int paren = n.indexOf('(');
        if (paren >= 0) {
            n = n.substring(0, paren).trim();
        }
        switch (n) {
            case "VARCHAR": case "CHAR": case "CHARACTER": case "CHARACTER VARYING": case "TEXT": case "STRING":
            case "NVARCHAR": case "CLOB": case "LONGVARCHAR":
                return VARCHAR;
            case "BOOLEAN": case "BOOL": case "BIT":
                return BOOLEAN;
            case "SMALLINT": case "TINYINT":
                return SMALLINT;
            case "INTEGER": case "INT":
                return INTEGER;
            case "BIGINT": case "LONG":
                return BIGINT;
            case "DOUBLE": case "DOUBLE PRECISION": case "FLOAT": case "REAL":
                return DOUBLE;
            case "DECIMAL": case "NUMERIC": case "DEC":
                return DECIMAL;
            case "TIMESTAMP": case "DATETIME":
                return TIMESTAMP;
            default:
                return null;
        }
    }
}
