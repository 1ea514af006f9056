package dev.s3inventory;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.List;

/**
 * The one place where failures get their exception class, SQLState and wording (product-spec.md,
 * "Errors"). Messages say what went wrong and what to do; they never contain secrets.
 */
public final class Errors {
    public static final String SYNTAX = "42000";
    public static final String UNKNOWN_TABLE = "42S02";
    public static final String UNKNOWN_COLUMN = "42S22";
    public static final String UNSUPPORTED_SQL = "0A000";
    /**
     * Optional JDBC methods we do not implement. Not 0A000: HikariCP evicts a pooled connection on
     * 0A000, and tools only look at the exception class (jdbc-client-checklist.md, b.10).
     */
    public static final String UNSUPPORTED_JDBC = "HYC00";
    public static final String BAD_VALUE = "22023";
    public static final String BAD_CONVERSION = "22018";
    public static final String DUPLICATE_KEY = "23505";
    public static final String READ_ONLY = "25006";
    public static final String ACCESS_DENIED = "42501";
    public static final String BAD_CREDENTIALS = "28000";
    public static final String UNREACHABLE = "08001";
    public static final String CONNECTION_CLOSED = "08003";
    public static final String OBJECT_CLOSED = "HY010";
    public static final String BAD_INDEX = "07009";
    public static final String TIMEOUT = "HYT00";
    public static final String S3_ERROR = "58030";
    public static final String PARAMETER_NOT_SET = "07001";
    public static final String NO_CURRENT_ROW = "24000";
    public static final String CANCELLED = "57014";
    public static final String CARDINALITY = "21000";
    public static final String DIVISION_BY_ZERO = "22012";
    /** Program limit exceeded: a statement needs more than a connection allows (maxJoinRows). */
    public static final String PROGRAM_LIMIT = "54000";
    /** Program limit exceeded: a statement nested too deeply or too long to handle. */
    public static final String TOO_COMPLEX = "54001";
    public static final String INTERNAL = "XX000";
    /** Warning classes: a general warning, and "no data" (a named bucket that does not exist). */
    public static final String WARNING = "01000";
    public static final String NO_DATA = "02000";

    private Errors() {
    }

    public static SQLSyntaxErrorException syntax(String message) {
        return new SQLSyntaxErrorException(message, SYNTAX);
    }

    public static SQLSyntaxErrorException unknownTable(String name) {
        return new SQLSyntaxErrorException("Table '" + name + "' does not exist. Tables: aws.s3.bucket_inventory_configurations, "
                + "aws.s3.buckets (SHOW TABLES lists them)", UNKNOWN_TABLE);
    }

    public static SQLSyntaxErrorException unknownColumn(String name, String where) {
        return new SQLSyntaxErrorException("Column '" + name + "' does not exist in " + where
                + " (DESCRIBE <table> lists the columns)", UNKNOWN_COLUMN);
    }

    /** Valid SQL that the driver's dialect does not cover. */
    public static SQLFeatureNotSupportedException unsupportedSql(String construct) {
        return new SQLFeatureNotSupportedException(construct + " is not supported by s3inventory-jdbc. "
                + "See docs/sql-reference.md for the supported dialect", UNSUPPORTED_SQL);
    }

    /** An optional JDBC API method the driver does not implement. */
    public static SQLFeatureNotSupportedException unsupportedJdbc(String method) {
        return new SQLFeatureNotSupportedException(method + " is not supported by s3inventory-jdbc", UNSUPPORTED_JDBC);
    }

    public static SQLDataException badValue(String message) {
        return new SQLDataException(message, BAD_VALUE);
    }

    public static SQLDataException badConversion(String message) {
        return new SQLDataException(message, BAD_CONVERSION);
    }

    public static SQLIntegrityConstraintViolationException duplicateKey(String message) {
        return new SQLIntegrityConstraintViolationException(message, DUPLICATE_KEY);
    }

    public static SQLException readOnly() {
        return new SQLException("The connection is read-only (readOnly=true or Connection.setReadOnly(true)); "
                + "open a connection without readOnly to change inventory configurations", READ_ONLY);
    }

    public static SQLException accessDenied(String message) {
        return new SQLException(message, ACCESS_DENIED);
    }

    public static SQLInvalidAuthorizationSpecException badCredentials(String message, Throwable cause) {
        return new SQLInvalidAuthorizationSpecException(message, BAD_CREDENTIALS, cause);
    }

    public static SQLNonTransientConnectionException unreachable(String message, Throwable cause) {
        return new SQLNonTransientConnectionException(message, UNREACHABLE, cause);
    }

    /** A JDBC URL whose shape or %-encoding is wrong (the text says which part; it never repeats a value). */
    public static SQLNonTransientConnectionException malformedUrl(String message) {
        return new SQLNonTransientConnectionException(message, UNREACHABLE);
    }

    /**
     * A URL property the driver does not know: bad input, not an unreachable server (22023), with the
     * known names closest to it.
     */
    public static SQLDataException unknownProperty(String name, List<String> closest, String known) {
        return new SQLDataException("Unknown connection property '" + name + "' in the URL"
                + (closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?")
                + " Known properties: " + known, BAD_VALUE);
    }

    public static SQLNonTransientConnectionException connectionClosed() {
        return new SQLNonTransientConnectionException("The connection is closed; open a new one", CONNECTION_CLOSED);
    }

    public static SQLException closed(String what) {
        return new SQLException("The " + what + " is closed; create a new one", OBJECT_CLOSED);
    }

    public static SQLException badIndex(String message) {
        return new SQLException(message, BAD_INDEX);
    }

    /** A parameter (1-based {@code index}) executed without a value. */
    public static SQLException parameterNotSet(int index) {
        return new SQLException("Parameter " + index + " is not set; call setXxx(" + index + ", value) or setNull("
                + index + ", type) before executing", PARAMETER_NOT_SET);
    }

    /** A value read while the cursor is before the first row ({@code beforeFirst}) or after the last. */
    public static SQLException noCurrentRow(boolean beforeFirst) {
        return new SQLException(beforeFirst ? "No current row: call next() before reading values"
                : "No current row: the cursor is after the last row", NO_CURRENT_ROW);
    }

    public static SQLException cancelled() {
        return new SQLException("The statement was cancelled", CANCELLED);
    }

    /** The statement's thread was interrupted while it waited for S3: as good as a cancel. */
    public static SQLException interrupted(InterruptedException cause) {
        return new SQLException("Interrupted while waiting for S3", CANCELLED, cause);
    }

    /** An S3 call failed with something that is neither an SQLException nor a RuntimeException. */
    public static SQLException s3CallFailed(Throwable cause) {
        return new SQLException("S3 call failed: " + cause, S3_ERROR, cause);
    }

    /** S3 sent a document that cannot be read. */
    public static SQLException badS3Answer(String message, Throwable cause) {
        return new SQLException(message, S3_ERROR, cause);
    }

    public static SQLException scalarSubqueryRows() {
        return new SQLException("A scalar subquery returned more than one row; make it return at most one "
                + "(e.g. with an aggregate, a WHERE on a key, or LIMIT 1)", CARDINALITY);
    }

    public static SQLDataException divisionByZero() {
        return new SQLDataException("Division by zero", DIVISION_BY_ZERO);
    }

    /** A warning for the caller: something was replaced or ignored, and the statement went on. */
    public static SQLWarning warning(String message) {
        return new SQLWarning(message, WARNING);
    }

    /** A warning that a named bucket does not exist, so it contributes no rows. */
    public static SQLWarning noSuchBucket(String message) {
        return new SQLWarning(message, NO_DATA);
    }

    /** A warning that a bucket was skipped (onBucketError=warn), with the SQLState its failure had. */
    public static SQLWarning skippedBucket(String message, SQLException failure) {
        return new SQLWarning(message, failure.getSQLState());
    }

    public static SQLTimeoutException timeout(int seconds) {
        return new SQLTimeoutException("The statement did not finish within its query timeout of " + seconds
                + " s; raise Statement.setQueryTimeout or narrow the query (e.g. WHERE bucket = ...)", TIMEOUT);
    }

    /** A statement too deeply nested or too long to translate or evaluate (SQLState 54001, program limit exceeded). */
    public static SQLException tooComplex(String doing) {
        return new SQLException("The statement is too complex to finish " + doing + " (too deeply nested or too many "
                + "terms); split or simplify it", TOO_COMPLEX);
    }

    /** Parentheses nested deeper than {@code max}; line and column of the first one too many. */
    public static SQLException nestedTooDeeply(int max, int line, int column) {
        return new SQLException("The statement nests parentheses more than " + max + " levels deep (at line " + line
                + ", column " + column + "); simplify it", TOO_COMPLEX);
    }

    /** A join that would hold more rows in memory than the connection allows (SQLState 54000, program limit exceeded). */
    public static SQLException tooManyJoinRows(long limit) {
        return new SQLException("The join produced more than " + limit + " rows, the limit of maxJoinRows (a join's "
                + "rows are held in memory). Add or tighten the join's ON condition, narrow its tables with WHERE, or "
                + "raise the connection property maxJoinRows", PROGRAM_LIMIT);
    }

    /** Wraps an unexpected failure (a bug) so that no RuntimeException escapes a JDBC method. */
    public static SQLException internal(String what, Exception cause) {
        return new SQLException("Internal error while " + what + ": " + cause
                + ". Please report it with the statement that caused it", INTERNAL, cause);
    }
}
