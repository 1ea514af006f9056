package dev.s3inventory;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;

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

    public static SQLNonTransientConnectionException connectionClosed() {
        return new SQLNonTransientConnectionException("The connection is closed; open a new one", CONNECTION_CLOSED);
    }

    public static SQLException closed(String what) {
        return new SQLException("The " + what + " is closed; create a new one", OBJECT_CLOSED);
    }

    public static SQLException badIndex(String message) {
        return new SQLException(message, BAD_INDEX);
    }

    public static SQLTimeoutException timeout(int seconds) {
        return new SQLTimeoutException("The statement did not finish within its query timeout of " + seconds
                + " s; raise Statement.setQueryTimeout or narrow the query (e.g. WHERE bucket = ...)", TIMEOUT);
    }

    /** A statement too deeply nested or too long to translate or evaluate (SQLState 54001, program limit exceeded). */
    public static SQLException tooComplex(String doing) {
        return new SQLException("The statement is too complex to finish " + doing + " (too deeply nested or too many "
                + "terms); split or simplify it", "54001");
    }

    /** Wraps an unexpected runtime failure so that no RuntimeException escapes a JDBC method. */
    public static SQLException internal(String what, RuntimeException cause) {
        return new SQLException("Internal error while " + what + ": " + cause
                + ". Please report it with the statement that caused it", "XX000", cause);
    }
}
