package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one execution of one statement needs besides its SQL: bound parameters, row limit,
 * deadline, cancellation, and the warnings it collects. Shared by the threads of a fan-out.
 */
public final class ExecutionContext {
    private volatile boolean abandoned;
    private final List<Object> parameters;
    private final long maxRows;
    private final int timeoutSeconds;
    private final long deadlineNanos;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<SQLWarning> warnings = new ArrayList<>();
    private final Progress progress;
    /** Rows a join of this statement may materialise (maxJoinRows); set by the engine that runs it. */
    private long maxJoinRows = QueryEngine.DEFAULT_MAX_JOIN_ROWS;
    /** Counts down the rows evaluated until the next liveness check; only the statement's thread evaluates. */
    private int untilCheck = ROWS_PER_CHECK;

    /**
     * Rows evaluated between two checks of cancel and timeout: a check costs a volatile read and a clock
     * read, and a thousand rows of joining, sorting or grouping take well under a millisecond.
     */
    private static final int ROWS_PER_CHECK = 1024;

    /**
     * @param maxRows        0 for no limit (Statement.setMaxRows)
     * @param timeoutSeconds 0 for no timeout (Statement.setQueryTimeout)
     */
    public ExecutionContext(List<Object> parameters, long maxRows, int timeoutSeconds) {
        this(parameters, maxRows, timeoutSeconds, null);
    }

    /** @param progressListener told as buckets are planned and finished; may be null */
    public ExecutionContext(List<Object> parameters, long maxRows, int timeoutSeconds,
            java.util.function.Consumer<Progress.Snapshot> progressListener) {
        this.progress = new Progress(progressListener);
        this.parameters = parameters;
        this.maxRows = maxRows;
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineNanos = timeoutSeconds > 0 ? System.nanoTime() + timeoutSeconds * 1_000_000_000L : 0;
    }

    public List<Object> parameters() {
        return parameters;
    }

    public Progress progress() {
        return progress;
    }

    public long maxRows() {
        return maxRows;
    }

    /** Requests cancellation (Statement.cancel); the fan-out stops at its next step. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Nanoseconds left before the query timeout, or Long.MAX_VALUE without one. */
    long nanosLeft() {
        return deadlineNanos == 0 ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
    }

    /** Fails when the statement was cancelled or ran out of time. */
    void checkAlive() throws SQLException {
        if (cancelled.get()) {
            throw Errors.cancelled();
        }
        if (nanosLeft() <= 0) {
            throw Errors.timeout(timeoutSeconds);
        }
    }

    /**
     * Called for each row by the evaluation loops (joins, filters, grouping, sorting): every
     * {@value #ROWS_PER_CHECK} rows, {@link #checkAlive}. So cancel() and the query timeout end a
     * statement that is busy with CPU, not S3, as promptly as one that waits for S3.
     */
    void tick() throws SQLException {
        if (--untilCheck <= 0) {
            untilCheck = ROWS_PER_CHECK;
            checkAlive();
        }
    }

    long maxJoinRows() {
        return maxJoinRows;
    }

    void maxJoinRows(long limit) {
        this.maxJoinRows = limit;
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** The statement failed, was cancelled or timed out: whatever its calls still do no longer counts. */
    void abandon() {
        abandoned = true;
    }

    /** True once the statement can no longer use what its calls return. */
    boolean isOver() {
        return abandoned || cancelled.get() || nanosLeft() <= 0;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    void warn(SQLWarning warning) {
        synchronized (warnings) {
            warnings.add(warning);
        }
    }

    public List<SQLWarning> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }
}
