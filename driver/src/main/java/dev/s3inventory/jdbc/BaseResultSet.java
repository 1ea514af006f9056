package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The boilerplate half of a forward-only, read-only ResultSet: getters by label (delegating to the
 * index getters through {@link #findColumn}), fixed answers, and every scrolling, updating and
 * LOB method, which throw SQLFeatureNotSupportedException. Declares {@code implements ResultSet}
 * itself so that reflection walking superclasses (sqlline's !metadata style) still finds it.
 */
abstract class BaseResultSet implements ResultSet {

    /** Throws {@code Errors.closed("result set")} (HY010) once the result set is closed. */
    abstract void checkOpen() throws SQLException;

    /** Closed wins over unsupported, so that every method on a closed result set reports HY010. */
    final SQLFeatureNotSupportedException unsupported(String method) throws SQLException {
        checkOpen();
        return Errors.unsupportedJdbc("ResultSet." + method);
    }

    // ---- getters by label ----

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    // ---- fixed answers for a forward-only, read-only cursor ----

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        checkOpen();
        return Wrappers.unwrap(this, iface, "ResultSet");
    }

    /** Never throws, not even when closed: pools and frameworks ask it speculatively (checklist b.2). */
    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }

    // ---- not supported: value types the driver never produces ----

    @Override public String getCursorName() throws SQLException { throw unsupported("getCursorName"); }
    @Override public Ref getRef(int column) throws SQLException { throw unsupported("getRef"); }
    @Override public Ref getRef(String label) throws SQLException { throw unsupported("getRef"); }
    @Override public Blob getBlob(int column) throws SQLException { throw unsupported("getBlob"); }
    @Override public Blob getBlob(String label) throws SQLException { throw unsupported("getBlob"); }
    @Override public NClob getNClob(int column) throws SQLException { throw unsupported("getNClob"); }
    @Override public NClob getNClob(String label) throws SQLException { throw unsupported("getNClob"); }
    @Override public Array getArray(int column) throws SQLException { throw unsupported("getArray"); }
    @Override public Array getArray(String label) throws SQLException { throw unsupported("getArray"); }
    @Override public RowId getRowId(int column) throws SQLException { throw unsupported("getRowId"); }
    @Override public RowId getRowId(String label) throws SQLException { throw unsupported("getRowId"); }
    @Override public SQLXML getSQLXML(int column) throws SQLException { throw unsupported("getSQLXML"); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { throw unsupported("getSQLXML"); }
    @Override public URL getURL(int column) throws SQLException { throw unsupported("getURL"); }
    @Override public URL getURL(String label) throws SQLException { throw unsupported("getURL"); }
    @Deprecated @Override public InputStream getUnicodeStream(int column)
            throws SQLException { throw unsupported("getUnicodeStream"); }
    @Deprecated @Override public InputStream getUnicodeStream(String label)
            throws SQLException { throw unsupported("getUnicodeStream"); }

    // ---- not supported: scrolling (the cursor is forward-only) ----

    @Override public boolean absolute(int row) throws SQLException { throw unsupported("absolute"); }
    @Override public boolean relative(int rows) throws SQLException { throw unsupported("relative"); }
    @Override public boolean previous() throws SQLException { throw unsupported("previous"); }
    @Override public boolean first() throws SQLException { throw unsupported("first"); }
    @Override public boolean last() throws SQLException { throw unsupported("last"); }
    @Override public void beforeFirst() throws SQLException { throw unsupported("beforeFirst"); }
    @Override public void afterLast() throws SQLException { throw unsupported("afterLast"); }

    // ---- not supported: updating (the result set is read-only; use UPDATE/INSERT/DELETE) ----

    @Override public void insertRow() throws SQLException { throw unsupported("insertRow"); }
    @Override public void updateRow() throws SQLException { throw unsupported("updateRow"); }
    @Override public void deleteRow() throws SQLException { throw unsupported("deleteRow"); }
    @Override public void refreshRow() throws SQLException { throw unsupported("refreshRow"); }
    @Override public void cancelRowUpdates() throws SQLException { throw unsupported("cancelRowUpdates"); }
    @Override public void moveToInsertRow() throws SQLException { throw unsupported("moveToInsertRow"); }
    @Override public void moveToCurrentRow() throws SQLException { throw unsupported("moveToCurrentRow"); }
    @Override public void updateArray(int column, Array x) throws SQLException { throw unsupported("updateArray"); }
    @Override public void updateArray(String label, Array x) throws SQLException { throw unsupported("updateArray"); }
    @Override public void updateAsciiStream(int column, InputStream x)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateAsciiStream(int column, InputStream x, int length)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateAsciiStream(int column, InputStream x, long length)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateAsciiStream(String label, InputStream x)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateAsciiStream(String label, InputStream x, int length)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateAsciiStream(String label, InputStream x, long length)
            throws SQLException { throw unsupported("updateAsciiStream"); }
    @Override public void updateBigDecimal(int column, BigDecimal x)
            throws SQLException { throw unsupported("updateBigDecimal"); }
    @Override public void updateBigDecimal(String label, BigDecimal x)
            throws SQLException { throw unsupported("updateBigDecimal"); }
    @Override public void updateBinaryStream(int column, InputStream x)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBinaryStream(int column, InputStream x, int length)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBinaryStream(int column, InputStream x, long length)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBinaryStream(String label, InputStream x)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBinaryStream(String label, InputStream x, int length)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBinaryStream(String label, InputStream x, long length)
            throws SQLException { throw unsupported("updateBinaryStream"); }
    @Override public void updateBlob(int column, Blob x) throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBlob(int column, InputStream x) throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBlob(int column, InputStream x, long length)
            throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBlob(String label, Blob x) throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBlob(String label, InputStream x)
            throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBlob(String label, InputStream x, long length)
            throws SQLException { throw unsupported("updateBlob"); }
    @Override public void updateBoolean(int column, boolean x)
            throws SQLException { throw unsupported("updateBoolean"); }
    @Override public void updateBoolean(String label, boolean x)
            throws SQLException { throw unsupported("updateBoolean"); }
    @Override public void updateByte(int column, byte x) throws SQLException { throw unsupported("updateByte"); }
    @Override public void updateByte(String label, byte x) throws SQLException { throw unsupported("updateByte"); }
    @Override public void updateBytes(int column, byte[] x) throws SQLException { throw unsupported("updateBytes"); }
    @Override public void updateBytes(String label, byte[] x) throws SQLException { throw unsupported("updateBytes"); }
    @Override public void updateCharacterStream(int column, Reader x)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateCharacterStream(int column, Reader x, int length)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateCharacterStream(int column, Reader x, long length)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateCharacterStream(String label, Reader x)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateCharacterStream(String label, Reader x, int length)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateCharacterStream(String label, Reader x, long length)
            throws SQLException { throw unsupported("updateCharacterStream"); }
    @Override public void updateClob(int column, Clob x) throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateClob(int column, Reader x) throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateClob(int column, Reader x, long length)
            throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateClob(String label, Clob x) throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateClob(String label, Reader x) throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateClob(String label, Reader x, long length)
            throws SQLException { throw unsupported("updateClob"); }
    @Override public void updateDate(int column, Date x) throws SQLException { throw unsupported("updateDate"); }
    @Override public void updateDate(String label, Date x) throws SQLException { throw unsupported("updateDate"); }
    @Override public void updateDouble(int column, double x) throws SQLException { throw unsupported("updateDouble"); }
    @Override public void updateDouble(String label, double x)
            throws SQLException { throw unsupported("updateDouble"); }
    @Override public void updateFloat(int column, float x) throws SQLException { throw unsupported("updateFloat"); }
    @Override public void updateFloat(String label, float x) throws SQLException { throw unsupported("updateFloat"); }
    @Override public void updateInt(int column, int x) throws SQLException { throw unsupported("updateInt"); }
    @Override public void updateInt(String label, int x) throws SQLException { throw unsupported("updateInt"); }
    @Override public void updateLong(int column, long x) throws SQLException { throw unsupported("updateLong"); }
    @Override public void updateLong(String label, long x) throws SQLException { throw unsupported("updateLong"); }
    @Override public void updateNCharacterStream(int column, Reader x)
            throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override public void updateNCharacterStream(int column, Reader x, long length)
            throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override public void updateNCharacterStream(String label, Reader x)
            throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override public void updateNCharacterStream(String label, Reader x, long length)
            throws SQLException { throw unsupported("updateNCharacterStream"); }
    @Override public void updateNClob(int column, NClob x) throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNClob(int column, Reader x) throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNClob(int column, Reader x, long length)
            throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNClob(String label, NClob x) throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNClob(String label, Reader x) throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNClob(String label, Reader x, long length)
            throws SQLException { throw unsupported("updateNClob"); }
    @Override public void updateNString(int column, String x)
            throws SQLException { throw unsupported("updateNString"); }
    @Override public void updateNString(String label, String x)
            throws SQLException { throw unsupported("updateNString"); }
    @Override public void updateNull(int column) throws SQLException { throw unsupported("updateNull"); }
    @Override public void updateNull(String label) throws SQLException { throw unsupported("updateNull"); }
    @Override public void updateObject(int column, Object x) throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(int column, Object x, SQLType type)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(int column, Object x, int scaleOrLength)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(int column, Object x, SQLType type, int scaleOrLength)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(String label, Object x)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(String label, Object x, SQLType type)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(String label, Object x, int scaleOrLength)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateObject(String label, Object x, SQLType type, int scaleOrLength)
            throws SQLException { throw unsupported("updateObject"); }
    @Override public void updateRef(int column, Ref x) throws SQLException { throw unsupported("updateRef"); }
    @Override public void updateRef(String label, Ref x) throws SQLException { throw unsupported("updateRef"); }
    @Override public void updateRowId(int column, RowId x) throws SQLException { throw unsupported("updateRowId"); }
    @Override public void updateRowId(String label, RowId x) throws SQLException { throw unsupported("updateRowId"); }
    @Override public void updateSQLXML(int column, SQLXML x) throws SQLException { throw unsupported("updateSQLXML"); }
    @Override public void updateSQLXML(String label, SQLXML x)
            throws SQLException { throw unsupported("updateSQLXML"); }
    @Override public void updateShort(int column, short x) throws SQLException { throw unsupported("updateShort"); }
    @Override public void updateShort(String label, short x) throws SQLException { throw unsupported("updateShort"); }
    @Override public void updateString(int column, String x) throws SQLException { throw unsupported("updateString"); }
    @Override public void updateString(String label, String x)
            throws SQLException { throw unsupported("updateString"); }
    @Override public void updateTime(int column, Time x) throws SQLException { throw unsupported("updateTime"); }
    @Override public void updateTime(String label, Time x) throws SQLException { throw unsupported("updateTime"); }
    @Override public void updateTimestamp(int column, Timestamp x)
            throws SQLException { throw unsupported("updateTimestamp"); }
    @Override public void updateTimestamp(String label, Timestamp x)
            throws SQLException { throw unsupported("updateTimestamp"); }
}
