package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.SqlType;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.CastExpression;

/**
 * The target types CAST accepts. A length on VARCHAR and a scale on DECIMAL are honoured (they
 * change the value); anything the engine could only ignore, such as CHAR(n) padding, is refused.
 */
final class CastTypes {
    /** "VARCHAR (10)", "DECIMAL (10, 2)", "DOUBLE PRECISION": a name and optional numeric arguments. */
    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z][A-Za-z ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    private static final String SUPPORTED = "supported: VARCHAR[(n)], BOOLEAN, SMALLINT, INTEGER, BIGINT, DOUBLE, "
            + "DECIMAL[(p[, s])], TIMESTAMP";

    private CastTypes() {
    }

    static Expr.Cast cast(CastExpression c, Expr operand) throws SQLException {
        if (c.keyword != null && !c.keyword.equalsIgnoreCase("CAST")) {
            throw Errors.unsupportedSql(c.keyword.toUpperCase(Locale.ROOT) + " (use CAST)");
        }
        if (c.getFormat() != null || c.getColumnDefinitions() != null && !c.getColumnDefinitions().isEmpty()
                || c.getColDataType().getArrayData() != null && !c.getColDataType().getArrayData().isEmpty()) {
            throw Errors.unsupportedSql("CAST with a format or to a row or array type (" + c + ")");
        }
        String written = c.getColDataType().getDataType()
                + (c.getColDataType().getArgumentsStringList() == null ? ""
                        : "(" + String.join(",", c.getColDataType().getArgumentsStringList()) + ")");
        Matcher m = TYPE.matcher(written);
        SqlType type = m.matches() ? SqlType.forName(m.group(1)) : null;
        if (type == null) {
            throw Errors.unsupportedSql("CAST to " + written.trim() + " (" + SUPPORTED + ")");
        }
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        String name = m.group(1).trim().toUpperCase(Locale.ROOT);
        switch (type) {
            case VARCHAR:
                if (first != null && (name.equals("CHAR") || name.equals("CHARACTER"))) {
                    throw Errors.unsupportedSql("CAST to " + name + "(n), which pads with blanks (use VARCHAR(n))");
                }
                if (second != null) {
                    throw Errors.syntax("CAST to " + name + " takes one length, not two");
                }
                return new Expr.Cast(operand, type, first, null);
            case DECIMAL:
                // DECIMAL(p) means scale 0; plain DECIMAL keeps the value's own scale.
                return new Expr.Cast(operand, type, null, first == null ? null : second == null ? 0 : second);
            default:
                if (first != null) {
                    throw Errors.unsupportedSql("CAST to " + written.trim() + " with a size (use " + name + ")");
                }
                return new Expr.Cast(operand, type, null, null);
        }
    }
}
