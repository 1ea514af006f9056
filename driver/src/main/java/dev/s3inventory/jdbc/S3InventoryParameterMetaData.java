package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes the {@code ?} parameters of a prepared statement: the type of the column a parameter
 * stands for ({@code QueryEngine.parameterTypes}), else that of the value bound to it so far. A parameter
 * with neither ({@link SqlType#NULL}) is reported as VARCHAR, the
 * type every value can be bound as. Never throws for a valid index: Spring calls
 * getParameterType on every NULL bind and catches only SQLException (checklist b.9, pitfall 15).
 */
public final class S3InventoryParameterMetaData implements ParameterMetaData {
    private final List<SqlType> types;

    public S3InventoryParameterMetaData(List<SqlType> parameterTypes) {
        List<SqlType> reported = new ArrayList<>(parameterTypes.size());
        for (SqlType t : parameterTypes) {
            reported.add(t == null || t == SqlType.NULL ? SqlType.VARCHAR : t);
        }
        this.types = List.copyOf(reported);
    }

    private SqlType type(int param) throws SQLException {
        if (param < 1 || param > types.size()) {
            throw Errors.badIndex("Parameter index " + param + " is out of range: the statement has "
                    + types.size() + " parameter(s), numbered from 1");
        }
        return types.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return types.size();
    }

    /** Unknown: the planner does not track whether a NULL is acceptable where a parameter stands. */
    @Override
    public int isNullable(int param) throws SQLException {
        type(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return type(param).isSigned();
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return type(param).precision();
    }

    @Override
    public int getScale(int param) throws SQLException {
        return type(param).scale();
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return type(param).jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return type(param).typeName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return type(param).javaClass().getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        type(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, "ParameterMetaData");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
