package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.sql.Query.FromItem;
import dev.s3inventory.sql.Query.OrderItem;
import dev.s3inventory.sql.Query.SelectItem;
import dev.s3inventory.sql.Query.TableRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.GroupByElement;
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

    /** A whole query, checked against the dialect's placement rules (QueryRules). */
    Query query(Select select) throws SQLException {
        Query q = translate(select);
        QueryRules.check(q);
        return q;
    }

    private Query translate(Select select) throws SQLException {
        rejectVendorClauses(select);
        if (select instanceof ParenthesedSelect ps) {
            Query inner = translate(ps.getSelect());
            if (!hasTail(ps)) {
                return inner;
            }
            // (SELECT ...) ORDER BY ... LIMIT ...: the same as ordering and limiting a derived table.
            return tail(ps, new Query(false, List.of(new Query.AllColumns(null)), new Query.DerivedTable(inner, "subquery"),
                    null, List.of(), null, List.of(), null, null));
        }
        if (!(select instanceof PlainSelect p)) {
            throw Errors.unsupportedSql(select.getClass().getSimpleName().replace("SetOperationList", "UNION/INTERSECT/EXCEPT")
                    .replace("Values", "VALUES") + " queries");
        }
        rejectPlainSelectExtras(p);
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
        List<Expr> groupBy = p.getGroupBy() == null ? List.of() : groupBy(p.getGroupBy());
        Query q = new Query(p.getDistinct() != null, items, from, expressions.translate(p.getWhere()), groupBy,
                expressions.translate(p.getHaving()), List.of(), null, null);
        return tail(p, q);
    }

    private static boolean hasTail(Select s) {
        return s.getOrderByElements() != null || s.getLimit() != null || s.getOffset() != null || s.getFetch() != null;
    }

    /** Adds ORDER BY, LIMIT, OFFSET and FETCH of {@code s} to {@code q}. */
    private Query tail(Select s, Query q) throws SQLException {
        List<OrderItem> orderBy = new ArrayList<>();
        if (s.getOrderByElements() != null) {
            for (OrderByElement o : s.getOrderByElements()) {
                if (o.isMysqlWithRollup()) {
                    throw Errors.unsupportedSql("WITH ROLLUP");
                }
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
        if (s.getLimit() != null) {
            if (s.getLimit().getByExpressions() != null) {
                throw Errors.unsupportedSql("LIMIT ... BY");
            }
            if (!s.getLimit().isLimitAll() && !s.getLimit().isLimitNull()) {
                limit = expressions.translate(s.getLimit().getRowCount());
            }
            offset = expressions.translate(s.getLimit().getOffset());
        }
        if (s.getOffset() != null) {
            offset = expressions.translate(s.getOffset().getOffset());
        }
        if (s.getFetch() != null) {
            limit = fetch(s.getFetch());
        }
        return new Query(q.distinct(), q.items(), q.from(), q.where(), q.groupBy(), q.having(), orderBy, limit, offset);
    }

    private Expr fetch(Fetch fetch) throws SQLException {
        for (String word : fetch.getFetchParameters()) {
            if (word.equalsIgnoreCase("PERCENT") || word.toUpperCase(java.util.Locale.ROOT).contains("TIES")) {
                throw Errors.unsupportedSql("FETCH ... " + word.toUpperCase(java.util.Locale.ROOT));
            }
        }
        Expression rows = fetch.getExpression();
        return rows == null ? new Expr.Literal(1L) : expressions.translate(rows);
    }

    private List<Expr> groupBy(GroupByElement g) throws SQLException {
        if (g.getGroupingSets() != null && !g.getGroupingSets().isEmpty() || g.isMysqlWithRollup()) {
            throw Errors.unsupportedSql("GROUPING SETS, ROLLUP and CUBE");
        }
        @SuppressWarnings("unchecked")
        List<Expression> list = g.getGroupByExpressionList();
        return expressions.translateAll(list);
    }

    /** Clauses every kind of SELECT may carry that the dialect has no use for. */
    private static void rejectVendorClauses(Select s) throws SQLException {
        if (s.getWithItemsList() != null && !s.getWithItemsList().isEmpty()) {
            throw Errors.unsupportedSql("WITH (common table expressions)");
        }
        if (s.getForMode() != null || s.getForUpdateTable() != null) {
            throw Errors.unsupportedSql("SELECT ... FOR UPDATE/SHARE");
        }
        if (s.getForClause() != null || s.getIsolation() != null || s.getLimitBy() != null) {
            throw Errors.unsupportedSql("Vendor clauses (FOR XML/JSON, WITH isolation, LIMIT BY) in " + s);
        }
    }

    private static void rejectPlainSelectExtras(PlainSelect p) throws SQLException {
        if (p.getDistinct() != null && (p.getDistinct().getOnSelectItems() != null || p.getDistinct().isUseUnique())) {
            throw Errors.unsupportedSql("DISTINCT ON / UNIQUE");
        }
        if (p.getTop() != null || p.getFirst() != null || p.getSkip() != null) {
            throw Errors.unsupportedSql("TOP, FIRST and SKIP (use LIMIT and OFFSET)");
        }
        if (p.getIntoTables() != null || p.getIntoTempTable() != null) {
            throw Errors.unsupportedSql("SELECT INTO");
        }
        if (p.getWindowDefinitions() != null || p.getQualify() != null || p.getKsqlWindow() != null) {
            throw Errors.unsupportedSql("Window clauses (WINDOW, QUALIFY)");
        }
        if (p.getOracleHierarchical() != null || p.getPreferringClause() != null) {
            throw Errors.unsupportedSql("Hierarchical queries (CONNECT BY) and PREFERRING");
        }
        if (p.getLateralViews() != null || p.getSampleClause() != null || p.getOptimizeFor() != null
                || p.getOracleHint() != null || p.getMySqlHintStraightJoin() || p.getMySqlSqlCalcFoundRows()
                || p.getMySqlSqlCacheFlag() != null || p.getBigQuerySelectQualifier() != null || p.isEmitChanges()
                || p.isUsingFinal() || p.getForXmlPath() != null) {
            throw Errors.unsupportedSql("Vendor-specific SELECT options in " + p);
        }
    }

    private SelectItem selectItem(net.sf.jsqlparser.statement.select.SelectItem<?> item) throws SQLException {
        Expression e = item.getExpression();
        if (e instanceof AllTableColumns t) {
            return new Query.AllColumns(Identifiers.unquote(t.getTable().getName()));
        }
        if (e instanceof AllColumns all) {
            if (all.getExceptColumns() != null || all.getReplaceExpressions() != null) {
                throw Errors.unsupportedSql("SELECT * EXCEPT/REPLACE");
            }
            return new Query.AllColumns(null);
        }
        String alias = item.getAlias() == null ? null : simpleAlias(item.getAlias());
        return new Query.ExprItem(expressions.translate(e), alias, e.toString());
    }

    FromItem fromItem(net.sf.jsqlparser.statement.select.FromItem item) throws SQLException {
        if (item.getPivot() != null || item.getUnPivot() != null || item.getSampleClause() != null) {
            throw Errors.unsupportedSql("PIVOT, UNPIVOT and TABLESAMPLE");
        }
        if (item instanceof ParenthesedSelect ps) {
            // SQL requires an alias here, but tools sometimes omit it; the rows then carry no qualifier of their own.
            Alias a = ps.getAlias();
            List<String> columns = new ArrayList<>();
            if (a != null && a.getAliasColumns() != null) {
                for (Alias.AliasColumn c : a.getAliasColumns()) {
                    if (c.colDataType != null) {
                        throw Errors.unsupportedSql("Typed column aliases (" + a + ")");
                    }
                    columns.add(Identifiers.unquote(c.name));
                }
            }
            String name = a == null ? "subquery" : Identifiers.unquote(a.getName());
            return new Query.DerivedTable(query(ps), name, columns);
        }
        String alias = item.getAlias() == null ? null : simpleAlias(item.getAlias());
        if (item instanceof Table t) {
            if (t.getIndexHint() != null || t.getSqlServerHints() != null) {
                throw Errors.unsupportedSql("Table hints (" + t + ")");
            }
            if (t.getNameParts() != null && t.getNameParts().size() > 3) {
                throw Errors.syntax("Bad table name '" + t.getFullyQualifiedName() + "': use table, s3.table or aws.s3.table");
            }
            return tableRef(t, alias);
        }
        throw Errors.unsupportedSql("FROM " + item + " (use a table or (SELECT ...) alias)");
    }

    private static String simpleAlias(Alias alias) throws SQLException {
        if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
            throw Errors.unsupportedSql("Column lists in a table's alias (" + alias + ")");
        }
        return Identifiers.unquote(alias.getName());
    }

    static TableRef tableRef(Table t, String alias) {
        return new TableRef(Identifiers.unquote(t.getCatalogName()), Identifiers.unquote(t.getSchemaName()),
                Identifiers.unquote(t.getName()), alias);
    }

    private FromItem join(FromItem left, Join join) throws SQLException {
        if (join.isRight() || join.isFull() || join.isCross() || join.isNatural() || join.isApply()
                || join.isSemi() || join.isStraight() || join.isGlobal() || join.isWindowJoin()
                || join.isOuter() && !join.isLeft() || join.getJoinHint() != null) {
            throw Errors.unsupportedSql("This kind of JOIN (supported: [INNER] JOIN and LEFT [OUTER] JOIN ... ON)");
        }
        if (join.isSimple()) {
            throw Errors.unsupportedSql("Comma-separated FROM lists (use JOIN ... ON)");
        }
        if (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
            throw Errors.unsupportedSql("JOIN ... USING (write JOIN ... ON a.x = b.x)");
        }
        if (join.getOnExpressions() == null || join.getOnExpressions().size() != 1) {
            throw Errors.unsupportedSql("A JOIN without one ON condition");
        }
        Query.JoinType type = join.isLeft() ? Query.JoinType.LEFT : Query.JoinType.INNER;
        return new Query.Join(left, fromItem(join.getRightItem()), type,
                expressions.translate(join.getOnExpressions().iterator().next()));
    }
}
