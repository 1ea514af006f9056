package dev.s3inventory.jdbc;

import java.sql.SQLWarning;

/**
 * The warning chain a connection, statement or result set keeps for {@code getWarnings()}: the
 * driver appends (a skipped bucket, an unsupported setting), the application reads and clears.
 */
final class WarningChain {
    private SQLWarning first;

    /** Appends {@code w} at the end of the chain; null is ignored. */
    synchronized void add(SQLWarning w) {
        if (w == null) {
            return;
        }
        if (first == null) {
            first = w;
        } else {
            first.setNextWarning(w); // walks to the end of the chain
        }
    }

    synchronized SQLWarning first() {
        return first;
    }

    synchronized void clear() {
        first = null;
    }
}
