package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Expr.BinaryOp;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles {@link Expr} trees into {@link Compiled} code for one row shape, once per statement:
 * columns become indexes (or reads of an enclosing query's current row), parameters become
 * constants, types and comparison rules are fixed here rather than per row. NULL follows SQL's
 * three-valued logic.
 */
final class ExprCompiler {
    private final Scope scope;
    private final List<Object> parameters;
    /** Expressions already computed into row slots (GROUP BY keys and aggregates after grouping). */
    private final Map<Expr, Integer> precomputed;
    /** Plans subqueries (IN, EXISTS, ANY/ALL, scalar); null where subqueries are not allowed. */
    private final SubqueryPlanner subqueries;
    /** After GROUP BY: the rows' shape before grouping, to tell "not grouped" from "unknown"; else null. */
    private final RowType ungrouped;

    /** Compiles the queries of subqueries, with the compiler's scope as their enclosing scope. */
    interface SubqueryPlanner {
        QueryPlan plan(dev.s3inventory.sql.Query query, Scope outer) throws SQLException;
    }

    /** A compiler for rows of {@code rowType} with no enclosing query (statements other than SELECT use this). */
    ExprCompiler(RowType rowType, List<Object> parameters, Map<Expr, Integer> precomputed, SubqueryPlanner subqueries,
            boolean grouped) {
        this(new Scope(rowType, null, new Scope.Level(null)), parameters, precomputed, subqueries,
                grouped ? rowType : null);
    }

    ExprCompiler(Scope scope, List<Object> parameters, Map<Expr, Integer> precomputed, SubqueryPlanner subqueries,
            RowType ungrouped) {
        this.scope = scope;
        this.parameters = parameters;
        this.precomputed = precomputed;
        this.subqueries = subqueries;
        this.ungrouped = ungrouped;
    }

    Scope scope() {
        return scope;
    }

    List<Object> parameters() {
        return parameters;
    }

    Compiled compile(Expr e) throws SQLException {
        Integer slot = precomputed.get(e);
        if (slot != null) {
            ResultColumn c = scope.type.fields().get(slot).column();
            int i = slot;
            return new Compiled(c.type(), c.nullable() != java.sql.ResultSetMetaData.columnNoNulls, row -> row[i]);
        }
        if (e instanceof Expr.ColumnRef c) {
            return column(c);
        }
        if (e instanceof Expr.Literal l) {
            return Compiled.constant(l.value());
        }
        if (e instanceof Expr.Param p) {
            if (p.index() >= parameters.size()) {
                throw Errors.parameterNotSet(p.index() + 1);
            }
            return Compiled.constant(parameters.get(p.index()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Not n) {
            Compiled operand = compile(n.operand());
            return new Compiled(SqlType.BOOLEAN, operand.nullable(), row -> {
                Boolean v = operand.test(row);
                return v == null ? null : !v;
            });
        }
        if (e instanceof Expr.Negate n) {
            Compiled operand = compile(n.operand());
            SqlType type = Values.arithmeticType(operand.type(), SqlType.INTEGER);
            return new Compiled(type, operand.nullable(), row -> {
                Object v = operand.eval(row);
                return v == null ? null : Values.arithmetic('-', 0L, v, type);
            });
        }
        if (e instanceof Expr.IsNull n) {
            Compiled operand = compile(n.operand());
            boolean negated = n.negated();
            return new Compiled(SqlType.BOOLEAN, false, row -> (operand.eval(row) == null) != negated);
        }
        if (e instanceof Expr.InList in) {
            return InPredicates.inList(compile(in.operand()), compileAll(in.items()), in.negated());
        }
        if (e instanceof Expr.InSubquery || e instanceof Expr.Exists || e instanceof Expr.Quantified
                || e instanceof Expr.ScalarSubquery) {
            if (subqueries == null) {
                throw Errors.unsupportedSql("A subquery in this position");
            }
            return Subqueries.compile(e, this, subqueries);
        }
        if (e instanceof Expr.Like like) {
            return LikeCompiler.compile(like, this);
        }
        if (e instanceof Expr.Between b) {
            Expr inRange = new Expr.Binary(BinaryOp.AND, new Expr.Binary(BinaryOp.GE, b.operand(), b.low()),
                    new Expr.Binary(BinaryOp.LE, b.operand(), b.high()));
            return compile(b.negated() ? new Expr.Not(inRange) : inRange);
        }
        if (e instanceof Expr.Case c) {
            return caseExpr(c);
        }
        if (e instanceof Expr.Cast c) {
            Compiled operand = compile(c.operand());
            return new Compiled(c.type(), operand.nullable(),
                    row -> Values.cast(operand.eval(row), c.type(), c.maxLength(), c.scale()));
        }
        if (e instanceof Expr.Function f) {
            return Functions.compile(f.name(), compileAll(f.args()));
        }
        if (e instanceof Expr.Aggregate a) {
            throw Errors.syntax("Aggregate " + a.name() + " is not allowed here (only in the select list, HAVING or "
                    + "ORDER BY of a query)");
        }
        throw Errors.unsupportedSql("The expression " + e);
    }

    /**
     * A column of this row, else of an enclosing query's current row (innermost first). After GROUP BY
     * only grouped columns are in the row; any other column of the query is an error, not an outer reference.
     */
    private Compiled column(Expr.ColumnRef c) throws SQLException {
        int i = scope.type.find(c.qualifier(), c.name());
        if (i >= 0) {
            ResultColumn col = scope.type.fields().get(i).column();
            return new Compiled(col.type(), col.nullable() != java.sql.ResultSetMetaData.columnNoNulls, row -> row[i]);
        }
        if (ungrouped != null && ungrouped.find(c.qualifier(), c.name()) >= 0) {
            throw Errors.syntax("Column '" + c.name() + "' must appear in GROUP BY or inside an aggregate such as "
                    + "MIN(" + c.name() + ")");
        }
        for (Scope outer = scope.parent; outer != null; outer = outer.parent) {
            int j = outer.type.find(c.qualifier(), c.name());
            if (j >= 0) {
                outer.referencedFrom(scope.level);
                Scope target = outer;
                ResultColumn col = outer.type.fields().get(j).column();
                return new Compiled(col.type(), col.nullable() != java.sql.ResultSetMetaData.columnNoNulls,
                        row -> target.current[j]);
            }
        }
        scope.type.resolve(c.qualifier(), c.name()); // throws 42S22 naming where it looked
        throw new IllegalStateException("unreachable");
    }

    List<Compiled> compileAll(List<Expr> exprs) throws SQLException {
        List<Compiled> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(compile(e));
        }
        return out;
    }

    private Compiled binary(Expr.Binary b) throws SQLException {
        Compiled l = compile(b.left());
        Compiled r = compile(b.right());
        BinaryOp op = b.op();
        if (op == BinaryOp.AND) {
            return new Compiled(SqlType.BOOLEAN, true, row -> {
                Boolean x = l.test(row);
                if (Boolean.FALSE.equals(x)) {
                    return false;
                }
                Boolean y = r.test(row);
                if (Boolean.FALSE.equals(y)) {
                    return false;
                }
                return x == null || y == null ? null : true;
            });
        }
        if (op == BinaryOp.OR) {
            return new Compiled(SqlType.BOOLEAN, true, row -> {
                Boolean x = l.test(row);
                if (Boolean.TRUE.equals(x)) {
                    return true;
                }
                Boolean y = r.test(row);
                if (Boolean.TRUE.equals(y)) {
                    return true;
                }
                return x == null || y == null ? null : false;
            });
        }
        if (op.isComparison()) {
            Values.Comparison compare = Values.comparison(l.type(), r.type());
            return new Compiled(SqlType.BOOLEAN, l.nullable() || r.nullable(), row -> {
                Object x = l.eval(row);
                Object y = r.eval(row);
                if (x == null || y == null) {
                    return null;
                }
                int c = compare.compare(x, y);
                return switch (op) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            });
        }
        if (op == BinaryOp.CONCAT) {
            return new Compiled(SqlType.VARCHAR, l.nullable() || r.nullable(), row -> {
                Object x = l.eval(row);
                Object y = r.eval(row);
                return x == null || y == null ? null
                        : Values.cast(x, SqlType.VARCHAR) + (String) Values.cast(y, SqlType.VARCHAR);
            });
        }
        SqlType type = Values.arithmeticType(l.type(), r.type());
        char symbol = op.symbol.charAt(0);
        return new Compiled(type, true, row -> {
            Object x = l.eval(row);
            Object y = r.eval(row);
            return x == null || y == null ? null : Values.arithmetic(symbol, x, y, type);
        });
    }

    /** CASE: the result type is the common type of all branches, fixed here; a simple CASE compares with = semantics. */
    private Compiled caseExpr(Expr.Case c) throws SQLException {
        Compiled operand = c.operand() == null ? null : compile(c.operand());
        List<Compiled> conditions = new ArrayList<>();
        List<Values.Comparison> comparisons = new ArrayList<>();
        List<Compiled> results = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            Compiled condition = compile(w.condition());
            conditions.add(condition);
            comparisons.add(operand == null ? null : Values.comparison(operand.type(), condition.type()));
            Compiled result = compile(w.result());
            results.add(result);
            types.add(result.type());
        }
        Compiled otherwise = c.elseResult() == null ? Compiled.constant(null) : compile(c.elseResult());
        types.add(otherwise.type());
        SqlType resultType = Values.commonType(types);
        return new Compiled(resultType, true, row -> {
            Object switchValue = operand == null ? null : operand.eval(row);
            for (int i = 0; i < conditions.size(); i++) {
                boolean hit;
                if (operand == null) {
                    hit = Boolean.TRUE.equals(conditions.get(i).test(row));
                } else {
                    Object when = conditions.get(i).eval(row);
                    hit = switchValue != null && when != null && comparisons.get(i).compare(switchValue, when) == 0;
                }
                if (hit) {
                    return Values.cast(results.get(i).eval(row), resultType);
                }
            }
            return Values.cast(otherwise.eval(row), resultType);
        });
    }
}
