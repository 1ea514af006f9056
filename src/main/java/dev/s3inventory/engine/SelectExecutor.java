package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Query;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a {@link Query}: reads its FROM (tables with pushdown, derived tables, joins), filters,
 * groups and aggregates, projects, removes duplicates, sorts and applies OFFSET/LIMIT/maxRows.
 */
final class SelectExecutor {
    private final TableScanner scanner;
    private final ExecutionContext ctx;

    SelectExecutor(TableScanner scanner, ExecutionContext ctx) {
        this.scanner = scanner;
        this.ctx = ctx;
    }

    /** Rows of a FROM item together with their shape. */
    private record Source(RowType type, List<Object[]> rows) {
    }

    /** A projected row and its ORDER BY keys. */
    private record Output(Object[] values, Object[] keys) {
    }

    Relation run(Query q, long outerLimit) throws SQLException {
        List<Object> params = ctx.parameters();
        long offset = count(q.offset(), "OFFSET");
        long limit = q.limit() == null ? Long.MAX_VALUE : count(q.limit(), "LIMIT");
        long wanted = Math.min(limit, outerLimit);
        boolean aggregate = !q.groupBy().isEmpty() || Aggregates.containsAny(q);
        // Rows S3 must return: only a plain, exactly pushed-down scan can stop early.
        boolean streamable = !aggregate && q.orderBy().isEmpty() && !q.distinct();
        long enough = streamable && wanted != Long.MAX_VALUE ? saturatedAdd(offset, wanted) : Long.MAX_VALUE;
        Source source = source(q.from(), q.where(), enough);

        ExprCompiler.SubqueryRunner subqueries = sub -> new SelectExecutor(scanner, ctx).run(sub, Long.MAX_VALUE);
        List<Object[]> rows = source.rows();
        if (q.where() != null) {
            Compiled where = new ExprCompiler(source.type(), params, Map.of(), subqueries, false).compile(q.where());
            List<Object[]> kept = new ArrayList<>();
            for (Object[] row : rows) {
                if (Boolean.TRUE.equals(where.test(row))) {
                    kept.add(row);
                }
            }
            rows = kept;
        }
        Projection projection = aggregate
                ? Aggregates.group(q, source.type(), rows, params, subqueries)
                : new Projection(source.type(), rows, Map.of(), false);

        List<Column> columns = selectColumns(q, projection.type(), projection.grouped());
        ExprCompiler compiler = new ExprCompiler(projection.type(), params, projection.precomputed(), subqueries,
                projection.grouped());
        List<Compiled> values = new ArrayList<>();
        for (Column c : columns) {
            values.add(c.source() >= 0 ? null : compiler.compile(c.expr()));
        }
        Compiled having = q.having() == null ? null : compiler.compile(q.having());
        List<Compiled> keys = orderKeys(q, columns, compiler);

        List<Output> out = new ArrayList<>();
        Set<List<Object>> seen = q.distinct() ? new LinkedHashSet<>() : null;
        for (Object[] row : projection.rows()) {
            if (having != null && !Boolean.TRUE.equals(having.test(row))) {
                continue;
            }
            Object[] projected = new Object[columns.size()];
            for (int i = 0; i < projected.length; i++) {
                projected[i] = values.get(i) == null ? row[columns.get(i).source()] : values.get(i).eval(row);
            }
            if (seen != null && !seen.add(java.util.Arrays.asList(projected))) {
                continue;
            }
            Object[] sortKeys = new Object[keys.size()];
            for (int k = 0; k < sortKeys.length; k++) {
                Compiled key = keys.get(k);
                sortKeys[k] = key == null ? null : key.eval(row);
            }
            out.add(new Output(projected, sortKeys));
        }
        if (!q.orderBy().isEmpty()) {
            sort(out, q, columns);
        }
        List<Object[]> result = new ArrayList<>();
        long end = saturatedAdd(offset, wanted);
        for (long i = offset; i < out.size() && i < end; i++) {
            result.add(out.get((int) i).values());
        }
        List<ResultColumn> resultColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            ResultColumn rc = c.resultColumn(values.get(i));
            resultColumns.add(rc);
        }
        return new Relation(resultColumns, result);
    }

    /** One output column: either a direct copy of a row slot (source >= 0) or a computed expression. */
    private record Column(String label, Expr expr, int source, ResultColumn sourceColumn) {
        ResultColumn resultColumn(Compiled compiled) {
            if (source >= 0) {
                ResultColumn s = sourceColumn;
                return new ResultColumn(label, s.name(), s.type(), s.nullable(), s.table());
            }
            SqlType type = compiled.type() == SqlType.NULL ? SqlType.VARCHAR : compiled.type();
            return new ResultColumn(label, label, type, compiled.nullable() ? ResultSetMetaData.columnNullable
                    : ResultSetMetaData.columnNoNulls, null);
        }
    }

    private List<Column> selectColumns(Query q, RowType type, boolean grouped) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (Query.SelectItem item : q.items()) {
            if (item instanceof Query.AllColumns all) {
                if (grouped) {
                    throw Errors.syntax("SELECT * cannot be combined with GROUP BY or aggregates; list the columns");
                }
                boolean any = false;
                for (int i = 0; i < type.size(); i++) {
                    RowType.Field f = type.fields().get(i);
                    if (all.qualifier() == null || all.qualifier().equalsIgnoreCase(f.qualifier())) {
                        columns.add(new Column(f.column().label(), null, i, f.column()));
                        any = true;
                    }
                }
                if (!any && all.qualifier() != null) {
                    throw Errors.syntax("'" + all.qualifier() + ".*' names no table of the query");
                }
                if (type.size() == 0 && all.qualifier() == null) {
                    throw Errors.syntax("SELECT * needs a FROM clause");
                }
            } else {
                Query.ExprItem e = (Query.ExprItem) item;
                String label = e.alias() != null ? e.alias()
                        : e.expr() instanceof Expr.ColumnRef c ? c.name() : e.text();
                int direct = -1;
                ResultColumn sourceColumn = null;
                // After grouping, column references go through the compiler, which checks GROUP BY.
                if (e.expr() instanceof Expr.ColumnRef c && !grouped) {
                    direct = type.resolve(c.qualifier(), c.name());
                    sourceColumn = type.fields().get(direct).column();
                    if (e.alias() == null) {
                        label = sourceColumn.label();
                    }
                }
                columns.add(new Column(label, e.expr(), direct, sourceColumn));
            }
        }
        return columns;
    }

    private List<Compiled> orderKeys(Query q, List<Column> columns, ExprCompiler compiler) throws SQLException {
        List<Compiled> keys = new ArrayList<>();
        for (Query.OrderItem o : q.orderBy()) {
            keys.add(outputIndex(o.expr(), columns, q) >= 0 ? null : compiler.compile(o.expr()));
        }
        return keys;
    }

    /** An ORDER BY entry that names an output column: ordinal, alias, or the same expression. */
    private static int outputIndex(Expr e, List<Column> columns, Query q) throws SQLException {
        if (e instanceof Expr.Literal l && l.value() instanceof Long n) {
            if (n < 1 || n > columns.size()) {
                throw Errors.syntax("ORDER BY " + n + " is out of range: the query has " + columns.size() + " columns");
            }
            return (int) (n - 1);
        }
        if (e instanceof Expr.ColumnRef c && c.qualifier() == null) {
            for (int i = 0; i < q.items().size() && i < columns.size(); i++) {
                if (q.items().get(i) instanceof Query.ExprItem item && item.alias() != null
                        && item.alias().equalsIgnoreCase(c.name())) {
                    return i;
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (e.equals(columns.get(i).expr())) {
                return i;
            }
        }
        return -1;
    }

    private void sort(List<Output> out, Query q, List<Column> columns) throws SQLException {
        int n = q.orderBy().size();
        int[] outputIndexes = new int[n];
        for (int k = 0; k < n; k++) {
            outputIndexes[k] = outputIndex(q.orderBy().get(k).expr(), columns, q);
        }
        SQLException[] failure = new SQLException[1];
        Comparator<Output> comparator = (a, b) -> {
            for (int k = 0; k < n; k++) {
                Query.OrderItem o = q.orderBy().get(k);
                Object x = outputIndexes[k] >= 0 ? a.values()[outputIndexes[k]] : a.keys()[k];
                Object y = outputIndexes[k] >= 0 ? b.values()[outputIndexes[k]] : b.keys()[k];
                int c = compareForSort(x, y, o, failure);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        out.sort(comparator);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** NULLs sort as the lowest values (first ascending, last descending) unless NULLS FIRST/LAST says otherwise. */
    private static int compareForSort(Object x, Object y, Query.OrderItem o, SQLException[] failure) {
        if (x == null || y == null) {
            if (x == y) {
                return 0;
            }
            boolean nullsFirst = o.nullsFirst() != null ? o.nullsFirst() : !o.descending();
            return (x == null) == nullsFirst ? -1 : 1;
        }
        try {
            int c = Values.compare(x, y);
            return o.descending() ? -c : c;
        } catch (SQLException e) {
            failure[0] = e;
            return 0;
        }
    }

    private Source source(Query.FromItem from, Expr where, long enough) throws SQLException {
        if (from == null) {
            return new Source(new RowType(List.of()), List.<Object[]>of(new Object[0]));
        }
        if (from instanceof Query.TableRef t) {
            TableDef table = resolve(t);
            ScanRequest request = Pushdown.extract(table, t.exposedName(), where, ctx.parameters());
            long stopAt = request.exact() ? enough : Long.MAX_VALUE;
            return new Source(rowType(table, t.exposedName()), scanner.scan(table, request, ctx, stopAt));
        }
        if (from instanceof Query.DerivedTable d) {
            Relation inner = new SelectExecutor(scanner, ctx).run(d.query(), Long.MAX_VALUE);
            List<RowType.Field> fields = new ArrayList<>();
            for (ResultColumn c : inner.columns()) {
                fields.add(new RowType.Field(d.alias(), c.label(), c));
            }
            return new Source(new RowType(fields), inner.rows());
        }
        return join((Query.Join) from);
    }

    /** Nested-loop join; LEFT JOIN pads unmatched left rows with NULLs. Tables here are small. */
    private Source join(Query.Join join) throws SQLException {
        Source left = source(join.left(), null, Long.MAX_VALUE);
        Source right = source(join.right(), null, Long.MAX_VALUE);
        RowType type = left.type().concat(right.type());
        Compiled on = new ExprCompiler(type, ctx.parameters(), Map.of(), null, false).compile(join.condition());
        List<Object[]> rows = new ArrayList<>();
        int l = left.type().size();
        int r = right.type().size();
        for (Object[] a : left.rows()) {
            boolean matched = false;
            for (Object[] b : right.rows()) {
                Object[] row = new Object[l + r];
                System.arraycopy(a, 0, row, 0, l);
                System.arraycopy(b, 0, row, l, r);
                if (Boolean.TRUE.equals(on.test(row))) {
                    rows.add(row);
                    matched = true;
                }
            }
            if (!matched && join.type() == Query.JoinType.LEFT) {
                Object[] row = new Object[l + r];
                System.arraycopy(a, 0, row, 0, l);
                rows.add(row);
            }
        }
        if (join.type() == Query.JoinType.LEFT) {
            type = left.type().concat(nullable(right.type()));
        }
        return new Source(type, rows);
    }

    /** The right side of a LEFT JOIN can be all NULLs. */
    private static RowType nullable(RowType type) {
        List<RowType.Field> fields = new ArrayList<>();
        for (RowType.Field f : type.fields()) {
            ResultColumn c = f.column();
            fields.add(new RowType.Field(f.qualifier(), f.name(),
                    new ResultColumn(c.label(), c.name(), c.type(), ResultSetMetaData.columnNullable, c.table())));
        }
        return new RowType(fields);
    }

    static TableDef resolve(Query.TableRef t) throws SQLException {
        return Catalog.table(t.catalog(), t.schema(), t.name())
                .orElseThrow(() -> Errors.unknownTable(dotted(t)));
    }

    private static String dotted(Query.TableRef t) {
        return (t.catalog() == null ? "" : t.catalog() + ".") + (t.schema() == null ? "" : t.schema() + ".") + t.name();
    }

    static RowType rowType(TableDef table, String qualifier) {
        List<RowType.Field> fields = new ArrayList<>();
        for (dev.s3inventory.schema.Column c : table.columns()) {
            fields.add(new RowType.Field(qualifier, c.name(), ResultColumn.of(table, c, c.name())));
        }
        return new RowType(fields);
    }

    private long count(Expr e, String clause) throws SQLException {
        if (e == null) {
            return 0;
        }
        Object v = new ExprCompiler(new RowType(List.of()), ctx.parameters(), Map.of(), null, false).compile(e)
                .eval(new Object[0]);
        if (v == null) {
            return clause.equals("LIMIT") ? Long.MAX_VALUE : 0;
        }
        long n;
        try {
            n = ((Number) Values.cast(v, SqlType.BIGINT)).longValue();
        } catch (SQLException ex) {
            throw Errors.badValue(clause + " must be a whole number, not '" + v + "'");
        }
        if (n < 0) {
            throw Errors.badValue(clause + " must not be negative, not " + n);
        }
        return n;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
