package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import java.sql.SQLException;

/**
 * Rules about where constructs may stand that the grammar alone does not enforce, checked while the
 * statement is prepared so that a misplaced aggregate or a computed LIMIT never reaches execution.
 * Each query level is checked on its own (subqueries are checked when they are translated).
 */
final class QueryRules {
    private QueryRules() {
    }

    static void check(Query q) throws SQLException {
        noAggregate(q.where(), "WHERE");
        for (Expr g : q.groupBy()) {
            noAggregate(g, "GROUP BY");
        }
        checkJoins(q.from());
        for (Query.SelectItem item : q.items()) {
            if (item instanceof Query.ExprItem e) {
                noNestedAggregate(e.expr());
            }
        }
        noNestedAggregate(q.having());
        for (Query.OrderItem o : q.orderBy()) {
            noNestedAggregate(o.expr());
        }
        rowCount(q.limit(), "LIMIT");
        rowCount(q.offset(), "OFFSET");
    }

    private static void checkJoins(Query.FromItem from) throws SQLException {
        if (from instanceof Query.Join j) {
            checkJoins(j.left());
            noAggregate(j.condition(), "JOIN ... ON");
        }
    }

    /** LIMIT and OFFSET take a whole number or a {@code ?}, which the engine checks once it is bound. */
    private static void rowCount(Expr e, String clause) throws SQLException {
        if (e == null || e instanceof Expr.Param) {
            return;
        }
        if (e instanceof Expr.Negate n && n.operand() instanceof Expr.Literal l && l.value() instanceof Long v) {
            throw Errors.syntax(clause + " must not be negative, not -" + v);
        }
        if (e instanceof Expr.Literal l && (l.value() == null || l.value() instanceof Long)) {
            if (l.value() instanceof Long n && n < 0) {
                throw Errors.syntax(clause + " must not be negative, not " + n);
            }
            return;
        }
        throw Errors.unsupportedSql(clause + " with an expression (" + e + "); use a whole number or ?");
    }

    private static void noAggregate(Expr e, String clause) throws SQLException {
        Expr.Aggregate a = firstAggregate(e);
        if (a != null) {
            throw Errors.syntax("The aggregate " + a.name() + " is not allowed in " + clause
                    + " (filter groups with HAVING instead)");
        }
    }

    private static void noNestedAggregate(Expr e) throws SQLException {
        if (e instanceof Expr.Aggregate a) {
            if (a.arg() != null && firstAggregate(a.arg()) != null) {
                throw Errors.syntax("Aggregates cannot be nested, as in " + a.name() + "("
                        + firstAggregate(a.arg()).name() + "(...))");
            }
            return;
        }
        for (Expr child : ExprChildren.of(e)) {
            noNestedAggregate(child);
        }
    }

    /** The first aggregate in {@code e} outside subqueries (whose aggregates are their own), or null. */
    private static Expr.Aggregate firstAggregate(Expr e) {
        if (e instanceof Expr.Aggregate a) {
            return a;
        }
        for (Expr child : ExprChildren.of(e)) {
            Expr.Aggregate found = firstAggregate(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
