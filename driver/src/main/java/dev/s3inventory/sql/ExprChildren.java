package dev.s3inventory.sql;

import java.util.ArrayList;
import java.util.List;

/** The direct sub-expressions of an {@link Expr}, for tree walks. Subqueries are not entered: their expressions are their own. */
public final class ExprChildren {
    private ExprChildren() {
    }

    public static List<Expr> of(Expr e) {
        List<Expr> c = new ArrayList<>();
        if (e instanceof Expr.Binary b) {
            c.add(b.left());
            c.add(b.right());
        } else if (e instanceof Expr.Not n) {
            c.add(n.operand());
        } else if (e instanceof Expr.Negate n) {
            c.add(n.operand());
        } else if (e instanceof Expr.IsNull n) {
            c.add(n.operand());
        } else if (e instanceof Expr.InList in) {
            c.add(in.operand());
            c.addAll(in.items());
        } else if (e instanceof Expr.InSubquery in) {
            c.add(in.operand());
        } else if (e instanceof Expr.Quantified q) {
            c.add(q.operand());
        } else if (e instanceof Expr.Like l) {
            c.add(l.operand());
            c.add(l.pattern());
            if (l.escape() != null) {
                c.add(l.escape());
            }
        } else if (e instanceof Expr.Between b) {
            c.add(b.operand());
            c.add(b.low());
            c.add(b.high());
        } else if (e instanceof Expr.Case k) {
            if (k.operand() != null) {
                c.add(k.operand());
            }
            for (Expr.When w : k.whens()) {
                c.add(w.condition());
                c.add(w.result());
            }
            if (k.elseResult() != null) {
                c.add(k.elseResult());
            }
        } else if (e instanceof Expr.Cast k) {
            c.add(k.operand());
        } else if (e instanceof Expr.Function f) {
            c.addAll(f.args());
        } else if (e instanceof Expr.Aggregate a && a.arg() != null) {
            c.add(a.arg());
        }
        return c;
    }

    /**
     * True when {@code e} reads no row: no column, subquery or aggregate, only literals, parameters
     * and operators over them (so it can be evaluated before anything is fetched).
     */
    public static boolean isConstant(Expr e) {
        if (e instanceof Expr.ColumnRef || e instanceof Expr.Aggregate || !subqueries(e).isEmpty()) {
            return false;
        }
        for (Expr child : of(e)) {
            if (!isConstant(child)) {
                return false;
            }
        }
        return true;
    }

    /** The subqueries directly inside {@code e} (not those nested in them). */
    public static List<Query> subqueries(Expr e) {
        List<Query> out = new ArrayList<>();
        collectSubqueries(e, out);
        return out;
    }

    private static void collectSubqueries(Expr e, List<Query> out) {
        if (e instanceof Expr.InSubquery in) {
            out.add(in.subquery());
        } else if (e instanceof Expr.Exists ex) {
            out.add(ex.subquery());
        } else if (e instanceof Expr.ScalarSubquery s) {
            out.add(s.subquery());
        } else if (e instanceof Expr.Quantified q) {
            out.add(q.subquery());
        }
        if (e != null) {
            for (Expr child : of(e)) {
                collectSubqueries(child, out);
            }
        }
    }

    /** Gives the expression that replaces a column reference, or null when it cannot be replaced. */
    @FunctionalInterface
    public interface ColumnMapping {
        Expr replace(Expr.ColumnRef ref);
    }

    /**
     * {@code e} with every column reference replaced through {@code mapping}; null when some reference
     * cannot be replaced or {@code e} contains a subquery (whose references belong to another scope).
     */
    public static Expr replaceColumns(Expr e, ColumnMapping mapping) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.ColumnRef ref) {
            return mapping.replace(ref);
        }
        if (e instanceof Expr.Literal || e instanceof Expr.Param) {
            return e;
        }
        if (e instanceof Expr.InSubquery || e instanceof Expr.Exists || e instanceof Expr.ScalarSubquery
                || e instanceof Expr.Quantified) {
            return null;
        }
        List<Expr> children = of(e);
        List<Expr> replaced = new ArrayList<>(children.size());
        for (Expr child : children) {
            Expr r = replaceColumns(child, mapping);
            if (r == null) {
                return null;
            }
            replaced.add(r);
        }
        return rebuild(e, replaced);
    }

    /** A node like {@code e} with new children, given in the order {@link #of} lists them. */
    private static Expr rebuild(Expr e, List<Expr> c) {
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), c.get(0), c.get(1));
        }
        if (e instanceof Expr.Not) {
            return new Expr.Not(c.get(0));
        }
        if (e instanceof Expr.Negate) {
            return new Expr.Negate(c.get(0));
        }
        if (e instanceof Expr.IsNull n) {
            return new Expr.IsNull(c.get(0), n.negated());
        }
        if (e instanceof Expr.InList in) {
            return new Expr.InList(c.get(0), c.subList(1, c.size()), in.negated());
        }
        if (e instanceof Expr.Like l) {
            return new Expr.Like(c.get(0), c.get(1), l.escape() == null ? null : c.get(2), l.negated(),
                    l.caseInsensitive());
        }
        if (e instanceof Expr.Between b) {
            return new Expr.Between(c.get(0), c.get(1), c.get(2), b.negated());
        }
        if (e instanceof Expr.Case k) {
            int i = 0;
            Expr operand = k.operand() == null ? null : c.get(i++);
            List<Expr.When> whens = new ArrayList<>();
            for (int w = 0; w < k.whens().size(); w++) {
                whens.add(new Expr.When(c.get(i), c.get(i + 1)));
                i += 2;
            }
            return new Expr.Case(operand, whens, k.elseResult() == null ? null : c.get(i));
        }
        if (e instanceof Expr.Cast k) {
            return new Expr.Cast(c.get(0), k.type(), k.maxLength(), k.scale());
        }
        if (e instanceof Expr.Function f) {
            return new Expr.Function(f.name(), c);
        }
        Expr.Aggregate a = (Expr.Aggregate) e;
        return new Expr.Aggregate(a.name(), a.arg() == null ? null : c.get(0), a.distinct());
    }
}
