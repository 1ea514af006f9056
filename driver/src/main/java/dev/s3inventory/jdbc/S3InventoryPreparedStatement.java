package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.SqlParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/** A PreparedStatement: parsed once at prepare time, {@code ?} bound by index (1-based). */
final class S3InventoryPreparedStatement extends S3InventoryStatement implements PreparedStatement {
    /** Marks a parameter not bound yet (null is a legitimate bound value). */
    private static final Object UNSET = new Object();

    private final SqlParser.Parsed parsed;
    private final Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();
    /** The types of the columns the parameters stand for (null where none), read once, when first asked. */
    private List<SqlType> columnTypes;

    S3InventoryPreparedStatement(S3InventoryConnection connection, String sql) throws SQLException {
        super(connection);
        this.parsed = SqlParser.parse(sql);
        this.parameters = new Object[parsed.parameterCount()];
        Arrays.fill(parameters, UNSET);
    }

    private List<Object> boundParameters(Object[] values) throws SQLException {
        List<Object> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw Errors.parameterNotSet(i + 1);
            }
            out.add(values[i]);
        }
        return out;
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw Errors.badIndex("Parameter index " + index + " is out of range: the statement has "
                    + parameters.length + " parameter(s)");
        }
        parameters[index - 1] = ParameterValues.toEngine(value);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        requireResultSet(returnsRows(parsed.statement()), "executeQuery");
        run(parsed, boundParameters(parameters));
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        requireUpdateCount(returnsRows(parsed.statement()), "executeUpdate");
        run(parsed, boundParameters(parameters));
        return getLargeUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return run(parsed, boundParameters(parameters));
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        boundParameters(parameters);
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        requireUpdateCount(returnsRows(parsed.statement()), "executeBatch");
        List<Object[]> rows = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            try {
                run(parsed, boundParameters(rows.get(i)));
                counts[i] = getLargeUpdateCount();
            } catch (SQLException e) {
                throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
                        Arrays.copyOf(counts, i), e);
            }
        }
        return counts;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.addBatch(String) (use addBatch())");
    }

    /** Refuses the Statement methods that take SQL text, as the JDBC spec requires. */
    private SQLException textNotAllowed() {
        return Errors.syntax("This is a PreparedStatement: call execute(), executeQuery() or executeUpdate() "
                + "without SQL text");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw textNotAllowed();
    }

    /**
     * After execution, the result's metadata; before it, the columns the statement would return,
     * worked out without calling S3 (report designers and BI tools ask before executing). Null for
     * statements without rows, and when the shape cannot be known yet; JDBC allows both.
     */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet rs = getResultSet();
        if (rs != null) {
            return rs.getMetaData();
        }
        List<Object> bound = new ArrayList<>(parameters.length);
        for (Object p : parameters) {
            bound.add(p == UNSET ? null : p);
        }
        return connection.engine().describe(parsed.statement(), bound).map(S3InventoryResultSetMetaData::new).orElse(null);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        // The column a parameter stands for decides its type; else the value bound so far; else VARCHAR.
        if (columnTypes == null) {
            columnTypes = connection.engine().parameterTypes(parsed.statement(), parameters.length);
        }
        List<SqlType> types = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            types.add(columnTypes.get(i) != null ? columnTypes.get(i)
                    : p == UNSET || p == null ? SqlType.NULL : SqlType.ofValue(p));
        }
        return new S3InventoryParameterMetaData(types);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? null : new String(x, StandardCharsets.UTF_8));
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null || cal == null ? x
                : Timestamp.valueOf(ParameterValues.wallClock(x, cal.getTimeZone()).toLocalDateTime().toLocalDate()
                        .atStartOfDay()));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null || cal == null ? x
                : ParameterValues.wallClock(x, cal.getTimeZone()).toLocalDateTime().toLocalTime().toString());
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, x);
    }

    /** The calendar's zone turns the instant into the wall clock to bind (UTC for creation_date). */
    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        set(parameterIndex, x == null || cal == null ? x : ParameterValues.wallClock(x, cal.getTimeZone()));
    }

    /** Converts to the target type first, as JDBC specifies (see {@link TargetTypeCoercion}). */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        checkOpen();
        set(parameterIndex, TargetTypeCoercion.coerce(x, targetSqlType, null));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, x);
    }

    /** The scale applies to DECIMAL and NUMERIC; a length (streams, strings) needs nothing here. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        checkOpen();
        boolean decimal = targetSqlType == Types.DECIMAL || targetSqlType == Types.NUMERIC;
        set(parameterIndex, TargetTypeCoercion.coerce(x, targetSqlType, decimal ? scaleOrLength : null));
    }

    /** JDBCType names a java.sql.Types number; other SQLTypes (vendor types) bind the object as it is. */
    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        setObject(parameterIndex, x, targetSqlType instanceof JDBCType j ? j.getVendorTypeNumber() : Types.OTHER);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x, targetSqlType instanceof JDBCType j ? j.getVendorTypeNumber() : Types.OTHER,
                scaleOrLength);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setAsciiStream(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        set(parameterIndex, x == null ? null : read(x));
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        set(parameterIndex, x == null ? null : read(x));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        set(parameterIndex, x == null ? null : read(x));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        set(parameterIndex, reader == null ? null : read(reader));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.setBlob (no column holds binary data)");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.setRef");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.setArray");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.setRowId");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw Errors.unsupportedJdbc("PreparedStatement.setSQLXML");
    }

    private static String read(InputStream in) throws SQLException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Errors.badValue("Could not read the parameter stream: " + e.getMessage());
        }
    }

    private static String read(Reader reader) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = reader.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw Errors.badValue("Could not read the parameter reader: " + e.getMessage());
        }
    }
}
