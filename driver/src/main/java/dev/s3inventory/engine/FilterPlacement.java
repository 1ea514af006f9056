package dev.s3inventory.engine;

import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.ExprChildren;
import dev.s3inventory.sql.Query;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves WHERE and ON conjuncts towards the tables they filter, so that S3 pushdown sees them:
 * into a derived table's own WHERE (DBeaver's {@code SELECT * FROM (<query>) z_q WHERE bucket = 'x'}),
 * and onto the single table of a join they are about. Only moves that cannot change the result are made.
 */
final class FilterPlacement {
    private FilterPlacement() {
    }

    /** An output column of a query: its label and the expression computing it inside that query. */
    private record Output(String qualifier, String label, Expr expr) {
    }

    /**
     * {@code q} with the WHERE conjuncts that only read its lone derived table moved into that table's
     * query. Exact, not just narrowing: a moved conjunct filters the same values, so it leaves the outer
     * WHERE, and a row limit can then reach the inner query.
     */
    static Query intoDerivedTable(Query q) {
        if (!(q.from() instanceof Query.DerivedTable d) || q.where() == null) {
            return q;
        }
        List<Expr> kept = new ArrayList<>();
        List<Expr> moved = new ArrayList<>();
        for (Expr conjunct : Pushdown.conjuncts(q.where())) {
            Expr inner = rewriteInto(conjunct, d);
            if (inner != null) {
                moved.add(inner);
            } else {
                kept.add(conjunct);
            }
        }
        if (moved.isEmpty()) {
            return q;
        }
        return new Query(q.distinct(), q.items(), withFilter(d, moved), and(kept), q.groupBy(), q.having(), q.orderBy(),
                q.limit(), q.offset());
    }

    /** {@code d} with {@code conjuncts} (already written over its query's columns) added to its WHERE. */
    static Query.DerivedTable withFilter(Query.DerivedTable d, List<Expr> conjuncts) {
        Query iq = d.query();
        List<Expr> all = new ArrayList<>();
        if (iq.where() != null) {
            all.add(iq.where());
        }
        all.addAll(conjuncts);
        return new Query.DerivedTable(new Query(iq.distinct(), iq.items(), iq.from(), and(all), iq.groupBy(), iq.having(),
                iq.orderBy(), iq.limit(), iq.offset()), d.alias(), d.columnAliases());
    }

    /**
     * {@code conjunct}, written over the outer query's view of {@code d}, rewritten over the columns of
     * d's query; null when that would change the result: d limits, groups or aggregates (a filter does
     * not commute with those), or the conjunct reads anything but d's plain output columns.
     */
    static Expr rewriteInto(Expr conjunct, Query.DerivedTable d) {
        Query iq = d.query();
        if (iq.limit() != null || iq.offset() != null || !iq.groupBy().isEmpty() || iq.having() != null
                || Aggregates.containsAny(iq)) {
            return null;
        }
        List<Output> outputs = outputs(d);
        if (outputs == null) {
            return null;
        }
        return ExprChildren.replaceColumns(conjunct, ref -> {
            Output match = null;
            for (Output o : outputs) {
                if (o.label().equalsIgnoreCase(ref.name())
                        && (ref.qualifier() == null || ref.qualifier().equalsIgnoreCase(d.alias()))) {
                    if (match != null) {
                        return null; // ambiguous: let the evaluator report it
                    }
                    match = o;
                }
            }
            return match == null || !ExprChildren.subqueries(match.expr()).isEmpty() ? null : match.expr();
        });
    }

    /**
     * For a join: the conjuncts that may narrow each leaf (a table or derived table, by identity).
     * WHERE conjuncts about one leaf go to it unless it is the NULL-padded side of a LEFT JOIN (there a
     * filter such as {@code c.id IS NULL} means "no match", not "fetch fewer"); an ON conjunct about
     * the joined item alone narrows that item. These only narrow: the conditions are evaluated again.
     */
    static Map<Query.FromItem, List<Expr>> joinLeaves(Query.Join join, Expr where) {
        List<Query.FromItem> leaves = new ArrayList<>();
        List<Query.FromItem> padded = new ArrayList<>();
        List<Query.Join> joins = new ArrayList<>();
        flatten(join, leaves, padded, joins);
        Map<Query.FromItem, List<Output>> columns = new IdentityHashMap<>();
        for (Query.FromItem leaf : leaves) {
            columns.put(leaf, exposed(leaf));
        }
        Map<Query.FromItem, List<Expr>> out = new IdentityHashMap<>();
        for (Expr conjunct : Pushdown.conjuncts(where)) {
            Query.FromItem leaf = soleLeaf(conjunct, leaves, columns);
            if (leaf != null && padded.stream().noneMatch(p -> p == leaf)) {
                out.computeIfAbsent(leaf, k -> new ArrayList<>()).add(conjunct);
            }
        }
        for (Query.Join j : joins) {
            for (Expr conjunct : Pushdown.conjuncts(j.condition())) {
                if (soleLeaf(conjunct, leaves, columns) == j.right()) {
                    out.computeIfAbsent(j.right(), k -> new ArrayList<>()).add(conjunct);
                }
            }
        }
        return out;
    }

    private static void flatten(Query.FromItem item, List<Query.FromItem> leaves, List<Query.FromItem> padded,
            List<Query.Join> joins) {
        if (item instanceof Query.Join j) {
            flatten(j.left(), leaves, padded, joins);
            flatten(j.right(), leaves, padded, joins);
            joins.add(j);
            if (j.type() == Query.JoinType.LEFT) {
                padded.add(j.right());
            }
        } else {
            leaves.add(item);
        }
    }

    /** The one leaf every column of {@code conjunct} belongs to; null if none, several, unknown or a subquery. */
    private static Query.FromItem soleLeaf(Expr conjunct, List<Query.FromItem> leaves,
            Map<Query.FromItem, List<Output>> columns) {
        if (conjunct == null || !ExprChildren.subqueries(conjunct).isEmpty()) {
            return null;
        }
        List<Expr.ColumnRef> refs = new ArrayList<>();
        collectRefs(conjunct, refs);
        Query.FromItem found = null;
        for (Expr.ColumnRef ref : refs) {
            Query.FromItem owner = null;
            for (Query.FromItem leaf : leaves) {
                List<Output> cols = columns.get(leaf);
                boolean has = cols != null && cols.stream().anyMatch(o -> o.label().equalsIgnoreCase(ref.name())
                        && (ref.qualifier() == null || ref.qualifier().equalsIgnoreCase(o.qualifier())));
                if (has) {
                    if (owner != null) {
                        return null;
                    }
                    owner = leaf;
                }
            }
            if (owner == null || found != null && found != owner) {
                return null;
            }
            found = owner;
        }
        return found;
    }

    private static void collectRefs(Expr e, List<Expr.ColumnRef> out) {
        if (e instanceof Expr.ColumnRef ref) {
            out.add(ref);
        }
        for (Expr child : ExprChildren.of(e)) {
            collectRefs(child, out);
        }
    }

    /** The output columns of {@code q} as seen through {@code alias}; null when they cannot be known here. */
    private static List<Output> outputs(Query q, String alias) {
        List<Output> out = new ArrayList<>();
        for (Query.SelectItem item : q.items()) {
            if (item instanceof Query.AllColumns all) {
                List<Output> from = q.from() == null ? null : exposed(q.from());
                if (from == null) {
                    return null;
                }
                for (Output o : from) {
                    if (all.qualifier() == null || all.qualifier().equalsIgnoreCase(o.qualifier())) {
                        out.add(new Output(alias, o.label(), new Expr.ColumnRef(o.qualifier(), o.label())));
                    }
                }
            } else {
                Query.ExprItem e = (Query.ExprItem) item;
                String label = e.alias() != null ? e.alias()
                        : e.expr() instanceof Expr.ColumnRef c ? c.name() : e.text();
                out.add(new Output(alias, label, e.expr()));
            }
        }
        return out;
    }

    /** The output columns of a derived table, renamed by its column aliases if it has them. */
    private static List<Output> outputs(Query.DerivedTable d) {
        List<Output> outputs = outputs(d.query(), d.alias());
        if (outputs == null || d.columnAliases().isEmpty()) {
            return outputs;
        }
        if (outputs.size() != d.columnAliases().size()) {
            return null; // the planner reports the mismatch
        }
        List<Output> renamed = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            renamed.add(new Output(d.alias(), d.columnAliases().get(i), outputs.get(i).expr()));
        }
        return renamed;
    }

    /** The columns a FROM item exposes, each with the qualifier it is known by; null when unknown. */
    private static List<Output> exposed(Query.FromItem item) {
        if (item instanceof Query.TableRef t) {
            Optional<TableDef> table = Catalog.table(t.catalog(), t.schema(), t.name());
            if (table.isEmpty()) {
                return null;
            }
            List<Output> out = new ArrayList<>();
            for (Column c : table.get().columns()) {
                out.add(new Output(t.exposedName(), c.name(), new Expr.ColumnRef(t.exposedName(), c.name())));
            }
            return out;
        }
        if (item instanceof Query.DerivedTable d) {
            return outputs(d);
        }
        Query.Join j = (Query.Join) item;
        List<Output> left = exposed(j.left());
        List<Output> right = exposed(j.right());
        if (left == null || right == null) {
            return null;
        }
        List<Output> both = new ArrayList<>(left);
        both.addAll(right);
        return both;
    }

    static Expr and(List<Expr> conjuncts) {
        Expr result = null;
        for (Expr c : conjuncts) {
            result = result == null ? c : new Expr.Binary(Expr.BinaryOp.AND, result, c);
        }
        return result;
    }
}
