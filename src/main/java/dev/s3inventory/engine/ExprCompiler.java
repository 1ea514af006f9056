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
 * Compiles {@link Expr} trees into {@link Compiled} code for one row shape: columns become indexes,
 * parameters become constants, types are inferred once. NULL follows SQL's three-valued logic.
 */
final class ExprCompiler {
    private final RowType rowType;
    private final List<Object> parameters;
    /** Expressions already computed into row slots (GROUP BY keys and aggregates after grouping). */
    private final Map<Expr, Integer> precomputed;
    /** Runs subqueries (IN (SELECT ...), EXISTS); null where subqueries are not allowed. */
    private final SubqueryRunner subqueries;
    private final boolean grouped;

    /** Evaluates uncorrelated subqueries for IN and EXISTS. */
    interface SubqueryRunner {
        Relation run(dev.s3inventory.sql.Query query) throws SQLException;
    }

    ExprCompiler(RowType rowType, List<Object> parameters, Map<Expr, Integer> precomputed, SubqueryRunner subqueries,
            boolean grouped) {
        this.rowType = rowType;
        this.parameters = parameters;
        this.precomputed = precomputed;
        this.subqueries = subqueries;
        this.grouped = grouped;
    }

    Compiled compile(Expr e) throws SQLException {
        Integer slot = precomputed.get(e);
        if (slot != null) {
            ResultColumn c = rowType.fields().get(slot).column();
            int i = slot;
            return new Compiled(c.type(), true, row -> row[i]);
        }
        if (e instanceof Expr.ColumnRef c) {
            int i = grouped ? rowType.find(c.qualifier(), c.name()) : rowType.resolve(c.qualifier(), c.name());
            if (i < 0) {
                // After grouping only GROUP BY columns are in the row.
                throw Errors.syntax("Column '" + c.name() + "' must appear in GROUP BY or inside an aggregate such as "
                        + "MIN(" + c.name() + ")");
            }
            ResultColumn col = rowType.fields().get(i).column();
            return new Compiled(col.type(), col.nullable() != java.sql.ResultSetMetaData.columnNoNulls, row -> row[i]);
        }
        if (e instanceof Expr.Literal l) {
            return Compiled.constant(l.value());
        }
        if (e instanceof Expr.Param p) {
            if (p.index() >= parameters.size()) {
                throw new SQLException("Parameter " + (p.index() + 1) + " is not set; call setXxx(" + (p.index() + 1)
                        + ", value) before executing", "07001");
            }
            return Compiled.constant(parameters.get(p.index()));
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Not n) {
            Compiled operand = compile(n.operand());
            return new Compiled(SqlType.BOOLEAN, true, row -> {
                Boolean v = operand.test(row);
                return v == null ? null : !v;
            });
        }
        if (e instanceof Expr.Negate n) {
            Compiled operand = compile(n.operand());
            SqlType type = Values.arithmeticType(operand.type(), SqlType.INTEGER);
            return new Compiled(type, true, row -> {
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
            return inList(in);
        }
        if (e instanceof Expr.InSubquery in) {
            return inSubquery(in);
        }
        if (e instanceof Expr.Exists ex) {
            Relation result = runSubquery(ex.subquery());
            boolean value = !result.rows().isEmpty() != ex.negated();
            return new Compiled(SqlType.BOOLEAN, false, row -> value);
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
            SqlType type = c.type();
            return new Compiled(type, operand.nullable(), row -> Values.cast(operand.eval(row), type));
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
            return new Compiled(SqlType.BOOLEAN, true, row -> {
                Object x = l.eval(row);
                Object y = r.eval(row);
                if (x == null || y == null) {
                    return null;
                }
                int c = Values.compare(x, y);
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
            return new Compiled(SqlType.VARCHAR, true, row -> {
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

    private Compiled inList(Expr.InList in) throws SQLException {
        Compiled operand = compile(in.operand());
        List<Compiled> items = compileAll(in.items());
        boolean negated = in.negated();
        return new Compiled(SqlType.BOOLEAN, true, row -> {
            Object v = operand.eval(row);
            if (v == null) {
                return null;
            }
            boolean sawNull = false;
            for (Compiled item : items) {
                Object x = item.eval(row);
                if (x == null) {
                    sawNull = true;
                } else if (Values.equal(v, x)) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        });
    }

    private Compiled inSubquery(Expr.InSubquery in) throws SQLException {
        Relation result = runSubquery(in.subquery());
        if (result.columns().size() != 1) {
            throw Errors.syntax("The subquery of IN must select exactly one column, not " + result.columns().size());
        }
        List<Expr> items = new ArrayList<>(result.rows().size());
        for (Object[] r : result.rows()) {
            items.add(new Expr.Literal(r[0]));
        }
        return inList(new Expr.InList(in.operand(), items, in.negated()));
    }

    private Relation runSubquery(dev.s3inventory.sql.Query q) throws SQLException {
        if (subqueries == null) {
            throw Errors.unsupportedSql("A subquery in this position");
        }
        return subqueries.run(q);
    }

    private Compiled caseExpr(Expr.Case c) throws SQLException {
        Compiled operand = c.operand() == null ? null : compile(c.operand());
        List<Compiled> conditions = new ArrayList<>();
        List<Compiled> results = new ArrayList<>();
        SqlType type = SqlType.NULL;
        for (Expr.When w : c.whens()) {
            conditions.add(compile(w.condition()));
            Compiled result = compile(w.result());
            results.add(result);
            type = type == SqlType.NULL ? result.type() : type;
        }
        Compiled otherwise = c.elseResult() == null ? Compiled.constant(null) : compile(c.elseResult());
        SqlType resultType = type == SqlType.NULL ? otherwise.type() : type;
        return new Compiled(resultType, true, row -> {
            Object switchValue = operand == null ? null : operand.eval(row);
            for (int i = 0; i < conditions.size(); i++) {
                boolean hit;
                if (operand == null) {
                    hit = Boolean.TRUE.equals(conditions.get(i).test(row));
                } else {
                    Object when = conditions.get(i).eval(row);
                    hit = switchValue != null && when != null && Values.equal(switchValue, when);
                }
                if (hit) {
                    return Values.cast(results.get(i).eval(row), resultType);
                }
            }
            return Values.cast(otherwise.eval(row), resultType);
        });
    }
}
