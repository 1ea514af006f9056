package dev.s3inventory.engine;

import dev.s3inventory.schema.SqlType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code IN} and the quantified comparisons {@code op ANY|ALL}, with SQL's three-valued logic:
 * {@code x IN (...)} is TRUE on a match, FALSE on an empty list, else UNKNOWN when {@code x} or
 * any item is NULL, else FALSE. NOT IN is its negation, so one NULL in the list makes it UNKNOWN.
 */
final class InPredicates {
    private InPredicates() {
    }

    /** Where the values on the right come from: a list of expressions, or a subquery's rows. */
    @FunctionalInterface
    interface Candidates {
        List<Object> values(Object[] row) throws SQLException;
    }

    static Compiled inList(Compiled operand, List<Compiled> items, boolean negated) {
        List<SqlType> types = new ArrayList<>();
        for (Compiled item : items) {
            types.add(item.type());
        }
        SqlType itemType = uniformType(types);
        return in(operand, itemType, row -> {
            List<Object> values = new ArrayList<>(items.size());
            for (Compiled item : items) {
                values.add(item.eval(row));
            }
            return values;
        }, negated);
    }

    /**
     * The one type all items share (numeric types count as one family), so the comparison can be
     * chosen once; SqlType.NULL (compare value by value) when they differ.
     */
    private static SqlType uniformType(List<SqlType> types) {
        SqlType common = Values.commonType(types);
        for (SqlType t : types) {
            if (t != SqlType.NULL && t != common && !(t.isNumeric() && common.isNumeric())) {
                return SqlType.NULL;
            }
        }
        return common;
    }

    static Compiled in(Compiled operand, SqlType itemType, Candidates candidates, boolean negated) {
        return quantified(operand, itemType, candidates, Values.comparison(operand.type(), itemType), Outcome.EQ,
                false, negated);
    }

    /** The comparisons a quantified predicate can make. */
    enum Outcome { EQ, NE, LT, LE, GT, GE }

    /**
     * {@code operand op ANY (values)} (all = false) or {@code operand op ALL (values)} (all = true),
     * optionally negated. ANY is TRUE when some comparison is TRUE; ALL is FALSE when some is FALSE;
     * over no values ANY is FALSE and ALL is TRUE; otherwise a NULL comparison makes the result UNKNOWN.
     */
    static Compiled quantified(Compiled operand, SqlType itemType, Candidates candidates, Values.Comparison comparison,
            Outcome op, boolean all, boolean negated) {
        return new Compiled(SqlType.BOOLEAN, true, row -> {
            List<Object> values = candidates.values(row);
            Boolean result = all;
            if (!values.isEmpty()) {
                Object v = operand.eval(row);
                boolean sawUnknown = false;
                for (Object x : values) {
                    if (v == null || x == null) {
                        sawUnknown = true;
                        continue;
                    }
                    boolean holds = holds(op, comparison.compare(v, x));
                    if (holds != all) {
                        result = !all;
                        sawUnknown = false;
                        break;
                    }
                }
                if (sawUnknown) {
                    result = null;
                }
            }
            return result == null ? null : result != negated;
        });
    }

    private static boolean holds(Outcome op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }
}
