package dev.s3inventory.sql;

import dev.s3inventory.schema.SqlType;
import java.util.List;

/**
 * The driver's own expression tree: what the parser produces and the engine evaluates. Only the
 * constructs of our dialect exist here, so the engine never sees JSqlParser types.
 */
public sealed interface Expr {

    /** A column reference; {@code qualifier} is the table name or alias, or null. */
    record ColumnRef(String qualifier, String name) implements Expr {
    }

    /** A constant: null, String, Long, BigDecimal, Double, Boolean or Timestamp. */
    record Literal(Object value) implements Expr {
    }

    /** A {@code ?} parameter; {@code index} is 0-based in order of appearance. */
    record Param(int index) implements Expr {
    }

    enum BinaryOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("AND"), OR("OR"),
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MOD("%"), CONCAT("||");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean isComparison() {
            return ordinal() <= GE.ordinal();
        }

        public boolean isArithmetic() {
            return this == PLUS || this == MINUS || this == TIMES || this == DIVIDE || this == MOD;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }

    record Negate(Expr operand) implements Expr {
    }

    record IsNull(Expr operand, boolean negated) implements Expr {
    }

    record InList(Expr operand, List<Expr> items, boolean negated) implements Expr {
    }

    record InSubquery(Expr operand, Query subquery, boolean negated) implements Expr {
    }

    record Exists(Query subquery, boolean negated) implements Expr {
    }

    /** {@code (SELECT ...)} used as a value: one column, at most one row (NULL when none). */
    record ScalarSubquery(Query subquery) implements Expr {
    }

    /** {@code operand op ANY|SOME|ALL (SELECT ...)}; {@code op} is a comparison. */
    record Quantified(Expr operand, BinaryOp op, boolean all, Query subquery) implements Expr {
    }

    /** {@code operand [NOT] LIKE pattern [ESCAPE escape]}; escape may be null. */
    record Like(Expr operand, Expr pattern, Expr escape, boolean negated, boolean caseInsensitive) implements Expr {
    }

    record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
    }

    /** {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}; operand and elseResult may be null. */
    record Case(Expr operand, List<When> whens, Expr elseResult) implements Expr {
    }

    record When(Expr condition, Expr result) {
    }

    /**
     * {@code CAST(operand AS type)}; {@code maxLength} is n of VARCHAR(n) and {@code scale} is s of
     * DECIMAL(p, s), each null when not given.
     */
    record Cast(Expr operand, SqlType type, Integer maxLength, Integer scale) implements Expr {
    }

    /** A scalar function call, name upper-cased (LOWER, UPPER, COALESCE, LENGTH, CONCAT, ...). */
    record Function(String name, List<Expr> args) implements Expr {
    }

    /** An aggregate: COUNT, MIN, MAX, SUM, AVG; {@code arg} is null for COUNT(*). */
    record Aggregate(String name, Expr arg, boolean distinct) implements Expr {
    }
}
