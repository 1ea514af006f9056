package dev.s3inventory.engine;

import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Query;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM clause of one query, compiled: the shape of its rows and how to produce them. Rows that
 * do not depend on an enclosing query's row are produced once per statement and then reused.
 */
interface FromPlan {
    RowType type();

    /**
     * The rows, in a stable order. {@code enough}: the query needs only this many rows of the ones that
     * pass its WHERE (Long.MAX_VALUE: all); {@code filtered}: the query has a WHERE left to apply, so rows
     * read here need not all count.
     */
    List<Object[]> rows(long enough, boolean filtered) throws SQLException;

    /** True when the rows depend on an enclosing query's current row. */
    boolean correlated();

    /** No FROM: one row without columns (SELECT 1). */
    static FromPlan noTable() {
        return new FromPlan() {
            public RowType type() {
                return new RowType(List.of());
            }

            public List<Object[]> rows(long enough, boolean filtered) {
                return List.<Object[]>of(new Object[0]);
            }

            public boolean correlated() {
                return false;
            }
        };
    }

    /**
     * A table, fetched for its pushed-down request through the statement's scans. The fetch stops at
     * {@code enough} rows only when S3 applies the whole WHERE ({@link ScanRequest#exact()}): then every
     * row fetched counts.
     */
    record Table(TableDef table, RowType type, ScanRequest request, StatementScans scans) implements FromPlan {
        @Override
        public List<Object[]> rows(long enough, boolean filtered) throws SQLException {
            return scans.rows(table, request, request.exact() ? enough : Long.MAX_VALUE);
        }

        @Override
        public boolean correlated() {
            return false;
        }
    }

    /** {@code (SELECT ...) alias}: the inner query's result, its columns qualified by the alias. */
    final class Derived implements FromPlan {
        private final QueryPlan inner;
        private final RowType type;

        /** @param columnAliases new names for the inner query's columns, or empty to keep theirs */
        Derived(QueryPlan inner, String alias, List<String> columnAliases) throws SQLException {
            this.inner = inner;
            List<ResultColumn> columns = inner.columns();
            if (!columnAliases.isEmpty() && columnAliases.size() != columns.size()) {
                throw dev.s3inventory.Errors.syntax("The alias " + alias + " names " + columnAliases.size()
                        + " columns but its query selects " + columns.size());
            }
            List<RowType.Field> fields = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ResultColumn c = columns.get(i);
                if (!columnAliases.isEmpty()) {
                    String name = columnAliases.get(i);
                    c = new ResultColumn(name, name, c.type(), c.nullable(), c.table());
                }
                fields.add(new RowType.Field(alias, c.label(), c));
            }
            this.type = new RowType(fields);
        }

        @Override
        public RowType type() {
            return type;
        }

        @Override
        public List<Object[]> rows(long enough, boolean filtered) throws SQLException {
            // A filter above us decides which rows count, which the inner query cannot know: then it returns all.
            long wanted = filtered ? Long.MAX_VALUE : enough;
            return wanted == Long.MAX_VALUE && !inner.correlated() ? inner.reusable().rows() : inner.execute(wanted).rows();
        }

        @Override
        public boolean correlated() {
            return inner.correlated();
        }
    }

    /** Nested-loop join: inventory data is small. LEFT JOIN pads unmatched left rows with NULLs. */
    final class Join implements FromPlan {
        private final FromPlan left;
        private final FromPlan right;
        private final Query.JoinType kind;
        private final RowType type;
        private final ExecutionContext ctx;
        private Compiled on;
        private Scope.Level onLevel;
        private List<Object[]> reusable;

        Join(FromPlan left, FromPlan right, Query.JoinType kind, ExecutionContext ctx) {
            this.ctx = ctx;
            this.left = left;
            this.right = right;
            this.kind = kind;
            RowType rightType = kind == Query.JoinType.LEFT ? nullable(right.type()) : right.type();
            this.type = left.type().concat(rightType);
        }

        /** Set once the ON condition is compiled against {@link #type()}; its level tells if it reads an outer row. */
        void on(Compiled condition, Scope.Level level) {
            this.on = condition;
            this.onLevel = level;
        }

        @Override
        public RowType type() {
            return type;
        }

        @Override
        public boolean correlated() {
            return left.correlated() || right.correlated() || onLevel.correlated();
        }

        @Override
        public List<Object[]> rows(long enough, boolean filtered) throws SQLException {
            if (reusable != null) {
                return reusable;
            }
            List<Object[]> rows = join();
            if (!correlated()) {
                reusable = rows;
            }
            return rows;
        }

        private List<Object[]> join() throws SQLException {
            List<Object[]> leftRows = left.rows(Long.MAX_VALUE, false);
            List<Object[]> rightRows = right.rows(Long.MAX_VALUE, false);
            int l = left.type().size();
            int r = right.type().size();
            List<Object[]> rows = new ArrayList<>();
            for (Object[] a : leftRows) {
                boolean matched = false;
                for (Object[] b : rightRows) {
                    ctx.tick(); // a join of large sides is CPU for seconds: cancel and timeout must reach it
                    Object[] row = new Object[l + r];
                    System.arraycopy(a, 0, row, 0, l);
                    System.arraycopy(b, 0, row, l, r);
                    if (Boolean.TRUE.equals(on.test(row))) {
                        add(rows, row);
                        matched = true;
                    }
                }
                if (!matched && kind == Query.JoinType.LEFT) {
                    Object[] row = new Object[l + r];
                    System.arraycopy(a, 0, row, 0, l);
                    add(rows, row);
                }
            }
            return rows;
        }

        /** Keeps a joined row, within maxJoinRows: a join's rows are held in memory, so they are bounded. */
        private void add(List<Object[]> rows, Object[] row) throws SQLException {
            if (rows.size() >= ctx.maxJoinRows()) {
                throw dev.s3inventory.Errors.tooManyJoinRows(ctx.maxJoinRows());
            }
            rows.add(row);
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
    }
}
