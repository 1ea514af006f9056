package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link Query} and all its subqueries into {@link QueryPlan}s, once per statement:
 * resolves tables and columns, decides what each table scan asks S3 for (moving filters towards
 * the tables first, see {@link FilterPlacement}), and fixes every expression's type.
 */
final class QueryPlanner implements ExprCompiler.SubqueryPlanner {
    private final StatementScans scans;
    private final List<Object> parameters;

    QueryPlanner(StatementScans scans) {
        this.scans = scans;
        this.parameters = scans.context().parameters();
    }

    /** The statement's own query. */
    QueryPlan plan(Query query) throws SQLException {
        return plan(query, null, null, false);
    }

    /** A subquery inside an expression: it may run once per row of {@code outer}. */
    @Override
    public QueryPlan plan(Query query, Scope outer) throws SQLException {
        return plan(query, outer, outer.level, true);
    }

    /**
     * @param parentLevel    the level the query is nested in (its enclosing query, or the query whose FROM it is)
     * @param runsRepeatedly true for subqueries and the queries in their FROM: they fetch their tables whole
     */
    private QueryPlan plan(Query query, Scope outer, Scope.Level parentLevel, boolean runsRepeatedly)
            throws SQLException {
        Query q = FilterPlacement.intoDerivedTable(query);
        Scope.Level level = new Scope.Level(parentLevel);
        FromPlan from = from(q.from(), q.where(), outer, level, runsRepeatedly);
        Scope sourceScope = new Scope(from.type(), outer, level);
        ExprCompiler onSource = new ExprCompiler(sourceScope, parameters, Map.of(), this, null);
        Compiled where = q.where() == null ? null : onSource.compile(q.where());

        boolean aggregate = !q.groupBy().isEmpty() || Aggregates.containsAny(q);
        Aggregates.Grouping grouping = aggregate ? Aggregates.compile(q, onSource) : null;
        ExprCompiler onOutput = grouping == null ? onSource
                : new ExprCompiler(new Scope(grouping.type(), outer, level), parameters, grouping.precomputed(), this,
                        from.type());
        RowType outputType = grouping == null ? from.type() : grouping.type();

        List<SelectList.Column> columns = SelectList.columns(q, outputType, grouping != null);
        List<Compiled> values = new ArrayList<>();
        for (SelectList.Column c : columns) {
            values.add(c.source() >= 0 ? Compiled.constant(null) : onOutput.compile(c.expr()));
        }
        Compiled having = q.having() == null ? null : onOutput.compile(q.having());
        int[] orderColumns = new int[q.orderBy().size()];
        List<Compiled> keys = new ArrayList<>();
        for (int k = 0; k < orderColumns.length; k++) {
            Expr e = q.orderBy().get(k).expr();
            orderColumns[k] = SelectList.outputIndex(e, columns);
            keys.add(orderColumns[k] >= 0 ? null : onOutput.compile(e));
        }
        return new QueryPlan(new QueryPlan.Input(from, where, grouping),
                new QueryPlan.Select(columns, values, having, q.distinct()),
                new QueryPlan.Ordering(q.orderBy(), orderColumns, keys),
                new QueryPlan.Window(rowCount(q.offset(), "OFFSET", 0), rowCount(q.limit(), "LIMIT", Long.MAX_VALUE)),
                level, runsRepeatedly, scans.context());
    }

    private FromPlan from(Query.FromItem item, Expr where, Scope outer, Scope.Level level, boolean repeated)
            throws SQLException {
        if (item == null) {
            return FromPlan.noTable();
        }
        if (item instanceof Query.TableRef t) {
            return table(t, where);
        }
        if (item instanceof Query.DerivedTable d) {
            return new FromPlan.Derived(plan(d.query(), outer, level, repeated), d.alias(), d.columnAliases());
        }
        Query.Join join = (Query.Join) item;
        return join(join, FilterPlacement.joinLeaves(join, where), outer, level, repeated);
    }

    private FromPlan.Table table(Query.TableRef t, Expr where) throws SQLException {
        TableDef table = SelectExecutor.resolve(t);
        ScanRequest request = Pushdown.extract(table, t.exposedName(), where, parameters);
        return new FromPlan.Table(table, SelectExecutor.rowType(table, t.exposedName()), request, scans);
    }

    /** Plans a join's leaves with the conjuncts that narrow them, then compiles ON over both sides. */
    private FromPlan join(Query.Join join, Map<Query.FromItem, List<Expr>> narrowing, Scope outer, Scope.Level level,
            boolean repeated) throws SQLException {
        FromPlan left = leaf(join.left(), narrowing, outer, level, repeated);
        FromPlan right = leaf(join.right(), narrowing, outer, level, repeated);
        FromPlan.Join plan = new FromPlan.Join(left, right, join.type(), scans.context());
        Scope.Level onLevel = new Scope.Level(level);
        ExprCompiler onCompiler = new ExprCompiler(new Scope(plan.type(), outer, onLevel), parameters, Map.of(), this,
                null);
        plan.on(onCompiler.compile(join.condition()), onLevel);
        return plan;
    }

    private FromPlan leaf(Query.FromItem item, Map<Query.FromItem, List<Expr>> narrowing, Scope outer,
            Scope.Level level, boolean repeated) throws SQLException {
        if (item instanceof Query.Join j) {
            return join(j, narrowing, outer, level, repeated);
        }
        List<Expr> conjuncts = narrowing.getOrDefault(item, List.of());
        if (item instanceof Query.TableRef t) {
            return table(t, FilterPlacement.and(conjuncts));
        }
        Query.DerivedTable d = (Query.DerivedTable) item;
        List<Expr> inner = new ArrayList<>();
        for (Expr c : conjuncts) {
            Expr rewritten = FilterPlacement.rewriteInto(c, d);
            if (rewritten != null) {
                inner.add(rewritten);
            }
        }
        Query.DerivedTable narrowed = inner.isEmpty() ? d : FilterPlacement.withFilter(d, inner);
        return new FromPlan.Derived(plan(narrowed.query(), outer, level, repeated), d.alias(), d.columnAliases());
    }

    /** LIMIT or OFFSET as a number: a literal, or a {@code ?} checked now that it is bound. */
    private long rowCount(Expr e, String clause, long absent) throws SQLException {
        if (e == null) {
            return absent;
        }
        Object v = new ExprCompiler(new RowType(List.of()), parameters, Map.of(), null, false).compile(e)
                .eval(new Object[0]);
        if (v == null) {
            return absent;
        }
        long n;
        try {
            n = ((Number) Values.cast(v, SqlType.BIGINT)).longValue();
        } catch (SQLException | ClassCastException ex) {
            throw Errors.badValue(clause + " must be a whole number, not '" + v + "'");
        }
        if (n < 0) {
            throw Errors.badValue(clause + " must not be negative, not " + n);
        }
        return n;
    }
}
