package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.sql.Query.FromItem;
import dev.s3inventory.sql.Query.OrderItem;
import dev.s3inventory.sql.Query.SelectItem;
import dev.s3inventory.sql.Query.TableRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Translates a JSqlParser SELECT into a {@link Query}, rejecting what the dialect does not cover. */
final class SelectTranslator {
    private final ExprTranslator expressions = new ExprTranslator(this);

    ExprTranslator expressions() {
        return expressions;
    }

    Query query(Select select) throws SQLException {
        if (select instanceof ParenthesedSelect ps) {
            return query(ps.getSelect());
        }
        if (!(select instanceof PlainSelect p)) {
            throw Errors.unsupportedSql(select.getClass().getSimpleName().replace("SetOperationList", "UNION/INTERSECT/EXCEPT")
                    + " queries");
        }
        if (p.getWithItemsList() != null && !p.getWithItemsList().isEmpty()) {
            throw Errors.unsupportedSql("WITH (common table expressions)");
        }
        if (p.getDistinct() != null && p.getDistinct().getOnSelectItems() != null) {
            throw Errors.unsupportedSql("DISTINCT ON");
        }
        if (p.getTop() != null) {
            throw Errors.unsupportedSql("TOP (use LIMIT)");
        }
        if (p.getIntoTables() != null) {
            throw Errors.unsupportedSql("SELECT INTO");
        }
        List<SelectItem> items = new ArrayList<>();
        for (net.sf.jsqlparser.statement.select.SelectItem<?> item : p.getSelectItems()) {
            items.add(selectItem(item));
        }
        FromItem from = p.getFromItem() == null ? null : fromItem(p.getFromItem());
        if (p.getJoins() != null) {
            for (Join join : p.getJoins()) {
                from = join(from, join);
            }
        }
        List<Expr> groupBy = p.getGroupBy() == null ? List.of()
                : expressions.translateAll(p.getGroupBy().getGroupByExpressionList());
        List<OrderItem> orderBy = new ArrayList<>();
        if (p.getOrderByElements() != null) {
            for (OrderByElement o : p.getOrderByElements()) {
                Boolean nullsFirst = switch (o.getNullOrdering() == null ? "" : o.getNullOrdering().name()) {
                    case "NULLS_FIRST" -> Boolean.TRUE;
                    case "NULLS_LAST" -> Boolean.FALSE;
                    default -> null;
                };
                orderBy.add(new OrderItem(expressions.translate(o.getExpression()), !o.isAsc(), nullsFirst));
            }
        }
        Expr limit = null;
        Expr offset = null;
        if (p.getLimit() != null) {
            if (p.getLimit().isLimitAll() || p.getLimit().isLimitNull()) {
                limit = null;
            } else {
                limit = expressions.translate(p.getLimit().getRowCount());
            }
            offset = expressions.translate(p.getLimit().getOffset());
        }
        if (p.getOffset() != null) {
            offset = expressions.translate(p.getOffset().getOffset());
        }
        if (p.getFetch() != null) {
            Expression rows = p.getFetch().getExpression();
            limit = rows == null ? new Expr.Literal(1L) : expressions.translate(rows);
        }
        return new Query(p.getDistinct() != null, items, from, expressions.translate(p.getWhere()), groupBy,
                expressions.translate(p.getHaving()), orderBy, limit, offset);
    }

    private SelectItem selectItem(net.sf.jsqlparser.statement.select.SelectItem<?> item) throws SQLException {
        Expression e = item.getExpression();
        if (e instanceof AllTableColumns t) {
            return new Query.AllColumns(Identifiers.unquote(t.getTable().getName()));
        }
        if (e instanceof AllColumns) {
            return new Query.AllColumns(null);
        }
        String alias = item.getAlias() == null ? null : Identifiers.unquote(item.getAlias().getName());
        return new Query.ExprItem(expressions.translate(e), alias, e.toString());
    }

    FromItem fromItem(net.sf.jsqlparser.statement.select.FromItem item) throws SQLException {
        String alias = item.getAlias() == null ? null : Identifiers.unquote(item.getAlias().getName());
        if (item instanceof Table t) {
            return tableRef(t, alias);
        }
        if (item instanceof ParenthesedSelect ps) {
            if (alias == null) {
                alias = "subquery";
            }
            return new Query.DerivedTable(query(ps.getSelect()), alias);
        }
        throw Errors.unsupportedSql("FROM " + item);
    }

    static TableRef tableRef(Table t, String alias) {
        return new TableRef(Identifiers.unquote(t.getCatalogName()), Identifiers.unquote(t.getSchemaName()),
                Identifiers.unquote(t.getName()), alias);
    }

    private FromItem join(FromItem left, Join join) throws SQLException {
        if (join.isRight() || join.isFull() || join.isCross() || join.isNatural() || join.isApply()
                || join.isSemi() || join.isStraight()) {
            throw Errors.unsupportedSql("This kind of JOIN (supported: [INNER] JOIN and LEFT [OUTER] JOIN ... ON)");
        }
        if (join.isSimple()) {
            throw Errors.unsupportedSql("Comma-separated FROM lists (use JOIN ... ON)");
        }
        if (join.getOnExpressions() == null || join.getOnExpressions().size() != 1) {
            throw Errors.unsupportedSql("A JOIN without one ON condition");
        }
        Query.JoinType type = join.isLeft() ? Query.JoinType.LEFT : Query.JoinType.INNER;
        return new Query.Join(left, fromItem(join.getRightItem()), type,
                expressions.translate(join.getOnExpressions().iterator().next()));
    }
}
