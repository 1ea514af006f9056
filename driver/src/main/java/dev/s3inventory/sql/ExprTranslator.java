package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.sql.Expr.BinaryOp;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.AnyType;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.OldOracleJoinBinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Translates JSqlParser expressions into {@link Expr}. Everything outside the dialect is rejected
 * here, while the statement is prepared: unknown functions, window functions, vendor syntax.
 */
final class ExprTranslator {
    /** Integer literals beyond a long are exact decimals, up to this many digits. */
    private static final int MAX_DIGITS = 1_000;
    private final SelectTranslator selects;
    /** Highest 1-based {@code ?} index seen: the statement's parameter count (JSqlParser numbers them in text order). */
    private int maxParameterIndex;

    ExprTranslator(SelectTranslator selects) {
        this.selects = selects;
    }

    int parameterCount() {
        return maxParameterIndex;
    }

    List<Expr> translateAll(List<? extends Expression> expressions) throws SQLException {
        List<Expr> out = new ArrayList<>(expressions.size());
        for (Expression e : expressions) {
            out.add(translate(e));
        }
        return out;
    }

    Expr translate(Expression e) throws SQLException {
        if (e == null) {
            return null;
        }
        Expr literal = literal(e);
        if (literal != null) {
            return literal;
        }
        if (e instanceof Column c) {
            return column(c);
        }
        if (e instanceof JdbcParameter p) {
            if (p.getIndex() == null) {
                throw Errors.syntax("Parameter markers must be plain '?'");
            }
            maxParameterIndex = Math.max(maxParameterIndex, p.getIndex());
            return new Expr.Param(p.getIndex() - 1);
        }
        if (e instanceof Parenthesis p) {
            return translate(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> list) {
            if (list.size() == 1) {
                return translate((Expression) list.get(0));
            }
            throw Errors.unsupportedSql("A row value " + e);
        }
        if (e instanceof AndExpression a) {
            return new Expr.Binary(BinaryOp.AND, translate(a.getLeftExpression()), translate(a.getRightExpression()));
        }
        if (e instanceof OrExpression o) {
            return new Expr.Binary(BinaryOp.OR, translate(o.getLeftExpression()), translate(o.getRightExpression()));
        }
        if (e instanceof NotExpression n) {
            return new Expr.Not(translate(n.getExpression()));
        }
        BinaryOp op = binaryOp(e);
        if (op != null) {
            return binary(op, (BinaryExpression) e);
        }
        if (e instanceof SignedExpression s) {
            if (s.getSign() == '~') {
                throw Errors.unsupportedSql("The bitwise operator ~");
            }
            Expr inner = translate(s.getExpression());
            return s.getSign() == '-' ? new Expr.Negate(inner) : inner;
        }
        if (e instanceof IsNullExpression n) {
            return new Expr.IsNull(translate(n.getLeftExpression()), n.isNot());
        }
        if (e instanceof IsBooleanExpression b) {
            // x IS [NOT] TRUE/FALSE never yields NULL: a null-safe comparison built from the constructs we have.
            Expr operand = translate(b.getLeftExpression());
            Expr test = new Expr.Function("COALESCE", List.of(new Expr.Binary(BinaryOp.AND,
                    new Expr.IsNull(operand, true), new Expr.Binary(BinaryOp.EQ, operand, new Expr.Literal(b.isTrue()))),
                    new Expr.Literal(false)));
            return b.isNot() ? new Expr.Not(test) : test;
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof Between b) {
            return new Expr.Between(translate(b.getLeftExpression()), translate(b.getBetweenExpressionStart()),
                    translate(b.getBetweenExpressionEnd()), b.isNot());
        }
        if (e instanceof ExistsExpression ex) {
            if (ex.getRightExpression() instanceof Select s) {
                return new Expr.Exists(selects.query(s), ex.isNot());
            }
            throw Errors.unsupportedSql("EXISTS without a subquery");
        }
        if (e instanceof CaseExpression c) {
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClause w : c.getWhenClauses()) {
                whens.add(new Expr.When(translate(w.getWhenExpression()), translate(w.getThenExpression())));
            }
            return new Expr.Case(translate(c.getSwitchExpression()), whens, translate(c.getElseExpression()));
        }
        if (e instanceof CastExpression c) {
            return CastTypes.cast(c, translate(c.getLeftExpression()));
        }
        if (e instanceof TrimFunction t) {
            if (t.getTrimSpecification() != null || t.getFromExpression() != null || t.isUsingFromKeyword()) {
                throw Errors.unsupportedSql("TRIM with LEADING/TRAILING/BOTH or FROM (use TRIM(x))");
            }
            return new Expr.Function("TRIM", List.of(translate(t.getExpression())));
        }
        if (e instanceof Function f) {
            return function(f);
        }
        if (e instanceof Select s) {
            return new Expr.ScalarSubquery(selects.query(s));
        }
        throw Errors.unsupportedSql(describe(e));
    }

    /** Literals, or null when {@code e} is not one. */
    private static Expr literal(Expression e) throws SQLException {
        if (e instanceof StringValue s) {
            if (s.getPrefix() != null && !s.getPrefix().equalsIgnoreCase("N")) {
                throw Errors.unsupportedSql("String literals with the prefix " + s.getPrefix() + " (use '...')");
            }
            return new Expr.Literal(s.getValue().replace("''", "'"));
        }
        if (e instanceof LongValue l) {
            // JSqlParser reads integer literals as longs and throws on larger ones: keep those exact instead.
            String digits = l.getStringValue();
            try {
                return new Expr.Literal(Long.parseLong(digits));
            } catch (NumberFormatException beyondLong) {
                if (digits.length() > MAX_DIGITS) { // a million-digit product takes minutes to print
                    throw Errors.badValue("A numeric literal has " + digits.length() + " digits; at most " + MAX_DIGITS
                            + " are supported");
                }
                return new Expr.Literal(new BigDecimal(digits));
            }
        }
        if (e instanceof DoubleValue d) {
            return new Expr.Literal(new BigDecimal(d.toString()));
        }
        if (e instanceof NullValue) {
            return new Expr.Literal(null);
        }
        if (e instanceof BooleanValue b) {
            return new Expr.Literal(b.getValue());
        }
        if (e instanceof TimestampValue t) {
            return new Expr.Literal(t.getValue());
        }
        if (e instanceof DateValue d) {
            return new Expr.Literal(Timestamp.valueOf(d.getValue().toLocalDate().atStartOfDay()));
        }
        return null;
    }

    /** A name for a construct we do not support, in the words a user would look for. */
    private static String describe(Expression e) {
        if (e instanceof AnalyticExpression) {
            return "Window functions (" + e + ")";
        }
        if (e instanceof TimeKeyExpression) {
            return "The current date/time function " + e;
        }
        if (e instanceof TimeValue) {
            return "TIME values (" + e + ")";
        }
        if (e instanceof JdbcNamedParameter) {
            return "Named parameters (" + e + "); use ?";
        }
        return "The expression '" + e + "' (" + e.getClass().getSimpleName().replace("Expression", "") + ")";
    }

    private Expr binary(BinaryOp op, BinaryExpression b) throws SQLException {
        if (b instanceof OldOracleJoinBinaryExpression o && o.getOldOracleJoinSyntax() != 0) {
            throw Errors.unsupportedSql("Oracle's (+) outer-join syntax (use LEFT JOIN)");
        }
        Expr left = translate(b.getLeftExpression());
        if (b.getRightExpression() instanceof AnyComparisonExpression any) {
            if (!op.isComparison()) {
                throw Errors.syntax(any.getAnyType() + " (SELECT ...) must follow a comparison operator");
            }
            if (any.getSelect() == null) {
                throw Errors.unsupportedSql(any.getAnyType() + " without a subquery");
            }
            return new Expr.Quantified(left, op, any.getAnyType() == AnyType.ALL, selects.query(any.getSelect()));
        }
        return new Expr.Binary(op, left, translate(b.getRightExpression()));
    }

    private Expr column(Column c) throws SQLException {
        if (c.getArrayConstructor() != null) {
            throw Errors.unsupportedSql("Array subscripts (" + c + ")");
        }
        String name = Identifiers.unquote(c.getColumnName());
        // Unquoted TRUE/FALSE reach us as columns in some positions.
        if (!Identifiers.isQuoted(c.getColumnName()) && c.getTable() == null) {
            if (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
                return new Expr.Literal(Boolean.parseBoolean(name.toLowerCase(Locale.ROOT)));
            }
        }
        // For s3.t.col or aws.s3.t.col only the table part matters: the table itself resolves the rest.
        String qualifier = c.getTable() == null || c.getTable().getName() == null ? null
                : Identifiers.unquote(c.getTable().getName());
        return new Expr.ColumnRef(qualifier, name);
    }

    private static BinaryOp binaryOp(Expression e) {
        if (e instanceof EqualsTo) {
            return BinaryOp.EQ;
        }
        if (e instanceof NotEqualsTo) {
            return BinaryOp.NE;
        }
        if (e instanceof MinorThan) {
            return BinaryOp.LT;
        }
        if (e instanceof MinorThanEquals) {
            return BinaryOp.LE;
        }
        if (e instanceof GreaterThan) {
            return BinaryOp.GT;
        }
        if (e instanceof GreaterThanEquals) {
            return BinaryOp.GE;
        }
        if (e instanceof Addition) {
            return BinaryOp.PLUS;
        }
        if (e instanceof Subtraction) {
            return BinaryOp.MINUS;
        }
        if (e instanceof Multiplication) {
            return BinaryOp.TIMES;
        }
        if (e instanceof Division) {
            return BinaryOp.DIVIDE;
        }
        if (e instanceof Modulo) {
            return BinaryOp.MOD;
        }
        if (e instanceof Concat) {
            return BinaryOp.CONCAT;
        }
        return null;
    }

    private Expr in(InExpression in) throws SQLException {
        if (in.isGlobal()) {
            throw Errors.unsupportedSql("GLOBAL IN");
        }
        Expr operand = translate(in.getLeftExpression());
        Expression right = in.getRightExpression();
        if (right instanceof ParenthesedSelect ps) {
            return new Expr.InSubquery(operand, selects.query(ps), in.isNot());
        }
        if (right instanceof ExpressionList<?> list) {
            return new Expr.InList(operand, translateAll(list), in.isNot());
        }
        throw Errors.unsupportedSql("IN with " + right);
    }

    private Expr like(LikeExpression like) throws SQLException {
        LikeExpression.KeyWord keyword = like.getLikeKeyWord();
        if (keyword != LikeExpression.KeyWord.LIKE && keyword != LikeExpression.KeyWord.ILIKE) {
            throw Errors.unsupportedSql(keyword + " (use LIKE)");
        }
        if (like.isUseBinary()) {
            throw Errors.unsupportedSql("LIKE BINARY");
        }
        Expr escape = like.getEscape() == null ? null : translate(like.getEscape());
        return new Expr.Like(translate(like.getLeftExpression()), translate(like.getRightExpression()), escape,
                like.isNot(), keyword == LikeExpression.KeyWord.ILIKE);
    }

    private Expr function(Function f) throws SQLException {
        String written = f.getName();
        if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
            throw Errors.unsupportedSql("Qualified function names (" + written + ")");
        }
        if (f.getNamedParameters() != null) {
            throw Errors.unsupportedSql("The keyword form of " + written + " (" + f + "); use " + written + "(a, b, ...)");
        }
        if (f.getKeep() != null || f.isIgnoreNulls() || f.getNullHandling() != null || f.getHavingClause() != null
                || f.getLimit() != null || f.getOrderByElements() != null || f.getAttribute() != null
                || f.getExtraKeyword() != null || f.isUnique()) {
            throw Errors.unsupportedSql("The function call modifiers in " + f);
        }
        String name = FunctionSignatures.canonical(written);
        // JSqlParser sets isAllColumns() for COUNT(ALL x); only a lone * argument means COUNT(*).
        boolean star = f.getParameters() != null && f.getParameters().size() == 1
                && f.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns;
        if (star) {
            if (!name.equals("COUNT") || f.isDistinct()) {
                throw Errors.syntax(written + "(" + (f.isDistinct() ? "DISTINCT " : "") + "*) is not valid; only COUNT(*) "
                        + "takes *");
            }
            return new Expr.Aggregate("COUNT", null, false);
        }
        List<Expr> args = f.getParameters() == null ? List.of() : translateAll(f.getParameters());
        if (FunctionSignatures.AGGREGATES.contains(name)) {
            if (args.size() != 1) {
                throw Errors.syntax(name + " takes exactly one argument");
            }
            return new Expr.Aggregate(name, args.get(0), f.isDistinct());
        }
        if (f.isDistinct()) {
            throw Errors.syntax("DISTINCT is only valid inside an aggregate such as COUNT(DISTINCT x)");
        }
        FunctionSignatures.checkScalar(name, written, args.size());
        return new Expr.Function(name, args);
    }
}
