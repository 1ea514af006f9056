package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.s3.S3Gateway;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Expr;
import dev.s3inventory.sql.ExprChildren;
import dev.s3inventory.sql.Query;
import dev.s3inventory.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE on {@code bucket_inventory_configurations}, as Put / read-modify-write /
 * Delete calls. Every value of a statement is validated before its first request, so a refused
 * statement changes nothing.
 */
final class WriteExecutor {
    /** Columns that identify a configuration or describe its bucket; never written. */
    private static final Set<String> NOT_UPDATABLE = Set.of("bucket", "id", "region");
    private static final String JSON_COLUMN = "configuration_json";

    private final S3Gateway s3;
    private final TableScanner scanner;
    private final ExecutionContext ctx;

    WriteExecutor(S3Gateway s3, TableScanner scanner, ExecutionContext ctx) {
        this.s3 = s3;
        this.scanner = scanner;
        this.ctx = ctx;
    }

    long insert(SqlStatement.Insert insert) throws SQLException {
        TableDef table = writableTable(insert.table());
        List<String> columns = new ArrayList<>();
        for (String c : insert.columns()) {
            String name = column(table, c);
            if (columns.contains(name)) {
                throw Errors.syntax("INSERT names column " + name + " twice");
            }
            columns.add(name);
        }
        ExprCompiler constants = new ExprCompiler(new RowType(List.of()), ctx.parameters(), Map.of(), null, false);
        List<Map<String, Object>> configurations = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (List<Expr> row : insert.rows()) {
            Map<String, Object> given = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                given.put(columns.get(i), constants.compile(row.get(i)).eval(new Object[0]));
            }
            Map<String, Object> c = complete(given);
            if (!keys.add(c.get("bucket") + "/" + c.get("id"))) {
                throw Errors.duplicateKey("INSERT names configuration '" + c.get("id") + "' of bucket '" + c.get("bucket")
                        + "' twice");
            }
            configurations.add(c);
        }
        // Check every key before the first Put: a duplicate anywhere means nothing is written.
        List<String> regions = new ArrayList<>();
        for (Map<String, Object> c : configurations) {
            String bucket = (String) c.get("bucket");
            String region = existingBucketRegion(bucket);
            Object givenRegion = c.get("region");
            if (givenRegion != null && !givenRegion.equals(region)) {
                throw Errors.badValue("Column region is read-only: bucket '" + bucket + "' is in " + region + ", not "
                        + givenRegion);
            }
            if (s3.getConfiguration(bucket, region, (String) c.get("id")).isPresent()) {
                throw Errors.duplicateKey("Bucket '" + bucket + "' already has an inventory configuration '" + c.get("id")
                        + "'; use UPDATE to change it");
            }
            regions.add(region);
        }
        for (int i = 0; i < configurations.size(); i++) {
            Map<String, Object> c = configurations.get(i);
            ctx.checkAlive();
            s3.putConfiguration((String) c.get("bucket"), regions.get(i), (String) c.get("id"), InventoryValues.toJson(c));
        }
        return configurations.size();
    }

    long update(SqlStatement.Update update) throws SQLException {
        TableDef table = writableTable(update.table());
        if (update.where() == null) {
            throw Errors.syntax("UPDATE without WHERE is refused: it would change every configuration of every "
                    + "bucket. Add a WHERE (WHERE 1=1 if you really mean all)");
        }
        Map<String, Expr> assignments = new LinkedHashMap<>();
        for (SqlStatement.Assignment a : update.assignments()) {
            String name = column(table, a.column());
            if (NOT_UPDATABLE.contains(name)) {
                throw Errors.badValue("Column " + name + " cannot be updated (it identifies the configuration); "
                        + "INSERT a new configuration and DELETE the old one instead");
            }
            if (assignments.put(name, a.value()) != null) {
                throw Errors.syntax("UPDATE sets column " + name + " twice");
            }
        }
        String exposed = update.table().exposedName();
        RowType rowType = SelectExecutor.rowType(table, exposed);
        ExprCompiler compiler = new ExprCompiler(rowType, ctx.parameters(), Map.of(), null, false);
        Map<String, Compiled> setters = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> a : assignments.entrySet()) {
            setters.put(a.getKey(), compiler.compile(a.getValue()));
        }
        // Values that do not depend on the row are checked before any request is sent.
        for (Map.Entry<String, Expr> a : assignments.entrySet()) {
            if (ExprChildren.isConstant(a.getValue())) {
                Object v = setters.get(a.getKey()).eval(new Object[rowType.size()]);
                if (a.getKey().equals(JSON_COLUMN)) {
                    InventoryValues.normalizeAll(InventoryValues.fromJson((String) Values.cast(v,
                            dev.s3inventory.schema.SqlType.VARCHAR)));
                } else {
                    InventoryValues.normalize(a.getKey(), v);
                }
            }
        }
        Relation matches = matching(update.table(), update.where());
        // Compute and validate every new configuration before the first write.
        List<Object[]> rows = matches.rows();
        List<Map<String, Object>> changes = new ArrayList<>();
        List<Map<String, Object>> replacements = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> current = asMap(table, row);
            Map<String, Object> set = new LinkedHashMap<>();
            for (Map.Entry<String, Compiled> s : setters.entrySet()) {
                set.put(s.getKey(), s.getValue().eval(row));
            }
            Map<String, Object> next = new LinkedHashMap<>(current);
            boolean replaceWhole = set.containsKey(JSON_COLUMN);
            if (replaceWhole) {
                next = fromJsonColumn(set.get(JSON_COLUMN), current);
            }
            for (Map.Entry<String, Object> s : set.entrySet()) {
                if (!s.getKey().equals(JSON_COLUMN)) {
                    next.put(s.getKey(), InventoryValues.normalize(s.getKey(), s.getValue()));
                }
            }
            if (set.containsKey("destination_encryption") && !"SSE-KMS".equals(next.get("destination_encryption"))
                    && !set.containsKey("destination_kms_key_id")) {
                next.put("destination_kms_key_id", null); // leaving SSE-KMS drops its key
            }
            InventoryValues.checkComplete(next);
            Map<String, Object> changed = new LinkedHashMap<>();
            for (String column : set.keySet()) {
                changed.put(column, next.get(column));
            }
            if (changed.containsKey("destination_encryption") || changed.containsKey("destination_kms_key_id")) {
                changed.put("destination_encryption", next.get("destination_encryption"));
                changed.put("destination_kms_key_id", next.get("destination_kms_key_id"));
            }
            changes.add(changed);
            replacements.add(replaceWhole ? next : null);
        }
        long count = 0;
        for (int i = 0; i < rows.size(); i++) {
            ctx.checkAlive();
            Map<String, Object> c = asMap(table, rows.get(i));
            String bucket = (String) c.get("bucket");
            String region = (String) c.get("region");
            String id = (String) c.get("id");
            if (replacements.get(i) != null) {
                s3.putConfiguration(bucket, region, id, InventoryValues.toJson(replacements.get(i)));
                count++;
            } else if (s3.updateConfiguration(bucket, region, id, changes.get(i))) {
                count++;
            }
        }
        return count;
    }

    long delete(SqlStatement.Delete delete) throws SQLException {
        TableDef table = writableTable(delete.table());
        if (delete.where() == null) {
            throw Errors.syntax("DELETE without WHERE is refused: it would delete every configuration of every "
                    + "bucket. Add a WHERE (WHERE 1=1 if you really mean all)");
        }
        Relation matches = matching(delete.table(), delete.where());
        long count = 0;
        for (Object[] row : matches.rows()) {
            ctx.checkAlive();
            Map<String, Object> c = asMap(table, row);
            if (s3.deleteConfiguration((String) c.get("bucket"), (String) c.get("region"), (String) c.get("id"))) {
                count++;
            }
        }
        return count;
    }

    /** StackQL's EXEC ..._Put: writes (overwrites) the configuration given as JSON. */
    long execPut(String bucketValue, String idValue, String regionValue, String json) throws SQLException {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("bucket", bucketValue);
        given.put("id", idValue);
        given.put(JSON_COLUMN, json);
        Map<String, Object> c = complete(given);
        String region = existingBucketRegion((String) c.get("bucket"));
        if (regionValue != null && !regionValue.equals(region)) {
            throw Errors.badValue("@region '" + regionValue + "' does not match bucket '" + c.get("bucket")
                    + "', which is in " + region);
        }
        s3.putConfiguration((String) c.get("bucket"), region, (String) c.get("id"), InventoryValues.toJson(c));
        return 1;
    }

    /**
     * Builds a complete, validated configuration from INSERT values: configuration_json gives the
     * base, explicit columns override it, then defaults (is_enabled TRUE, included_object_versions All).
     */
    private Map<String, Object> complete(Map<String, Object> given) throws SQLException {
        Map<String, Object> c = new LinkedHashMap<>();
        if (given.get(JSON_COLUMN) != null) {
            c.putAll(fromJsonColumn(given.get(JSON_COLUMN), Map.of()));
            Object jsonId = c.get("id");
            Object columnId = given.get("id");
            if (jsonId != null && columnId != null && !jsonId.equals(columnId)) {
                throw Errors.badValue("Column id '" + columnId + "' and the Id '" + jsonId + "' in configuration_json "
                        + "differ");
            }
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (e.getKey().equals(JSON_COLUMN) || e.getKey().equals("region")) {
                continue;
            }
            if (e.getValue() != null || !c.containsKey(e.getKey())) {
                c.put(e.getKey(), InventoryValues.normalize(e.getKey(), e.getValue()));
            }
        }
        if (c.get("is_enabled") == null) {
            c.put("is_enabled", Boolean.TRUE);
        }
        if (c.get("included_object_versions") == null) {
            c.put("included_object_versions", "All");
        }
        InventoryValues.checkComplete(c);
        if (given.get("region") != null) {
            c.put("region", given.get("region"));
        }
        return c;
    }

    private static Map<String, Object> fromJsonColumn(Object json, Map<String, Object> current) throws SQLException {
        Map<String, Object> c = InventoryValues.normalizeAll(InventoryValues.fromJson((String) Values.cast(json,
                dev.s3inventory.schema.SqlType.VARCHAR)));
        if (current.get("id") != null) {
            if (c.get("id") != null && !c.get("id").equals(current.get("id"))) {
                throw Errors.badValue("configuration_json has Id '" + c.get("id") + "' but the configuration is '"
                        + current.get("id") + "'; ids cannot be updated");
            }
            c.put("id", current.get("id"));
            c.put("bucket", current.get("bucket"));
            c.put("region", current.get("region"));
        }
        if (c.get("is_enabled") == null) {
            c.put("is_enabled", Boolean.TRUE);
        }
        if (c.get("included_object_versions") == null) {
            c.put("included_object_versions", "All");
        }
        return c;
    }

    private String existingBucketRegion(String bucket) throws SQLException {
        Optional<String> region = s3.bucketRegion(bucket);
        if (region.isEmpty()) {
            throw Errors.badValue("Bucket '" + bucket + "' does not exist; create it first");
        }
        return region.get();
    }

    private Relation matching(Query.TableRef table, Expr where) throws SQLException {
        Query select = new Query(false, List.of(new Query.AllColumns(null)), table, where, List.of(), null, List.of(),
                null, null);
        return new SelectExecutor(scanner, ctx).run(select, Long.MAX_VALUE);
    }

    private static Map<String, Object> asMap(TableDef table, Object[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String name = table.column(i).name();
            if (!name.equals(JSON_COLUMN)) {
                m.put(name, row[i]);
            }
        }
        return m;
    }

    private static TableDef writableTable(Query.TableRef ref) throws SQLException {
        TableDef table = SelectExecutor.resolve(ref);
        if (!table.writable()) {
            throw Errors.unsupportedSql("Writing to " + table.qualifiedName() + " (it is read-only; write to "
                    + Catalog.INVENTORY_CONFIGURATIONS.qualifiedName() + ")");
        }
        return table;
    }

    private static String column(TableDef table, String name) throws SQLException {
        int i = table.indexOf(name);
        if (i < 0) {
            throw Errors.unknownColumn(name, table.qualifiedName());
        }
        Column c = table.column(i);
        return c.name().toLowerCase(Locale.ROOT);
    }
}
