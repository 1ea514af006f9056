package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * StackQL compatibility for {@code aws.s3.bucket_inventory_configurations}: {@code SHOW METHODS}
 * lists the resource's four methods as StackQL's registry documents them, and {@code EXEC ..._Put}
 * writes a configuration given as JSON.
 */
final class StackqlMethods {
    static final String PUT = "bucket_inventory_configurations_Put";
    private static final Set<String> PUT_ARGUMENTS = Set.of("@bucket", "@id", "@region", "@@json");

    private static final List<String[]> METHODS = List.of(
            new String[] {"bucket_inventory_configurations_Get", "SELECT", "id, inventory",
                "Returns an inventory configuration (identified by the inventory configuration ID) from the bucket."},
            new String[] {"bucket_inventory_configurations_List", "SELECT", "inventory",
                "Returns a list of inventory configurations for the bucket. You can have up to 1,000 analytics "
                    + "configurations per bucket."},
            new String[] {"bucket_inventory_configurations_Delete", "DELETE", "id, inventory",
                "Deletes an inventory configuration (identified by the inventory ID) from the bucket."},
            new String[] {PUT, "EXEC", "id, inventory",
                "This implementation of the PUT action adds an inventory configuration (identified by the inventory "
                    + "ID) to the bucket. You can have up to 1,000 inventory configurations per bucket."});

    private StackqlMethods() {
    }

    static Relation showMethods(TableDef table) throws SQLException {
        if (table != Catalog.INVENTORY_CONFIGURATIONS) {
            throw Errors.unsupportedSql("SHOW METHODS IN " + table.qualifiedName() + " (only "
                    + Catalog.INVENTORY_CONFIGURATIONS.qualifiedName() + " has StackQL methods)");
        }
        List<ResultColumn> columns = List.of(ResultColumn.computed("MethodName", SqlType.VARCHAR, false),
                ResultColumn.computed("AccessibleBy", SqlType.VARCHAR, false),
                ResultColumn.computed("RequiredParams", SqlType.VARCHAR, false),
                ResultColumn.computed("Description", SqlType.VARCHAR, false));
        List<Object[]> rows = new ArrayList<>();
        for (String[] m : METHODS) {
            rows.add(m.clone());
        }
        return new Relation(columns, rows);
    }

    static long exec(SqlStatement.Exec exec, WriteExecutor writes, List<Object> parameters) throws SQLException {
        TableDef table = SelectExecutor.resolve(exec.resource());
        if (table != Catalog.INVENTORY_CONFIGURATIONS || !exec.method().equalsIgnoreCase(PUT)) {
            throw Errors.unsupportedSql("EXEC " + exec.method() + " (supported: EXEC "
                    + Catalog.INVENTORY_CONFIGURATIONS.qualifiedName() + "." + PUT
                    + " @bucket='...', @id='...', @@json='{...}'; use SELECT and DELETE for the other methods)");
        }
        for (String key : exec.arguments().keySet()) {
            if (!PUT_ARGUMENTS.contains(key)) {
                throw Errors.badValue("EXEC " + PUT + " takes @bucket, @id, @@json and optionally @region, not " + key);
            }
        }
        ExprCompiler constants = new ExprCompiler(new RowType(List.of()), parameters, Map.of(), null, false);
        String bucket = text(exec, "@bucket", constants, true);
        String id = text(exec, "@id", constants, true);
        String json = text(exec, "@@json", constants, true);
        String region = text(exec, "@region", constants, false);
        return writes.execPut(bucket, id, region, json);
    }

    private static String text(SqlStatement.Exec exec, String key, ExprCompiler constants, boolean required)
            throws SQLException {
        Expr e = exec.arguments().get(key);
        Object v = e == null ? null : constants.compile(e).eval(new Object[0]);
        if (v == null) {
            if (required) {
                throw Errors.badValue("EXEC " + PUT + " needs " + key + " (e.g. " + key.toLowerCase(Locale.ROOT)
                        + "='...')");
            }
            return null;
        }
        return (String) Values.cast(v, SqlType.VARCHAR);
    }
}
