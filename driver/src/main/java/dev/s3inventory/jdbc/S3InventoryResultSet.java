package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.Relation;
import dev.s3inventory.engine.ResultColumn;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.rowset.serial.SerialClob;

/**
 * A forward-only, read-only ResultSet over an in-memory {@link Relation}: every query and every
 * metadata call returns one of these. It only reads rows; conversions live in
 * {@link ValueConversions} and the boilerplate (label getters, unsupported methods) in
 * {@link BaseResultSet}. No method lets a RuntimeException escape.
 */
public final class S3InventoryResultSet extends BaseResultSet {
    /** Reads one non-null value; may throw SQLException, never expected to throw anything else. */
    @FunctionalInterface
    private interface Reading<T> {
        T apply(Object value) throws SQLException;
    }

    private final Statement statement;
    private final List<ResultColumn> columns;
    private final int rowCount;
    private final Map<String, Integer> indexByLabel;
    private final S3InventoryResultSetMetaData metaData;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Iterator<Object[]> rows;
    private Object[] current;
    /** 0 before the first row, 1..rowCount on a row, rowCount + 1 after the last. */
    private int position;
    private boolean wasNull;
    private int fetchSize;

    /** A result set of {@code statement} (null for metadata result sets) over {@code relation}. */
    public S3InventoryResultSet(Statement statement, Relation relation) {
        this(statement, relation, null);
    }

    /** As above; {@code onClose} (may be null) runs exactly once, when the result set is closed. */
    public S3InventoryResultSet(Statement statement, Relation relation, Runnable onClose) {
        Objects.requireNonNull(relation, "relation is null");
        this.statement = statement;
        this.columns = relation.columns();
        this.rowCount = relation.rows().size();
        this.rows = relation.rows().iterator();
        this.onClose = onClose;
        this.metaData = new S3InventoryResultSetMetaData(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = columns.size() - 1; i >= 0; i--) {
            // filled backwards so that, as JDBC requires, a duplicate label finds its first column
            index.put(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
        }
        this.indexByLabel = Map.copyOf(index);
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed.get()) {
            throw Errors.closed("result set");
        }
    }

    // ---- cursor ----

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        wasNull = false;
        if (position < rowCount) {
            try {
                current = rows.next();
            } catch (RuntimeException e) {
                throw Errors.internal("reading the next row", e);
            }
            position++;
            return true;
        }
        current = null;
        position = rowCount + 1;
        return false;
    }

    @Override
    public void close() throws SQLException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        rows = null;
        current = null;
        if (onClose != null) {
            try {
                onClose.run();
            } catch (RuntimeException e) {
                throw Errors.internal("closing the result set", e);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return position >= 1 && position <= rowCount ? position : 0;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowCount > 0 && position == 0;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return rowCount > 0 && position > rowCount;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return rowCount > 0 && position == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return rowCount > 0 && position == rowCount;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction == FETCH_REVERSE) {
            throw Errors.unsupportedJdbc("ResultSet.setFetchDirection(FETCH_REVERSE) on a forward-only result set");
        }
        if (direction != FETCH_FORWARD && direction != FETCH_UNKNOWN) {
            throw Errors.badValue("Fetch direction " + direction + " is not one of ResultSet.FETCH_FORWARD, "
                    + "FETCH_REVERSE or FETCH_UNKNOWN");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** Remembered only: all rows are already in memory. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.badValue("Fetch size must be 0 or more, not " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    // ---- description ----

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return metaData;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    /** Always none: the warnings of an execution (skipped buckets) are the statement's. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        Integer index = label == null ? null : indexByLabel.get(label.toLowerCase(Locale.ROOT));
        if (index == null) {
            StringBuilder labels = new StringBuilder();
            for (ResultColumn c : columns) {
                labels.append(labels.length() == 0 ? "" : ", ").append(c.label());
            }
            throw Errors.unknownColumn(String.valueOf(label), "this result set (its columns: " + labels + ")");
        }
        return index;
    }

    // ---- values ----

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    /** Checks state and index, records wasNull, and returns the raw value (possibly null). */
    private Object value(int column) throws SQLException {
        checkOpen();
        if (column < 1 || column > columns.size()) {
            throw Errors.badIndex("Column index " + column + " is out of range: the result set has "
                    + columns.size() + " column(s), numbered from 1");
        }
        if (current == null) {
            throw Errors.noCurrentRow(position == 0);
        }
        Object v = current[column - 1];
        wasNull = v == null;
        return v;
    }

    /** Reads column {@code column} through {@code reading}; null stays null. */
    private <T> T read(int column, Reading<T> reading) throws SQLException {
        Object v;
        try {
            v = value(column);
        } catch (RuntimeException e) {
            throw Errors.internal("reading column " + column, e);
        }
        if (v == null) {
            return null;
        }
        try {
            return reading.apply(v);
        } catch (SQLDataException e) {
            if (!Errors.BAD_CONVERSION.equals(e.getSQLState())) {
                throw e;
            }
            SQLDataException named = Errors.badConversion("Column '" + columns.get(column - 1).label() + "': "
                    + e.getMessage());
            named.initCause(e);
            throw named;
        } catch (RuntimeException e) {
            throw Errors.internal("reading column " + column, e);
        }
    }

    @Override
    public String getString(int column) throws SQLException {
        return read(column, ValueConversions::toStringValue);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        Boolean v = read(column, ValueConversions::toBoolean);
        return v != null && v;
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Byte v = read(column, ValueConversions::toByte);
        return v == null ? 0 : v;
    }

    @Override
    public short getShort(int column) throws SQLException {
        Short v = read(column, ValueConversions::toShort);
        return v == null ? 0 : v;
    }

    @Override
    public int getInt(int column) throws SQLException {
        Integer v = read(column, ValueConversions::toInt);
        return v == null ? 0 : v;
    }

    @Override
    public long getLong(int column) throws SQLException {
        Long v = read(column, ValueConversions::toLong);
        return v == null ? 0L : v;
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Float v = read(column, ValueConversions::toFloat);
        return v == null ? 0f : v;
    }

    @Override
    public double getDouble(int column) throws SQLException {
        Double v = read(column, ValueConversions::toDouble);
        return v == null ? 0d : v;
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return read(column, ValueConversions::toBigDecimal);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        if (scale < 0) {
            checkOpen();
            throw Errors.badValue("Scale must be 0 or more, not " + scale);
        }
        return read(column, v -> ValueConversions.toBigDecimal(v).setScale(scale, RoundingMode.HALF_UP));
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return read(column, ValueConversions::toBytes);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return read(column, v -> ValueConversions.toDate(v, null));
    }

    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        return read(column, v -> ValueConversions.toDate(v, cal));
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return read(column, v -> ValueConversions.toTime(v, null));
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        return read(column, v -> ValueConversions.toTime(v, cal));
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return read(column, v -> ValueConversions.toTimestamp(v, null));
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        return read(column, v -> ValueConversions.toTimestamp(v, cal));
    }

    /** The value as the class getColumnClassName names (a copy when the class is mutable). */
    @Override
    public Object getObject(int column) throws SQLException {
        return read(column, ValueConversions::copyOf);
    }

    /** User-defined type maps do not apply: the driver has no user-defined types. */
    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        return getObject(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        if (type == null) {
            checkOpen();
            throw Errors.badValue("getObject(column, type) needs a target class, not null");
        }
        return read(column, v -> ValueConversions.convert(v, type));
    }

    // Character-shaped getters work on every value, through the text getString returns.

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return read(column, v -> new StringReader(ValueConversions.toStringValue(v)));
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return getCharacterStream(column);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return read(column, v -> new ByteArrayInputStream(
                ValueConversions.toStringValue(v).getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public Clob getClob(int column) throws SQLException {
        return read(column, v -> new SerialClob(ValueConversions.toStringValue(v).toCharArray()));
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        return read(column, v -> new ByteArrayInputStream(ValueConversions.toBytes(v)));
    }
}
