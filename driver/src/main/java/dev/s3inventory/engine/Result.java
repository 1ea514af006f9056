package dev.s3inventory.engine;

/** What a statement produced: rows (relation non-null) or an update count. */
public record Result(Relation relation, long updateCount) {

    public static Result rows(Relation relation) {
        return new Result(relation, -1);
    }

    public static Result count(long updateCount) {
        return new Result(null, updateCount);
    }

    public boolean hasRows() {
        return relation != null;
    }
}
