package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Subqueries inside expressions: EXISTS, IN (SELECT ...), op ANY|ALL (SELECT ...) and scalar
 * (SELECT ...). Each is planned once per statement with the enclosing row as its outer scope.
 * An uncorrelated subquery runs once and its rows are reused for every outer row; a correlated
 * one runs again per outer row, but over table rows fetched once per statement (StatementScans).
 */
final class Subqueries {
    private Subqueries() {
    }

    static Compiled compile(Expr e, ExprCompiler compiler, ExprCompiler.SubqueryPlanner planner) throws SQLException {
        Scope scope = compiler.scope();
        if (e instanceof Expr.Exists ex) {
            QueryPlan plan = planner.plan(ex.subquery(), scope);
            boolean negated = ex.negated();
            return new Compiled(SqlType.BOOLEAN, false, row -> {
                scope.current = row;
                // One row answers EXISTS; a correlated plan may stop after it.
                Relation r = plan.correlated() ? plan.execute(1) : plan.reusable();
                return r.rows().isEmpty() == negated;
            });
        }
        if (e instanceof Expr.InSubquery in) {
            QueryPlan plan = singleColumn(planner.plan(in.subquery(), scope), "IN");
            return InPredicates.in(compiler.compile(in.operand()), plan.columns().get(0).type(),
                    candidates(plan, scope), in.negated());
        }
        if (e instanceof Expr.Quantified q) {
            QueryPlan plan = singleColumn(planner.plan(q.subquery(), scope), q.all() ? "ALL" : "ANY");
            Compiled operand = compiler.compile(q.operand());
            SqlType itemType = plan.columns().get(0).type();
            return InPredicates.quantified(operand, itemType, candidates(plan, scope),
                    Values.comparison(operand.type(), itemType), InPredicates.Outcome.valueOf(q.op().name()), q.all(),
                    false);
        }
        Query query = ((Expr.ScalarSubquery) e).subquery();
        QueryPlan plan = singleColumn(planner.plan(query, scope), "A scalar subquery");
        return new Compiled(plan.columns().get(0).type(), true, row -> {
            scope.current = row;
            Relation r = plan.correlated() ? plan.execute(2) : plan.reusable();
            if (r.rows().size() > 1) {
                throw Errors.scalarSubqueryRows();
            }
            return r.rows().isEmpty() ? null : r.rows().get(0)[0];
        });
    }

    private static QueryPlan singleColumn(QueryPlan plan, String what) throws SQLException {
        if (plan.columns().size() != 1) {
            throw Errors.syntax("The subquery of " + what + " must select exactly one column, not " + plan.columns().size());
        }
        return plan;
    }

    /** The values of the subquery's only column for the current outer row; computed once when uncorrelated. */
    private static InPredicates.Candidates candidates(QueryPlan plan, Scope scope) {
        List<List<Object>> cache = new ArrayList<>(1);
        return row -> {
            if (!plan.correlated() && !cache.isEmpty()) {
                return cache.get(0);
            }
            scope.current = row;
            Relation r = plan.correlated() ? plan.execute(Long.MAX_VALUE) : plan.reusable();
            List<Object> values = new ArrayList<>(r.rows().size());
            for (Object[] x : r.rows()) {
                values.add(x[0]);
            }
            if (!plan.correlated()) {
                cache.add(values);
            }
            return values;
        };
    }
}
