package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.ExprChildren;
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

    /**
     * GROUP BY and the aggregates of one query, compiled once: the group keys and aggregate arguments
     * over the source rows, and the shape of the grouped rows (keys, then aggregate values) that the
     * select list, HAVING and ORDER BY are compiled against through {@link #precomputed}.
     */
    static final class Grouping {
        private final List<Compiled> keyCode;
        private final List<Expr.Aggregate> aggregates;
        private final List<Compiled> argCode;
        private final RowType type;
        private final Map<Expr, Integer> precomputed;

        private Grouping(List<Compiled> keyCode, List<Expr.Aggregate> aggregates, List<Compiled> argCode, RowType type,
                Map<Expr, Integer> precomputed) {
            this.keyCode = keyCode;
            this.aggregates = aggregates;
            this.argCode = argCode;
            this.type = type;
            this.precomputed = precomputed;
        }

        RowType type() {
            return type;
        }

        Map<Expr, Integer> precomputed() {
            return precomputed;
        }

        /** One row per group, in order of first appearance; aggregates over no rows without GROUP BY give one row. */
        List<Object[]> group(List<Object[]> rows, ExecutionContext ctx) throws SQLException {
            Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
            for (Object[] row : rows) {
                ctx.tick();
                Object[] key = new Object[keyCode.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = GroupKey.of(keyCode.get(i).eval(row));
                }
                Accumulator[] accs = groups.computeIfAbsent(Arrays.asList(key), k -> newAccumulators());
                for (int i = 0; i < accs.length; i++) {
                    accs[i].add(argCode.get(i) == null ? Boolean.TRUE : argCode.get(i).eval(row));
                }
            }
            if (groups.isEmpty() && keyCode.isEmpty()) {
                groups.put(List.of(), newAccumulators());
            }
            List<Object[]> out = new ArrayList<>(groups.size());
            for (Map.Entry<List<Object>, Accumulator[]> g : groups.entrySet()) {
                Object[] row = new Object[type.size()];
                for (int i = 0; i < keyCode.size(); i++) {
                    row[i] = GroupKey.value(g.getKey().get(i));
                }
                Accumulator[] accs = g.getValue();
                for (int i = 0; i < accs.length; i++) {
                    row[keyCode.size() + i] = accs[i].result();
                }
                out.add(row);
            }
            return out;
        }

        private Accumulator[] newAccumulators() {
            Accumulator[] accs = new Accumulator[aggregates.size()];
            for (int i = 0; i < accs.length; i++) {
                Expr.Aggregate a = aggregates.get(i);
                accs[i] = new Accumulator(a.name(), a.distinct(), resultType(a, argCode.get(i)));
            }
            return accs;
        }
    }

    /** Compiles the grouping of {@code q}; {@code onSource} compiles against the (filtered) source rows. */
    static Grouping compile(Query q, ExprCompiler onSource) throws SQLException {
        RowType source = onSource.scope().type;
        List<Expr> keys = new ArrayList<>();
        for (Expr g : q.groupBy()) {
            keys.add(groupKey(g, q, source));
        }
        List<Compiled> keyCode = onSource.compileAll(keys);
        List<Expr> found = new ArrayList<>();
        collect(q, found);
        List<Expr.Aggregate> aggregates = new ArrayList<>();
        List<Compiled> argCode = new ArrayList<>();
        for (Expr a : found) {
            Expr.Aggregate agg = (Expr.Aggregate) a;
            aggregates.add(agg);
            argCode.add(agg.arg() == null ? null : onSource.compile(agg.arg()));
        }
        List<RowType.Field> fields = new ArrayList<>();
        Map<Expr, Integer> precomputed = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            int local = k instanceof Expr.ColumnRef c ? source.find(c.qualifier(), c.name()) : -1;
            if (local >= 0) {
                fields.add(source.fields().get(local)); // still reachable as [qualifier.]name after grouping
            } else {
                fields.add(new RowType.Field(null, "\u0000key" + i,
                        ResultColumn.computed("group_key_" + i, keyCode.get(i).type(), keyCode.get(i).nullable())));
            }
            precomputed.put(k, i);
        }
        for (int i = 0; i < aggregates.size(); i++) {
            Expr.Aggregate a = aggregates.get(i);
            SqlType type = resultType(a, argCode.get(i));
            fields.add(new RowType.Field(null, "\u0000aggregate" + i, ResultColumn.computed(a.name(), type,
                    !a.name().equals("COUNT"))));
            precomputed.put(a, keys.size() + i);
        }
        return new Grouping(keyCode, aggregates, argCode, new RowType(fields), precomputed);
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
        for (Expr child : ExprChildren.of(e)) {
            walk(child, out);
        }
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
            if (v == null || (distinct != null && !distinct.add(GroupKey.of(v)))) {
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
