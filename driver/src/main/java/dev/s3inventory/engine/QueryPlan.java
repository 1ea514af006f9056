package dev.s3inventory.engine;

import dev.s3inventory.sql.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A SELECT compiled once per statement (by {@link QueryPlanner}): reads its FROM, filters, groups,
 * projects, removes duplicates, sorts and applies OFFSET and the row limit. A correlated subquery's
 * plan runs once per outer row; any other plan's result is computed once and reused.
 */
final class QueryPlan {
    private final FromPlan from;
    private final Compiled where;
    private final Aggregates.Grouping grouping;
    private final List<SelectList.Column> columns;
    private final List<Compiled> values;
    private final Compiled having;
    private final boolean distinct;
    private final List<Query.OrderItem> orderBy;
    /** Per ORDER BY item: the output column it names, else -1 and the key is computed by {@link #keys}. */
    private final int[] orderColumns;
    private final List<Compiled> keys;
    private final long limit;
    private final long offset;
    private final Scope.Level level;
    /** A subquery's plan runs again and again: its tables are fetched whole once and then reused. */
    private final boolean runsRepeatedly;
    private final List<ResultColumn> resultColumns;
    private final ExecutionContext ctx;
    private Relation reusable;

    /** Where the rows come from: the FROM, the WHERE that filters them and the grouping (null without one). */
    record Input(FromPlan from, Compiled where, Aggregates.Grouping grouping) {
    }

    /**
     * What each row becomes: the select list ({@code values[i]} computes column i unless it copies a source
     * column), the HAVING that keeps it (or null) and DISTINCT.
     */
    record Select(List<SelectList.Column> columns, List<Compiled> values, Compiled having, boolean distinct) {
    }

    /** ORDER BY: per item, the output column it names, else -1 and its compiled key. */
    record Ordering(List<Query.OrderItem> items, int[] columns, List<Compiled> keys) {
    }

    /** OFFSET and LIMIT ({@code Long.MAX_VALUE} for none). */
    record Window(long offset, long limit) {
    }

    QueryPlan(Input input, Select select, Ordering ordering, Window window, Scope.Level level, boolean runsRepeatedly,
            ExecutionContext ctx) {
        this.ctx = ctx;
        this.from = input.from();
        this.where = input.where();
        this.grouping = input.grouping();
        this.columns = select.columns();
        this.values = select.values();
        this.having = select.having();
        this.distinct = select.distinct();
        this.orderBy = ordering.items();
        this.orderColumns = ordering.columns();
        this.keys = ordering.keys();
        this.limit = window.limit();
        this.offset = window.offset();
        this.level = level;
        this.runsRepeatedly = runsRepeatedly;
        List<ResultColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(columns.get(i).resultColumn(values.get(i)));
        }
        this.resultColumns = out;
    }

    List<ResultColumn> columns() {
        return resultColumns;
    }

    /** True when the result depends on an enclosing query's current row. */
    boolean correlated() {
        return level.correlated() || from.correlated();
    }

    /** The whole result, computed once when it does not depend on an outer row. */
    Relation reusable() throws SQLException {
        if (correlated()) {
            return execute(Long.MAX_VALUE);
        }
        if (reusable == null) {
            reusable = execute(Long.MAX_VALUE);
        }
        return reusable;
    }

    /** Runs the query; {@code outerLimit} caps the rows wanted (setMaxRows, an enclosing LIMIT). */
    Relation execute(long outerLimit) throws SQLException {
        long wanted = Math.min(limit, outerLimit);
        // Only a plain filter-and-project query can stop before it has seen every row.
        boolean streamable = grouping == null && orderBy.isEmpty() && !distinct;
        long enough = streamable && wanted != Long.MAX_VALUE ? saturatedAdd(offset, wanted) : Long.MAX_VALUE;
        // Stopping a fetch early leaves a partial scan that cannot be reused; a subquery wants the whole one.
        List<Object[]> rows = from.rows(runsRepeatedly ? Long.MAX_VALUE : enough, where != null);
        if (where != null) {
            List<Object[]> kept = new ArrayList<>();
            for (Object[] row : rows) {
                if (kept.size() >= enough) {
                    break;
                }
                ctx.tick();
                if (Boolean.TRUE.equals(where.test(row))) {
                    kept.add(row);
                }
            }
            rows = kept;
        }
        if (grouping != null) {
            rows = grouping.group(rows, ctx);
        }
        List<Output> out = project(rows, enough);
        if (!orderBy.isEmpty()) {
            sort(out);
        }
        List<Object[]> result = new ArrayList<>();
        long end = saturatedAdd(offset, wanted);
        for (long i = offset; i < out.size() && i < end; i++) {
            result.add(out.get((int) i).values());
        }
        return new Relation(resultColumns, result);
    }

    /** A projected row and its ORDER BY keys. */
    private record Output(Object[] values, Object[] keys) {
    }

    private List<Output> project(List<Object[]> rows, long enough) throws SQLException {
        List<Output> out = new ArrayList<>();
        Set<List<Object>> seen = distinct ? new HashSet<>() : null;
        for (Object[] row : rows) {
            if (out.size() >= enough) {
                break;
            }
            ctx.tick();
            if (having != null && !Boolean.TRUE.equals(having.test(row))) {
                continue;
            }
            Object[] projected = new Object[columns.size()];
            for (int i = 0; i < projected.length; i++) {
                int source = columns.get(i).source();
                projected[i] = source >= 0 ? row[source] : values.get(i).eval(row);
            }
            if (seen != null && !seen.add(distinctKey(projected))) {
                continue;
            }
            Object[] sortKeys = new Object[keys.size()];
            for (int k = 0; k < sortKeys.length; k++) {
                Compiled key = keys.get(k);
                sortKeys[k] = key == null ? null : key.eval(row);
            }
            out.add(new Output(projected, sortKeys));
        }
        return out;
    }

    private static List<Object> distinctKey(Object[] values) {
        Object[] key = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            key[i] = GroupKey.of(values[i]);
        }
        return Arrays.asList(key);
    }

    private void sort(List<Output> out) throws SQLException {
        int n = orderBy.size();
        SQLException[] failure = new SQLException[1];
        Comparator<Output> comparator = (a, b) -> {
            try {
                ctx.tick(); // sorting a million rows takes seconds: cancel and timeout must reach it
            } catch (SQLException ended) {
                failure[0] = ended;
                throw new SortAbandoned();
            }
            for (int k = 0; k < n; k++) {
                Object x = orderColumns[k] >= 0 ? a.values()[orderColumns[k]] : a.keys()[k];
                Object y = orderColumns[k] >= 0 ? b.values()[orderColumns[k]] : b.keys()[k];
                int c = compareForSort(x, y, orderBy.get(k), failure);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        try {
            out.sort(comparator); // stable: ties keep the order rows were read in
        } catch (SortAbandoned ended) {
            throw failure[0];
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Leaves List.sort when the statement was cancelled or timed out (a comparator cannot throw SQLException). */
    private static final class SortAbandoned extends RuntimeException {
        SortAbandoned() {
            super(null, null, false, false);
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

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
