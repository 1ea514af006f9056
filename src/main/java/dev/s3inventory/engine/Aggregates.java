package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Query;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GROUP BY and the aggregates COUNT, COUNT(DISTINCT), MIN, MAX, SUM and AVG. */
final class Aggregates {
    private Aggregates() {
    }

    static boolean containsAny(Query q) {
        List<Expr> found = new ArrayList<>();
        collect(q, found);
        return !found.isEmpty();
    }

    /** Groups the rows and computes every aggregate the query mentions, one output row per group. */
    static Projection group(Query q, RowType source, List<Object[]> rows, List<Object> params,
            ExprCompiler.SubqueryRunner subqueries) throws SQLException {
        ExprCompiler onSource = new ExprCompiler(source, params, Map.of(), subqueries, false);
        List<Expr> keys = new ArrayList<>();
        for (Expr g : q.groupBy()) {
            keys.add(groupKey(g, q, source));
        }
        List<Compiled> keyCode = onSource.compileAll(keys);
        List<Expr> aggregates = new ArrayList<>();
        collect(q, aggregates);
        List<Compiled> argCode = new ArrayList<>();
        for (Expr a : aggregates) {
            Expr.Aggregate agg = (Expr.Aggregate) a;
            argCode.add(agg.arg() == null ? null : onSource.compile(agg.arg()));
        }

        Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Object[] key = new Object[keys.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = keyCode.get(i).eval(row);
            }
            Accumulator[] accs = groups.computeIfAbsent(Arrays.asList(key), k -> newAccumulators(aggregates, argCode));
            for (int i = 0; i < accs.length; i++) {
                accs[i].add(argCode.get(i) == null ? Boolean.TRUE : argCode.get(i).eval(row));
            }
        }
        if (groups.isEmpty() && keys.isEmpty()) {
            groups.put(List.of(), newAccumulators(aggregates, argCode)); // aggregates over no rows: one row
        }

        List<RowType.Field> fields = new ArrayList<>();
        Map<Expr, Integer> precomputed = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            ResultColumn column = k instanceof Expr.ColumnRef c ? source.fields().get(source.resolve(c.qualifier(),
                    c.name())).column() : ResultColumn.computed("group_key_" + i, keyCode.get(i).type(), true);
            RowType.Field field = k instanceof Expr.ColumnRef c
                    ? source.fields().get(source.resolve(c.qualifier(), c.name()))
                    : new RowType.Field(null, "\u0000key" + i, column);
            fields.add(new RowType.Field(field.qualifier(), field.name(), column));
            precomputed.put(k, i);
        }
        for (int i = 0; i < aggregates.size(); i++) {
            Expr.Aggregate a = (Expr.Aggregate) aggregates.get(i);
            SqlType type = resultType(a, argCode.get(i));
            fields.add(new RowType.Field(null, "\u0000aggregate" + i, ResultColumn.computed(a.name(), type,
                    !a.name().equals("COUNT"))));
            precomputed.put(a, keys.size() + i);
        }
        List<Object[]> out = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, Accumulator[]> g : groups.entrySet()) {
            Object[] row = new Object[fields.size()];
            for (int i = 0; i < keys.size(); i++) {
                row[i] = g.getKey().get(i);
            }
            Accumulator[] accs = g.getValue();
            for (int i = 0; i < accs.length; i++) {
                row[keys.size() + i] = accs[i].result();
            }
            out.add(row);
        }
        return new Projection(new RowType(fields), out, precomputed, true);
    }

    /** GROUP BY accepts ordinals and select-list aliases as well as expressions. */
    private static Expr groupKey(Expr g, Query q, RowType source) throws SQLException {
        if (g instanceof Expr.Literal l && l.value() instanceof Long n) {
            if (n < 1 || n > q.items().size() || !(q.items().get((int) (n - 1)) instanceof Query.ExprItem item)) {
                throw Errors.syntax("GROUP BY " + n + " does not name an expression of the select list");
            }
            return item.expr();
        }
        if (g instanceof Expr.ColumnRef c && c.qualifier() == null && source.find(null, c.name()) < 0) {
            for (Query.SelectItem s : q.items()) {
                if (s instanceof Query.ExprItem item && c.name().equalsIgnoreCase(item.alias())) {
                    return item.expr();
                }
            }
        }
        return g;
    }

    private static SqlType resultType(Expr.Aggregate a, Compiled arg) {
        SqlType argType = arg == null ? SqlType.BIGINT : arg.type();
        switch (a.name()) {
            case "COUNT":
                return SqlType.BIGINT;
            case "SUM":
                return argType == SqlType.DOUBLE ? SqlType.DOUBLE
                        : argType == SqlType.DECIMAL || argType == SqlType.VARCHAR ? SqlType.DECIMAL : SqlType.BIGINT;
            case "AVG":
                return argType == SqlType.DECIMAL || argType == SqlType.VARCHAR ? SqlType.DECIMAL : SqlType.DOUBLE;
            default:
                return argType == SqlType.NULL ? SqlType.VARCHAR : argType;
        }
    }

    private static Accumulator[] newAccumulators(List<Expr> aggregates, List<Compiled> args) {
        Accumulator[] accs = new Accumulator[aggregates.size()];
        for (int i = 0; i < accs.length; i++) {
            Expr.Aggregate a = (Expr.Aggregate) aggregates.get(i);
            accs[i] = new Accumulator(a.name(), a.distinct(), resultType(a, args.get(i)));
        }
        return accs;
    }

    /** Collects the distinct aggregate calls of the select list, HAVING and ORDER BY. */
    private static void collect(Query q, List<Expr> out) {
        for (Query.SelectItem item : q.items()) {
            if (item instanceof Query.ExprItem e) {
                walk(e.expr(), out);
            }
        }
        walk(q.having(), out);
        for (Query.OrderItem o : q.orderBy()) {
            walk(o.expr(), out);
        }
    }

    private static void walk(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Aggregate a) {
            if (!out.contains(a)) {
                out.add(a);
            }
            return;
        }
        for (Expr child : children(e)) {
            walk(child, out);
        }
    }

    /** Direct sub-expressions (subqueries excluded: their aggregates are their own). */
    static List<Expr> children(Expr e) {
        List<Expr> c = new ArrayList<>();
        if (e instanceof Expr.Binary b) {
            c.add(b.left());
            c.add(b.right());
        } else if (e instanceof Expr.Not n) {
            c.add(n.operand());
        } else if (e instanceof Expr.Negate n) {
            c.add(n.operand());
        } else if (e instanceof Expr.IsNull n) {
            c.add(n.operand());
        } else if (e instanceof Expr.InList in) {
            c.add(in.operand());
            c.addAll(in.items());
        } else if (e instanceof Expr.InSubquery in) {
            c.add(in.operand());
        } else if (e instanceof Expr.Like l) {
            c.add(l.operand());
            c.add(l.pattern());
            if (l.escape() != null) {
                c.add(l.escape());
            }
        } else if (e instanceof Expr.Between b) {
            c.add(b.operand());
            c.add(b.low());
            c.add(b.high());
        } else if (e instanceof Expr.Case k) {
            if (k.operand() != null) {
                c.add(k.operand());
            }
            for (Expr.When w : k.whens()) {
                c.add(w.condition());
                c.add(w.result());
            }
            if (k.elseResult() != null) {
                c.add(k.elseResult());
            }
        } else if (e instanceof Expr.Cast k) {
            c.add(k.operand());
        } else if (e instanceof Expr.Function f) {
            c.addAll(f.args());
        }
        return c;
    }

    /** Running state of one aggregate for one group. */
    private static final class Accumulator {
        private final String name;
        private final SqlType type;
        private final Set<Object> distinct;
        private long count;
        private Object best;
        private BigDecimal sum = BigDecimal.ZERO;
        private double doubleSum;

        Accumulator(String name, boolean distinct, SqlType type) {
            this.name = name;
            this.type = type;
            this.distinct = distinct ? new HashSet<>() : null;
        }

        void add(Object v) throws SQLException {
            if (v == null || (distinct != null && !distinct.add(v))) {
                return;
            }
            count++;
            switch (name) {
                case "MIN":
                    best = best == null || Values.compare(v, best) < 0 ? v : best;
                    break;
                case "MAX":
                    best = best == null || Values.compare(v, best) > 0 ? v : best;
                    break;
                case "SUM":
                case "AVG":
                    Number n = Values.toNumber(v);
                    sum = sum.add(Values.decimal(n));
                    doubleSum += n.doubleValue();
                    break;
                default:
                    break;
            }
        }

        Object result() throws SQLException {
            switch (name) {
                case "COUNT":
                    return count;
                case "MIN":
                case "MAX":
                    return best;
                case "SUM":
                    if (count == 0) {
                        return null;
                    }
                    return type == SqlType.DOUBLE ? (Object) doubleSum : Values.cast(sum, type);
                default: // AVG
                    if (count == 0) {
                        return null;
                    }
                    return type == SqlType.DOUBLE ? (Object) (doubleSum / count)
                            : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
            }
        }
    }
}
