package dev.s3inventory.sql;

import java.util.List;

/**
 * A SELECT in the driver's dialect. {@code from} is null for a SELECT without FROM.
 * {@code limit} and {@code offset} are expressions because {@code ?} may stand there.
 */
public record Query(
        boolean distinct,
        List<SelectItem> items,
        FromItem from,
        Expr where,
        List<Expr> groupBy,
        Expr having,
        List<OrderItem> orderBy,
        Expr limit,
        Expr offset) {

    public Query {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** One entry of the select list. */
    public sealed interface SelectItem {
    }

    /** {@code *} or {@code t.*}; qualifier is null for a bare {@code *}. */
    public record AllColumns(String qualifier) implements SelectItem {
    }

    /** An expression with an optional alias (null when none). */
    public record ExprItem(Expr expr, String alias, String text) implements SelectItem {
    }

    /** What a query reads from. */
    public sealed interface FromItem {
    }

    /** A table name with 1 to 3 parts; catalog and schema may be null; alias may be null. */
    public record TableRef(String catalog, String schema, String name, String alias) implements FromItem {
        /** The name rows of this table are qualified with: the alias, else the table name. */
        public String exposedName() {
            return alias != null ? alias : name;
        }
    }

    /**
     * {@code (SELECT ...) alias} or {@code (SELECT ...) alias (c1, c2, ...)}; {@code columnAliases} is
     * empty when the columns keep the names the query gives them.
     */
    public record DerivedTable(Query query, String alias, List<String> columnAliases) implements FromItem {
        public DerivedTable {
            columnAliases = List.copyOf(columnAliases);
        }

        public DerivedTable(Query query, String alias) {
            this(query, alias, List.of());
        }
    }

    public enum JoinType { INNER, LEFT }

    /** {@code left [INNER|LEFT] JOIN right ON condition}. */
    public record Join(FromItem left, FromItem right, JoinType type, Expr condition) implements FromItem {
    }

    /** An ORDER BY entry; {@code nullsFirst} is null when not given (then NULLs sort as the lowest values). */
    public record OrderItem(Expr expr, boolean descending, Boolean nullsFirst) {
    }
}
