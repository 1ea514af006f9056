package dev.s3inventory.engine;

import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.ExprChildren;
import dev.s3inventory.sql.Expr.BinaryOp;
import dev.s3inventory.sql.Like;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the predicates of a WHERE clause that S3 can serve: {@code bucket = | IN | LIKE 'p%'},
 * {@code id =} and {@code region =} (on {@code buckets}: {@code name} and {@code region}), taken
 * from the top-level AND conjuncts only. Anything else stays for the evaluator.
 */
final class Pushdown {
    private Pushdown() {
    }

    static ScanRequest extract(TableDef table, String exposedName, Expr where, List<Object> parameters) {
        if (where == null) {
            return ScanRequest.EVERYTHING;
        }
        String bucketColumn = table == Catalog.BUCKETS ? "name" : "bucket";
        Set<String> buckets = null;
        String prefix = null;
        String id = null;
        String region = null;
        boolean exact = true;
        for (Expr conjunct : conjuncts(where)) {
            if (ExprChildren.isConstant(conjunct)) {
                // WHERE 1 = 0 (Tableau's metadata probe) or a FALSE parameter: no row can match, so
                // nothing is fetched. A constant TRUE narrows nothing and is exactly "pushed".
                Boolean value = constantTruth(conjunct, parameters);
                if (value == null || !value) {
                    return new ScanRequest(Set.of(), null, null, null, true);
                }
                continue;
            }
            boolean pushed = false;
            if (conjunct instanceof Expr.Binary b && b.op() == BinaryOp.EQ) {
                String[] colAndValue = columnEqualsConstant(b, exposedName, parameters);
                if (colAndValue != null) {
                    String column = colAndValue[0];
                    String value = colAndValue[1];
                    if (column.equalsIgnoreCase(bucketColumn)) {
                        buckets = intersect(buckets, Set.of(value));
                        pushed = true;
                    } else if (column.equalsIgnoreCase("id") && table == Catalog.INVENTORY_CONFIGURATIONS) {
                        if (id != null && !id.equals(value)) {
                            buckets = Set.of(); // contradiction: no row can match
                        }
                        id = value;
                        pushed = true;
                    } else if (column.equalsIgnoreCase("region")) {
                        if (region != null && !region.equals(value)) {
                            buckets = Set.of();
                        }
                        region = value;
                        pushed = true;
                    }
                }
            } else if (conjunct instanceof Expr.InList in && !in.negated() && isColumn(in.operand(), bucketColumn,
                    exposedName)) {
                Set<String> values = new LinkedHashSet<>();
                boolean allConstant = true;
                for (Expr item : in.items()) {
                    Object v = constant(item, parameters);
                    if (v instanceof String s) {
                        values.add(s);
                    } else if (v != null || !(item instanceof Expr.Literal || item instanceof Expr.Param)) {
                        allConstant = false;
                    }
                }
                if (allConstant) {
                    buckets = intersect(buckets, values);
                    pushed = true;
                }
            } else if (conjunct instanceof Expr.Like like && !like.negated() && !like.caseInsensitive()
                    && isColumn(like.operand(), bucketColumn, exposedName)) {
                Object pattern = constant(like.pattern(), parameters);
                Object escape = like.escape() == null ? null : constant(like.escape(), parameters);
                if (pattern instanceof String p && (like.escape() == null || escape instanceof String e && e.length() == 1)) {
                    Character esc = like.escape() == null ? null : ((String) escape).charAt(0);
                    String literal = Like.literalPrefix(p, esc);
                    if (!literal.isEmpty() && (prefix == null || literal.length() > prefix.length())) {
                        prefix = literal;
                    }
                    // 'abc%' (no other wildcard, no escape) is exactly a prefix match; anything else
                    // only narrows ListBuckets and is checked row by row.
                    String head = p.substring(0, Math.max(0, p.length() - 1));
                    pushed = esc == null && p.endsWith("%") && head.indexOf('%') < 0 && head.indexOf('_') < 0;
                }
            }
            exact &= pushed;
        }
        return new ScanRequest(buckets, prefix, id, region, exact);
    }

    static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else {
            out.add(e);
        }
    }

    private static String[] columnEqualsConstant(Expr.Binary b, String exposedName, List<Object> parameters) {
        Expr column = b.left() instanceof Expr.ColumnRef ? b.left() : b.right();
        Expr other = column == b.left() ? b.right() : b.left();
        if (!(column instanceof Expr.ColumnRef ref) || !qualifierMatches(ref, exposedName)) {
            return null;
        }
        Object value = constant(other, parameters);
        return value instanceof String s ? new String[] {ref.name(), s} : null;
    }

    private static boolean isColumn(Expr e, String name, String exposedName) {
        return e instanceof Expr.ColumnRef ref && ref.name().equalsIgnoreCase(name) && qualifierMatches(ref, exposedName);
    }

    private static boolean qualifierMatches(Expr.ColumnRef ref, String exposedName) {
        return ref.qualifier() == null || ref.qualifier().equalsIgnoreCase(exposedName);
    }

    /** TRUE/FALSE/null of a constant predicate; TRUE (push nothing) when it cannot be evaluated here. */
    private static Boolean constantTruth(Expr predicate, List<Object> parameters) {
        try {
            return new ExprCompiler(new RowType(List.of()), parameters, java.util.Map.of(), null, false)
                    .compile(predicate).test(new Object[0]);
        } catch (java.sql.SQLException e) {
            return Boolean.TRUE; // the evaluator reports the error with the rows, as for any WHERE
        }
    }

    /** The value of a literal or bound parameter; anything else is not a constant (returns null). */
    private static Object constant(Expr e, List<Object> parameters) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Param p && p.index() < parameters.size()) {
            return parameters.get(p.index());
        }
        return null;
    }

    private static Set<String> intersect(Set<String> current, Set<String> values) {
        if (current == null) {
            return new LinkedHashSet<>(values);
        }
        Set<String> both = new LinkedHashSet<>(current);
        both.retainAll(values);
        return both;
    }
}
