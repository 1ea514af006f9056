package dev.s3inventory.jdbc;

/**
 * The driver's extension of {@link java.sql.Statement} for progress: reach it with
 * {@code statement.unwrap(ProgressReporting.class)}.
 */
public interface ProgressReporting {
    /** Listener for the statement's next executions; null removes it. */
    void setProgressListener(ProgressListener listener);
}
