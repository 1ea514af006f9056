package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.Query;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The output columns of a query: {@code *} expanded, labels chosen, plain column copies told apart from expressions. */
final class SelectList {
    private SelectList() {
    }

    /** One output column: a direct copy of a row slot (source >= 0) or a computed expression. */
    record Column(String label, String alias, Expr expr, int source, ResultColumn sourceColumn) {
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

    static List<Column> columns(Query q, RowType type, boolean grouped) throws SQLException {
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
                        columns.add(new Column(f.column().label(), null, null, i, f.column()));
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
                // After grouping, and for outer references, column references go through the compiler.
                if (e.expr() instanceof Expr.ColumnRef c && !grouped && type.find(c.qualifier(), c.name()) >= 0) {
                    direct = type.find(c.qualifier(), c.name());
                    sourceColumn = type.fields().get(direct).column();
                    if (e.alias() == null) {
                        label = sourceColumn.label();
                    }
                }
                columns.add(new Column(label, e.alias(), e.expr(), direct, sourceColumn));
            }
        }
        return columns;
    }

    /** An ORDER BY entry that names an output column: ordinal, alias, or the same expression; else -1. */
    static int outputIndex(Expr e, List<Column> columns) throws SQLException {
        if (e instanceof Expr.Literal l && l.value() instanceof Long n) {
            if (n < 1 || n > columns.size()) {
                throw Errors.syntax("ORDER BY " + n + " is out of range: the query has " + columns.size() + " columns");
            }
            return (int) (n - 1);
        }
        if (e instanceof Expr.ColumnRef c && c.qualifier() == null) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).alias() != null && columns.get(i).alias().equalsIgnoreCase(c.name())) {
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
}
