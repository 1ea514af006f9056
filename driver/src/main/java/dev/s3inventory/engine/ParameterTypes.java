package dev.s3inventory.engine;

import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.ExprChildren;
import dev.s3inventory.sql.Query;
import dev.s3inventory.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The types of a statement's {@code ?} parameters, read from the columns they stand for:
 * {@code col = ?}, {@code col IN (?, ?)}, {@code col BETWEEN ? AND ?}, {@code SET col = ?}, an INSERT's
 * VALUES, and BIGINT for {@code LIMIT ?} / {@code OFFSET ?}. Anything else is unknown (null), and
 * ParameterMetaData falls back to the bound value's type, then VARCHAR (jdbc-client-checklist.md b.6:
 * Spring binds NULL with the type it reads here, report tools show it).
 */
final class ParameterTypes {
    private final SqlType[] types;

    private ParameterTypes(int count) {
        this.types = new SqlType[count];
    }

    /** One entry per parameter, in order; null where no column says. */
    static List<SqlType> of(SqlStatement statement, int parameterCount) {
        ParameterTypes found = new ParameterTypes(parameterCount);
        found.statement(statement);
        return Arrays.asList(found.types);
    }

    private void statement(SqlStatement s) {
        if (s instanceof SqlStatement.Select select) {
            query(select.query(), List.of());
        } else if (s instanceof SqlStatement.Insert insert) {
            List<TableDef> tables = table(insert.table());
            for (List<Expr> row : insert.rows()) {
                for (int i = 0; i < row.size() && i < insert.columns().size(); i++) {
                    assign(row.get(i), insert.columns().get(i), tables);
                    expr(row.get(i), tables);
                }
            }
        } else if (s instanceof SqlStatement.Update update) {
            List<TableDef> tables = table(update.table());
            for (SqlStatement.Assignment a : update.assignments()) {
                assign(a.value(), a.column(), tables);
                expr(a.value(), tables);
            }
            expr(update.where(), tables);
        } else if (s instanceof SqlStatement.Delete delete) {
            expr(delete.where(), table(delete.table()));
        }
    }

    /** {@code outer}: the tables of enclosing queries, which a correlated subquery may name. */
    private void query(Query q, List<TableDef> outer) {
        List<TableDef> tables = new ArrayList<>(outer);
        from(q.from(), tables);
        for (Query.SelectItem item : q.items()) {
            if (item instanceof Query.ExprItem e) {
                expr(e.expr(), tables);
            }
        }
        expr(q.where(), tables);
        q.groupBy().forEach(e -> expr(e, tables));
        expr(q.having(), tables);
        q.orderBy().forEach(o -> expr(o.expr(), tables));
        for (Expr bound : new Expr[] {q.limit(), q.offset()}) {
            if (bound instanceof Expr.Param p) {
                set(p, SqlType.BIGINT);
            }
        }
    }

    private void from(Query.FromItem item, List<TableDef> tables) {
        if (item instanceof Query.TableRef t) {
            tables.addAll(table(t));
        } else if (item instanceof Query.DerivedTable d) {
            query(d.query(), List.of()); // its own parameters; its columns are the outer query's business
        } else if (item instanceof Query.Join j) {
            from(j.left(), tables);
            from(j.right(), tables);
            expr(j.condition(), tables);
        }
    }

    private void expr(Expr e, List<TableDef> tables) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Binary b) {
            pair(b.left(), b.right(), tables);
            pair(b.right(), b.left(), tables);
        } else if (e instanceof Expr.InList in) {
            in.items().forEach(item -> pair(in.operand(), item, tables));
        } else if (e instanceof Expr.Between b) {
            pair(b.operand(), b.low(), tables);
            pair(b.operand(), b.high(), tables);
        } else if (e instanceof Expr.Like l) {
            pair(l.operand(), l.pattern(), tables);
        }
        for (Expr child : ExprChildren.of(e)) {
            expr(child, tables);
        }
        if (e instanceof Expr.InSubquery in) {
            query(in.subquery(), tables);
        } else if (e instanceof Expr.Exists ex) {
            query(ex.subquery(), tables);
        } else if (e instanceof Expr.ScalarSubquery sq) {
            query(sq.subquery(), tables);
        } else if (e instanceof Expr.Quantified qu) {
            query(qu.subquery(), tables);
        }
    }

    /** {@code value} takes the type of {@code column} when it is a parameter and that a known column. */
    private void pair(Expr column, Expr value, List<TableDef> tables) {
        if (column instanceof Expr.ColumnRef ref) {
            assign(value, ref.name(), tables);
        }
    }

    /** A parameter standing for the column of that name takes its type, when the tables in scope know it. */
    private void assign(Expr value, String column, List<TableDef> tables) {
        if (value instanceof Expr.Param p) {
            SqlType type = columnType(column, tables);
            if (type != null) {
                set(p, type);
            }
        }
    }

    private void set(Expr.Param p, SqlType type) {
        if (p.index() >= 0 && p.index() < types.length && types[p.index()] == null) {
            types[p.index()] = type;
        }
    }

    /** The type of the column of that name in the tables in scope, when they agree on one. */
    private static SqlType columnType(String name, List<TableDef> tables) {
        SqlType found = null;
        for (TableDef t : tables) {
            int i = t.indexOf(name);
            if (i >= 0) {
                Column c = t.column(i);
                if (found != null && found != c.type()) {
                    return null;
                }
                found = c.type();
            }
        }
        return found;
    }

    private static List<TableDef> table(Query.TableRef ref) {
        return Catalog.table(ref.catalog(), ref.schema(), ref.name()).map(List::of).orElse(List.of());
    }
}
