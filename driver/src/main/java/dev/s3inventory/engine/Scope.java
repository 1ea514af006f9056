package dev.s3inventory.engine;

/**
 * Where a column reference is looked up: the row being evaluated ({@link #type}), then the rows of
 * the enclosing queries, innermost first, as SQL scoping requires. A reference that resolves to an
 * enclosing query reads that query's {@link #current} row, which the enclosing query sets just
 * before it runs the subquery; this is how correlated subqueries see their outer row.
 */
final class Scope {
    final RowType type;
    final Scope parent;
    final Level level;
    /** The row of this scope a subquery is running for; set by the subquery's caller. */
    Object[] current;

    /**
     * One query level (a SELECT, or a JOIN's ON inside it). A level that reads an enclosing level's
     * row is correlated and must be run again for each outer row; otherwise its result is reused.
     */
    static final class Level {
        final Level parent;
        private boolean correlated;

        Level(Level parent) {
            this.parent = parent;
        }

        boolean correlated() {
            return correlated;
        }
    }

    Scope(RowType type, Scope parent, Level level) {
        this.type = type;
        this.parent = parent;
        this.level = level;
    }

    /** Records that code at {@code from} reads this scope's row: every level in between becomes correlated. */
    void referencedFrom(Level from) {
        for (Level l = from; l != null && l != level; l = l.parent) {
            l.correlated = true;
        }
    }
}
