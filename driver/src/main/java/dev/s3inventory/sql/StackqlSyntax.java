package dev.s3inventory.sql;

import dev.s3inventory.Errors;
import dev.s3inventory.sql.Query.TableRef;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.statement.execute.Execute;

/**
 * StackQL's {@code EXEC aws.s3.<resource>.<method> @param='v', @@json='{...}'}, for people coming
 * from StackQL. Parameter names keep their {@code @} / {@code @@} prefix, lower-cased.
 */
final class StackqlSyntax {
    private StackqlSyntax() {
    }

    static SqlStatement.Exec exec(Execute execute, ExprTranslator expressions) throws SQLException {
        String name = execute.getName();
        String[] parts = name.split("\\.");
        if (parts.length < 2 || parts.length > 4) {
            throw Errors.syntax("EXEC needs a method name such as aws.s3.bucket_inventory_configurations."
                    + "bucket_inventory_configurations_Put, not '" + name + "'");
        }
        String method = Identifiers.unquote(parts[parts.length - 1]);
        String table = Identifiers.unquote(parts[parts.length - 2]);
        String schema = parts.length >= 3 ? Identifiers.unquote(parts[parts.length - 3]) : null;
        String catalog = parts.length == 4 ? Identifiers.unquote(parts[0]) : null;
        Map<String, Expr> arguments = new LinkedHashMap<>();
        if (execute.getExprList() != null) {
            for (Object item : execute.getExprList()) {
                Expression e = (Expression) item;
                if (!(e instanceof VariableAssignment a) || !"=".equals(a.getOperation())) {
                    throw Errors.syntax("EXEC arguments look like @bucket='my-bucket', @@json='{...}', not '" + e + "'");
                }
                String key = (a.getVariable().isDoubleAdd() ? "@@" : "@")
                        + a.getVariable().getName().toLowerCase(Locale.ROOT);
                if (arguments.put(key, expressions.translate(a.getExpression())) != null) {
                    throw Errors.syntax("EXEC argument " + key + " is given twice");
                }
            }
        }
        return new SqlStatement.Exec(new TableRef(catalog, schema, table, null), method, arguments);
    }
}
