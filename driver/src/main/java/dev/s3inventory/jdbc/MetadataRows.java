package dev.s3inventory.jdbc;

import dev.s3inventory.engine.Relation;
import dev.s3inventory.engine.ResultColumn;
import dev.s3inventory.schema.SqlType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One record per {@link DatabaseMetaData} result-set layout. Component order is the JDBC column order,
 * component names give the labels ({@code tableSchem} is {@code TABLE_SCHEM}) and component types give
 * the SQL types, so a layout is written once and cannot drift from its rows.
 */
final class MetadataRows {

    /** Marks a component whose column never holds NULL; primitive components are never null anyway. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface NotNull {
    }

    /** @see DatabaseMetaData#getCatalogs */
    record CatalogRow(@NotNull String tableCat) {
    }

    /** @see DatabaseMetaData#getSchemas(String, String) */
    record SchemaRow(@NotNull String tableSchem, String tableCatalog) {
    }

    /** @see DatabaseMetaData#getTableTypes */
    record TableTypeRow(@NotNull String tableType) {
    }

    /** @see DatabaseMetaData#getTables */
    record TableRow(String tableCat, String tableSchem, @NotNull String tableName, @NotNull String tableType,
            String remarks, String typeCat, String typeSchem, String typeName, String selfReferencingColName,
            String refGeneration) {
    }

    /** @see DatabaseMetaData#getColumns */
    record ColumnRow(String tableCat, String tableSchem, @NotNull String tableName, @NotNull String columnName,
            int dataType, @NotNull String typeName, Integer columnSize, Integer bufferLength, Integer decimalDigits,
            Integer numPrecRadix, int nullable, String remarks, String columnDef, Integer sqlDataType,
            Integer sqlDatetimeSub, Integer charOctetLength, int ordinalPosition, @NotNull String isNullable,
            String scopeCatalog, String scopeSchema, String scopeTable, Short sourceDataType,
            @NotNull String isAutoincrement, @NotNull String isGeneratedcolumn) {
    }

    /** @see DatabaseMetaData#getPrimaryKeys */
    record PrimaryKeyRow(String tableCat, String tableSchem, @NotNull String tableName, @NotNull String columnName,
            short keySeq, String pkName) {
    }

    /** @see DatabaseMetaData#getImportedKeys (also getExportedKeys and getCrossReference) */
    record ForeignKeyRow(String pktableCat, String pktableSchem, @NotNull String pktableName,
            @NotNull String pkcolumnName, String fktableCat, String fktableSchem, @NotNull String fktableName,
            @NotNull String fkcolumnName, short keySeq, short updateRule, short deleteRule, String fkName,
            String pkName, short deferrability) {
    }

    /** @see DatabaseMetaData#getIndexInfo */
    record IndexRow(String tableCat, String tableSchem, @NotNull String tableName, boolean nonUnique,
            String indexQualifier, String indexName, short type, short ordinalPosition, String columnName,
            String ascOrDesc, Long cardinality, Long pages, String filterCondition) {
    }

    /** @see DatabaseMetaData#getTypeInfo */
    record TypeInfoRow(@NotNull String typeName, int dataType, Integer precision, String literalPrefix,
            String literalSuffix, String createParams, short nullable, boolean caseSensitive, short searchable,
            boolean unsignedAttribute, boolean fixedPrecScale, boolean autoIncrement, String localTypeName,
            short minimumScale, short maximumScale, Integer sqlDataType, Integer sqlDatetimeSub,
            Integer numPrecRadix) {
    }

    /**
     * The javadoc leaves columns 4 to 6 unnamed ("reserved for future use"); we call them RESERVED1..3.
     *
     * @see DatabaseMetaData#getProcedures
     */
    record ProcedureRow(String procedureCat, String procedureSchem, @NotNull String procedureName,
            String reserved1, String reserved2, String reserved3, String remarks, short procedureType,
            @NotNull String specificName) {
    }

    /** @see DatabaseMetaData#getProcedureColumns */
    record ProcedureColumnRow(String procedureCat, String procedureSchem, @NotNull String procedureName,
            @NotNull String columnName, short columnType, int dataType, @NotNull String typeName, Integer precision,
            Integer length, Short scale, Short radix, short nullable, String remarks, String columnDef,
            Integer sqlDataType, Integer sqlDatetimeSub, Integer charOctetLength, int ordinalPosition,
            @NotNull String isNullable, @NotNull String specificName) {
    }

    /** @see DatabaseMetaData#getFunctions */
    record FunctionRow(String functionCat, String functionSchem, @NotNull String functionName, String remarks,
            short functionType, @NotNull String specificName) {
    }

    /** @see DatabaseMetaData#getFunctionColumns */
    record FunctionColumnRow(String functionCat, String functionSchem, @NotNull String functionName,
            @NotNull String columnName, short columnType, int dataType, @NotNull String typeName, Integer precision,
            Integer length, Short scale, Short radix, short nullable, String remarks, Integer charOctetLength,
            int ordinalPosition, @NotNull String isNullable, @NotNull String specificName) {
    }

    /** @see DatabaseMetaData#getClientInfoProperties */
    record ClientInfoPropertyRow(@NotNull String name, int maxLen, String defaultValue, String description) {
    }

    /** @see DatabaseMetaData#getUDTs */
    record UdtRow(String typeCat, String typeSchem, @NotNull String typeName, @NotNull String className,
            int dataType, String remarks, Short baseType) {
    }

    /** @see DatabaseMetaData#getSuperTypes */
    record SuperTypeRow(String typeCat, String typeSchem, @NotNull String typeName, String supertypeCat,
            String supertypeSchem, @NotNull String supertypeName) {
    }

    /** @see DatabaseMetaData#getSuperTables */
    record SuperTableRow(String tableCat, String tableSchem, @NotNull String tableName,
            @NotNull String supertableName) {
    }

    /** @see DatabaseMetaData#getAttributes */
    record AttributeRow(String typeCat, String typeSchem, @NotNull String typeName, @NotNull String attrName,
            int dataType, @NotNull String attrTypeName, int attrSize, Integer decimalDigits, int numPrecRadix,
            int nullable, String remarks, String attrDef, Integer sqlDataType, Integer sqlDatetimeSub,
            int charOctetLength, int ordinalPosition, @NotNull String isNullable, String scopeCatalog,
            String scopeSchema, String scopeTable, Short sourceDataType) {
    }

    /** @see DatabaseMetaData#getBestRowIdentifier */
    record BestRowIdentifierRow(short scope, @NotNull String columnName, int dataType, @NotNull String typeName,
            Integer columnSize, Integer bufferLength, Short decimalDigits, short pseudoColumn) {
    }

    /**
     * Same columns as getBestRowIdentifier, but SCOPE is unused and may be null.
     *
     * @see DatabaseMetaData#getVersionColumns
     */
    record VersionColumnRow(Short scope, @NotNull String columnName, int dataType, @NotNull String typeName,
            Integer columnSize, Integer bufferLength, Short decimalDigits, short pseudoColumn) {
    }

    /** @see DatabaseMetaData#getColumnPrivileges */
    record ColumnPrivilegeRow(String tableCat, String tableSchem, @NotNull String tableName,
            @NotNull String columnName, String grantor, @NotNull String grantee, @NotNull String privilege,
            String isGrantable) {
    }

    /** @see DatabaseMetaData#getTablePrivileges */
    record TablePrivilegeRow(String tableCat, String tableSchem, @NotNull String tableName, String grantor,
            @NotNull String grantee, @NotNull String privilege, String isGrantable) {
    }

    /** @see DatabaseMetaData#getPseudoColumns */
    record PseudoColumnRow(String tableCat, String tableSchem, @NotNull String tableName, @NotNull String columnName,
            int dataType, Integer columnSize, Integer decimalDigits, Integer numPrecRadix,
            @NotNull String columnUsage, String remarks, Integer charOctetLength, @NotNull String isNullable) {
    }

    private static final Map<Class<?>, SqlType> SQL_TYPES = Map.of(
            String.class, SqlType.VARCHAR,
            int.class, SqlType.INTEGER, Integer.class, SqlType.INTEGER,
            short.class, SqlType.SMALLINT, Short.class, SqlType.SMALLINT,
            long.class, SqlType.BIGINT, Long.class, SqlType.BIGINT,
            boolean.class, SqlType.BOOLEAN, Boolean.class, SqlType.BOOLEAN);

    /** Columns and accessors per layout, computed once. */
    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return Layout.of(type);
        }
    };

    private MetadataRows() {
    }

    /** The result columns of a layout, in JDBC order. */
    static List<ResultColumn> columns(Class<? extends Record> layout) {
        return LAYOUTS.get(layout).columns();
    }

    /**
     * The rows as a relation with the layout's columns. An empty list gives a correctly shaped, empty result.
     *
     * @throws IllegalArgumentException if a row is not an instance of {@code layout}
     */
    static Relation relation(Class<? extends Record> layout, List<? extends Record> rows) {
        Layout l = LAYOUTS.get(layout);
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Record row : rows) {
            if (!layout.isInstance(row)) {
                throw new IllegalArgumentException(row.getClass().getName() + " is not a " + layout.getName());
            }
            values.add(l.values(row));
        }
        return new Relation(l.columns(), values);
    }

    /** {@code tableSchem} to {@code TABLE_SCHEM}, {@code reserved1} to {@code RESERVED1}. */
    static String label(String componentName) {
        StringBuilder label = new StringBuilder(componentName.length() + 4);
        for (int i = 0; i < componentName.length(); i++) {
            char c = componentName.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                label.append('_');
            }
            label.append(Character.toUpperCase(c));
        }
        return label.toString();
    }

    private record Layout(List<ResultColumn> columns, List<Method> accessors) {

        static Layout of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            List<ResultColumn> columns = new ArrayList<>(components.length);
            List<Method> accessors = new ArrayList<>(components.length);
            for (RecordComponent component : components) {
                SqlType sqlType = SQL_TYPES.get(component.getType());
                if (sqlType == null) {
                    throw new IllegalArgumentException("No SQL type for " + component);
                }
                boolean nullable = !component.getType().isPrimitive() && !component.isAnnotationPresent(NotNull.class);
                columns.add(ResultColumn.computed(label(component.getName()), sqlType, nullable));
                accessors.add(component.getAccessor());
            }
            return new Layout(List.copyOf(columns), List.copyOf(accessors));
        }

        Object[] values(Record row) {
            Object[] values = new Object[accessors.size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = accessors.get(i).invoke(row);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read " + accessors.get(i), e);
                }
            }
            return values;
        }
    }
}
