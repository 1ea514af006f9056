package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import dev.s3inventory.engine.ExecutionContext;
import dev.s3inventory.engine.Relation;
import dev.s3inventory.engine.Result;
import dev.s3inventory.sql.SqlParser;
import dev.s3inventory.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What Statement and PreparedStatement share: execution through the engine, the current result,
 * limits, timeout, cancel, warnings, batches and the closing rules. Declares {@code Statement} so
 * tools that reflect on the class hierarchy see it.
 */
abstract class AbstractStatement implements Statement, ProgressReporting {
    final S3InventoryConnection connection;
    private ResultSet resultSet;
    private long updateCount = -1;
    private long maxRows;
    private int queryTimeout;
    private int fetchSize;
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean poolable;
    private final WarningChain warnings = new WarningChain();
    private volatile ExecutionContext running;
    private volatile ProgressListener progressListener;

    AbstractStatement(S3InventoryConnection connection) {
        this.connection = connection;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("statement");
        }
        connection.checkOpen();
    }

    /** Executes a parsed statement; returns true when it produced a result set. */
    boolean run(SqlParser.Parsed parsed, List<Object> parameters) throws SQLException {
        checkOpen();
        closeResult();
        clearWarnings();
        SqlStatement statement = parsed.statement();
        if (connection.isReadOnly() && isWrite(statement)) {
            throw Errors.readOnly();
        }
        ProgressListener listener = progressListener;
        ExecutionContext ctx = new ExecutionContext(parameters, maxRows, queryTimeout, listener == null ? null
                : p -> listener.onProgress(p.bucketsDone(), p.bucketsTotal(), p.elapsedMillis()));
        running = ctx;
        Result result;
        try {
            result = connection.engine().execute(statement, ctx);
        } finally {
            running = null;
            for (SQLWarning w : ctx.warnings()) {
                addWarning(w);
            }
        }
        if (result.hasRows()) {
            S3InventoryResultSet rs = new S3InventoryResultSet(this, result.relation(), this::resultClosed);
            resultSet = rs;
            updateCount = -1;
            return true;
        }
        updateCount = result.updateCount();
        return false;
    }

    @Override
    public void setProgressListener(ProgressListener listener) {
        this.progressListener = listener;
    }

    static boolean isWrite(SqlStatement s) {
        return s instanceof SqlStatement.Insert || s instanceof SqlStatement.Update || s instanceof SqlStatement.Delete
                || s instanceof SqlStatement.Exec;
    }

    static boolean returnsRows(SqlStatement s) {
        return !isWrite(s);
    }

    private void resultClosed() {
        if (closeOnCompletion) {
            try {
                close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    private void closeResult() throws SQLException {
        if (resultSet != null) {
            ResultSet rs = resultSet;
            resultSet = null;
            boolean wasCloseOnCompletion = closeOnCompletion;
            closeOnCompletion = false; // re-executing must not close the statement itself
            rs.close();
            closeOnCompletion = wasCloseOnCompletion;
        }
        updateCount = -1;
    }

    ResultSet requireResultSet(boolean hasRows, String method) throws SQLException {
        if (!hasRows) {
            throw Errors.syntax(method + " needs a statement that returns rows (SELECT, SHOW, DESCRIBE); "
                    + "use executeUpdate or execute for INSERT, UPDATE, DELETE and EXEC");
        }
        return resultSet;
    }

    long requireUpdateCount(boolean hasRows, String method) throws SQLException {
        if (hasRows) {
            closeResult();
            throw Errors.syntax(method + " needs INSERT, UPDATE, DELETE or EXEC; use executeQuery for statements "
                    + "that return rows");
        }
        return updateCount;
    }

    void addWarning(SQLWarning w) {
        warnings.add(w);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, updateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        closeResult(); // one result per statement: afterwards there is none (update count -1)
        return false;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        ExecutionContext ctx = running;
        if (ctx != null) {
            ctx.cancel();
        }
        closeOnCompletion = false;
        closeResult();
        closed = true;
        connection.forget(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        ExecutionContext ctx = running;
        if (ctx != null) {
            ctx.cancel();
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, maxRows);
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw Errors.badValue("maxRows must not be negative, not " + max);
        }
        maxRows = max;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw Errors.badValue("queryTimeout must not be negative, not " + seconds);
        }
        queryTimeout = seconds;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen(); // accepted; values are small
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen(); // {fn ...} and {d ...} escapes are always understood
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings.first();
    }

    @Override
    public void clearWarnings() {
        warnings.clear();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen(); // positioned updates do not exist; the name is not used
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        // Only a hint for a Statement (results are read forward whatever it says); tools set it freely.
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
                && direction != ResultSet.FETCH_UNKNOWN) {
            throw Errors.badValue("Fetch direction " + direction + " is not one of ResultSet.FETCH_FORWARD, "
                    + "FETCH_REVERSE or FETCH_UNKNOWN");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.badValue("fetchSize must not be negative, not " + rows);
        }
        fetchSize = rows; // a hint; results are in memory
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    /** Keys are given by the user, never generated: always an empty result. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new S3InventoryResultSet(this, new Relation(List.of(), new ArrayList<>()));
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, "Statement");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
