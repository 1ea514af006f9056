package dev.s3inventory.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random, well-typed SELECTs over the two tables for the differential test: predicates with NULLs,
 * functions, CASE and CAST, aggregates with GROUP BY/HAVING, ordering with NULLS FIRST/LAST and
 * limits, joins, derived tables and correlated subqueries. A seed fixes the sequence.
 *
 * <p>Only SQL whose result the standard fixes is generated: ORDER BY always lists every output
 * column (so the order is total and LIMIT picks the same rows in any engine), no decimal division,
 * no comparisons across types, no backslashes (H2's default LIKE escape).
 */
public final class QueryGenerator {
    private static final String CONFIGS = "bucket_inventory_configurations";
    private static final String BUCKETS = "buckets";

    private final Random random;
    /** Inside a derived table every output column needs a distinct name (H2 insists); elsewhere aliases are random. */
    private boolean nameColumns;

    /** A column available to an expression: how to write it and whether it is a string, boolean, timestamp or integer. */
    private record Col(String sql, char type, boolean nullable, String name) {
    }

    public QueryGenerator(long seed) {
        this.random = new Random(seed);
    }

    public List<String> queries(int n) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        while (out.size() < n) {
            String q = query();
            if (seen.add(q)) {
                out.add(q);
            }
        }
        return out;
    }

    private String query() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> plainSelect(table(), 0);
            case 2 -> aggregate(table());
            case 3 -> join();
            case 8 -> joinVariant();
            case 4 -> derived();
            case 5, 6 -> withSubquery();
            case 7 -> countWrapper();
            default -> globalAggregate(table());
        };
    }

    private boolean table() {
        return random.nextInt(3) > 0; // true: configurations, false: buckets
    }

    // ---- columns ------------------------------------------------------------------------------

    private static List<Col> configColumns(String alias) {
        String p = alias == null ? "" : alias + ".";
        return List.of(new Col(p + "bucket", 's', false, "bucket"), new Col(p + "id", 's', false, "id"),
                new Col(p + "region", 's', false, "region"), new Col(p + "is_enabled", 'b', false, "is_enabled"),
                new Col(p + "included_object_versions", 's', false, "included_object_versions"),
                new Col(p + "schedule_frequency", 's', false, "schedule_frequency"),
                new Col(p + "filter_prefix", 's', true, "filter_prefix"),
                new Col(p + "destination_bucket_arn", 's', false, "destination_bucket_arn"),
                new Col(p + "destination_account_id", 's', true, "destination_account_id"),
                new Col(p + "destination_format", 's', false, "destination_format"),
                new Col(p + "destination_prefix", 's', true, "destination_prefix"),
                new Col(p + "destination_encryption", 's', true, "destination_encryption"),
                new Col(p + "destination_kms_key_id", 's', true, "destination_kms_key_id"),
                new Col(p + "optional_fields", 's', true, "optional_fields"));
    }

    private static List<Col> bucketColumns(String alias) {
        String p = alias == null ? "" : alias + ".";
        return List.of(new Col(p + "name", 's', false, "name"), new Col(p + "region", 's', false, "region"),
                new Col(p + "creation_date", 't', true, "creation_date"));
    }

    private static final String[] BUCKET_NAMES = DialectEstate.BUCKETS.keySet().toArray(new String[0]);

    /** A literal that may or may not occur in the column (values of the estate plus near misses). */
    private String literalFor(Col c) {
        String[] pool = switch (c.name()) {
            case "bucket", "name" -> concat(BUCKET_NAMES, "dx-missing", "dx-a");
            case "id" -> new String[] {"daily-csv", "weekly_orc", "Compliance-Weekly", "100%-sample", "dailyXcsv",
                "thumbnails", "glacier-audit", "nope"};
            case "region" -> new String[] {"us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "sa-east-1"};
            case "included_object_versions" -> new String[] {"All", "Current"};
            case "schedule_frequency" -> new String[] {"Daily", "Weekly"};
            case "filter_prefix" -> new String[] {"logs/", "raw/", "sample/", "o'brien/", "datasets/"};
            case "destination_bucket_arn" -> new String[] {DialectEstate.CENTRAL, DialectEstate.REPORTS};
            case "destination_account_id" -> new String[] {"123456789012", "210987654321"};
            case "destination_format" -> new String[] {"CSV", "ORC", "Parquet"};
            case "destination_prefix" -> new String[] {"compliance/", "x/", "archive/", "weekly/app-logs"};
            case "destination_encryption" -> new String[] {"SSE-S3", "SSE-KMS"};
            case "destination_kms_key_id" -> new String[] {"arn:aws:kms:eu-west-1:210987654321:key/billing"};
            case "optional_fields" -> new String[] {"Size", "Size,ETag", "StorageClass"};
            default -> new String[] {"x"};
        };
        return quote(pool[random.nextInt(pool.length)]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Col pick(List<Col> cols, char type) {
        List<Col> typed = cols.stream().filter(c -> c.type() == type).toList();
        return typed.isEmpty() ? null : pick(typed);
    }

    // ---- expressions --------------------------------------------------------------------------

    private String stringExpr(List<Col> cols, int depth) {
        Col c = pick(cols, 's');
        if (depth > 1 || random.nextInt(3) == 0) {
            return c.sql();
        }
        return switch (random.nextInt(11)) {
            case 0 -> "LOWER(" + stringExpr(cols, depth + 1) + ")";
            case 1 -> "UPPER(" + stringExpr(cols, depth + 1) + ")";
            case 2 -> "COALESCE(" + c.sql() + ", " + literalFor(c) + ")";
            case 3 -> c.sql() + " || '/' || " + stringExpr(cols, depth + 1);
            case 4 -> "CONCAT(" + c.sql() + ", '-', " + stringExpr(cols, depth + 1) + ")";
            case 5 -> "SUBSTRING(" + c.sql() + ", " + (1 + random.nextInt(4)) + ", " + random.nextInt(6) + ")";
            case 6 -> "REPLACE(" + c.sql() + ", '" + pick(List.of("a", "-", "e", "_")) + "', '"
                    + pick(List.of("", "+", "AA")) + "')";
            case 7 -> "TRIM(" + c.sql() + ")";
            case 8 -> "CASE WHEN " + predicate(cols, depth + 1) + " THEN " + stringExpr(cols, depth + 1) + " ELSE "
                    + (random.nextBoolean() ? "NULL" : c.sql()) + " END";
            case 9 -> "NULLIF(" + c.sql() + ", " + literalFor(c) + ")";
            default -> "CAST(" + intExpr(cols, depth + 1) + " AS VARCHAR)";
        };
    }

    private String intExpr(List<Col> cols, int depth) {
        if (depth > 1) {
            return "LENGTH(" + pick(cols, 's').sql() + ")";
        }
        return switch (random.nextInt(6)) {
            case 0 -> "LENGTH(" + stringExpr(cols, depth + 1) + ")";
            case 1 -> "LENGTH(" + pick(cols, 's').sql() + ") + " + random.nextInt(10);
            case 2 -> "LENGTH(" + pick(cols, 's').sql() + ") * " + (1 + random.nextInt(3)) + " - "
                    + "LENGTH(" + pick(cols, 's').sql() + ")";
            case 3 -> "ABS(LENGTH(" + pick(cols, 's').sql() + ") - " + random.nextInt(20) + ")";
            case 4 -> "CASE WHEN " + predicate(cols, depth + 1) + " THEN 1 ELSE 0 END";
            default -> "LENGTH(" + pick(cols, 's').sql() + ") / " + (1 + random.nextInt(4));
        };
    }

    private String predicate(List<Col> cols, int depth) {
        if (depth < 2 && random.nextInt(4) == 0) {
            String op = random.nextBoolean() ? " AND " : " OR ";
            return "(" + predicate(cols, depth + 1) + op + predicate(cols, depth + 1) + ")";
        }
        if (depth < 2 && random.nextInt(8) == 0) {
            return "NOT (" + predicate(cols, depth + 1) + ")";
        }
        Col c = pick(cols);
        if (c.type() == 'b') {
            return switch (random.nextInt(4)) {
                case 0 -> c.sql();
                case 1 -> "NOT " + c.sql();
                case 2 -> c.sql() + " = " + (random.nextBoolean() ? "TRUE" : "FALSE");
                default -> "(" + predicate(cols.stream().filter(x -> x.type() != 'b').toList(), depth + 1) + ") IS "
                        + (random.nextBoolean() ? "NOT " : "") + (random.nextBoolean() ? "TRUE" : "FALSE");
            };
        }
        if (c.type() == 't') {
            return switch (random.nextInt(3)) {
                case 0 -> c.sql() + " IS NOT NULL";
                case 1 -> c.sql() + " > {ts '2001-02-03 04:05:06'}";
                default -> c.sql() + " < {ts '2001-02-03 04:05:06'}";
            };
        }
        return switch (random.nextInt(12)) {
            case 0, 1 -> c.sql() + " " + pick(List.of("=", "<>", "<", "<=", ">", ">=")) + " " + literalFor(c);
            case 2 -> c.sql() + " IS " + (random.nextBoolean() ? "NOT " : "") + "NULL";
            case 3 -> c.sql() + (random.nextBoolean() ? " NOT" : "") + " IN (" + literalFor(c) + ", " + literalFor(c)
                    + (random.nextInt(4) == 0 ? ", NULL" : "") + ")";
            case 4 -> c.sql() + (random.nextBoolean() ? " NOT" : "") + " LIKE " + pattern(c);
            case 5 -> c.sql() + (random.nextBoolean() ? " NOT" : "") + " BETWEEN " + literalFor(c) + " AND "
                    + literalFor(c);
            case 6 -> intExpr(cols, depth + 1) + " " + pick(List.of("=", "<>", "<", ">=")) + " " + random.nextInt(25);
            case 7 -> stringExpr(cols, depth + 1) + " " + pick(List.of("=", "<>", "<", ">")) + " "
                    + stringExpr(cols, depth + 1);
            case 8 -> c.sql() + " LIKE '%" + pick(List.of("!_", "!%", "a!_", "-")) + "%' ESCAPE '!'";
            case 9 -> "UPPER(" + c.sql() + ") LIKE UPPER(" + pattern(c) + ")";
            case 10 -> "COALESCE(" + c.sql() + ", 'none') = " + pick(List.of("'none'", literalFor(c)));
            default -> c.sql() + " = " + pick(cols, 's').sql();
        };
    }

    /** A LIKE pattern built from a real value: a prefix, a middle or a single-character wildcard. */
    private String pattern(Col c) {
        String value = literalFor(c);
        value = value.substring(1, value.length() - 1).replace("''", "'").replace("%", "").replace("_", "");
        if (value.isEmpty()) {
            return "'%'";
        }
        int cut = 1 + random.nextInt(value.length());
        String p = switch (random.nextInt(4)) {
            case 0 -> value.substring(0, cut) + "%";
            case 1 -> "%" + value.substring(Math.max(0, cut - 2), cut) + "%";
            case 2 -> value.substring(0, cut - 1) + "_" + value.substring(cut);
            default -> value;
        };
        return quote(p);
    }

    // ---- query shapes -------------------------------------------------------------------------

    private String from(boolean configs, String alias) {
        String name = configs ? CONFIGS : BUCKETS;
        String qualified = pick(List.of(name, "s3." + name, "aws.s3." + name));
        return alias == null ? qualified : qualified + (random.nextBoolean() ? " AS " : " ") + alias;
    }

    /** Gives select-list items aliases where needed (see {@link #nameColumns}) and sometimes otherwise. */
    private List<String> named(List<String> items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            boolean alias = nameColumns || random.nextInt(5) == 0;
            out.add(alias ? items.get(i) + (random.nextBoolean() ? " AS " : " ") + "k" + (i + 1) : items.get(i));
        }
        return out;
    }

    private List<String> selectList(List<Col> cols, int n) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(switch (random.nextInt(6)) {
                case 0 -> stringExpr(cols, 0);
                case 1 -> intExpr(cols, 0);
                case 2 -> "CASE WHEN " + predicate(cols, 1) + " THEN 'yes' ELSE 'no' END";
                case 3 -> {
                    Col b = pick(cols, 'b');
                    yield b == null ? pick(cols).sql() : "CAST(" + b.sql() + " AS VARCHAR)";
                }
                default -> pick(cols).sql();
            });
        }
        return named(items);
    }

    /** ORDER BY every output column by ordinal, each ASC or DESC and maybe NULLS FIRST/LAST: a total order. */
    private String orderByAll(int columns) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            String key = String.valueOf(i) + pick(List.of("", " ASC", " DESC"));
            if (random.nextInt(4) == 0) {
                key += random.nextBoolean() ? " NULLS FIRST" : " NULLS LAST";
            }
            keys.add(key);
        }
        return " ORDER BY " + String.join(", ", keys);
    }

    private String limit() {
        return switch (random.nextInt(4)) {
            case 0 -> " LIMIT " + (1 + random.nextInt(5));
            case 1 -> " LIMIT " + (1 + random.nextInt(5)) + " OFFSET " + random.nextInt(4);
            case 2 -> " OFFSET " + random.nextInt(4) + " ROWS FETCH NEXT " + (1 + random.nextInt(5)) + " ROWS ONLY";
            default -> "";
        };
    }

    private String plainSelect(boolean configs, int depth) {
        String alias = random.nextBoolean() ? (configs ? "c" : "b") : null;
        List<Col> cols = configs ? configColumns(alias) : bucketColumns(alias);
        int n = 1 + random.nextInt(3);
        boolean distinct = random.nextInt(4) == 0;
        StringBuilder sb = new StringBuilder("SELECT ").append(distinct ? "DISTINCT " : "")
                .append(String.join(", ", selectList(cols, n))).append(" FROM ").append(from(configs, alias));
        if (random.nextInt(5) > 0) {
            sb.append(" WHERE ").append(predicate(cols, 0));
        }
        if (depth == 0 && random.nextInt(3) > 0) {
            sb.append(orderByAll(n)).append(limit());
        }
        return sb.toString();
    }

    private String aggregate(boolean configs) {
        List<Col> cols = configs ? configColumns(null) : bucketColumns(null);
        List<Col> keys = new ArrayList<>();
        int k = 1 + random.nextInt(2);
        while (keys.size() < k) {
            Col c = pick(cols);
            if (!keys.contains(c) && c.type() != 't') {
                keys.add(c);
            }
        }
        List<String> items = new ArrayList<>();
        for (Col c : keys) {
            items.add(c.sql());
        }
        int aggregates = 1 + random.nextInt(3);
        for (int i = 0; i < aggregates; i++) {
            items.add(aggregateCall(cols));
        }
        StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", named(items))).append(" FROM ")
                .append(from(configs, null));
        if (random.nextBoolean()) {
            sb.append(" WHERE ").append(predicate(cols, 0));
        }
        List<String> groupBy = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            groupBy.add(random.nextBoolean() ? String.valueOf(i + 1) : keys.get(i).sql());
        }
        sb.append(" GROUP BY ").append(String.join(", ", groupBy));
        if (random.nextInt(3) == 0) {
            sb.append(" HAVING ").append(pick(List.of("COUNT(*) > 1", "COUNT(*) = 1", "MIN(" + pick(cols, 's').sql()
                    + ") < 'm'", "COUNT(DISTINCT " + pick(cols, 's').sql() + ") >= 2", "SUM(LENGTH("
                    + pick(cols, 's').sql() + ")) > 20")));
        }
        sb.append(orderByAll(items.size()));
        if (random.nextInt(3) == 0) {
            sb.append(limit());
        }
        return sb.toString();
    }

    private String aggregateCall(List<Col> cols) {
        Col s = pick(cols, 's');
        return switch (random.nextInt(8)) {
            case 0 -> "COUNT(*)";
            case 1 -> "COUNT(" + pick(cols).sql() + ")";
            case 2 -> "COUNT(DISTINCT " + s.sql() + ")";
            case 3 -> "MIN(" + stringExpr(cols, 1) + ")";
            case 4 -> "MAX(" + s.sql() + ")";
            case 5 -> "SUM(LENGTH(" + s.sql() + "))";
            // H2's LENGTH is BIGINT and AVG(BIGINT) is a DECIMAL; over INTEGER both engines give DOUBLE.
            case 6 -> "AVG(CAST(LENGTH(" + s.sql() + ") AS INTEGER))";
            default -> "COUNT(CASE WHEN " + predicate(cols, 1) + " THEN 1 END)";
        };
    }

    private String globalAggregate(boolean configs) {
        List<Col> cols = configs ? configColumns(null) : bucketColumns(null);
        List<String> items = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(aggregateCall(cols));
        }
        return "SELECT " + String.join(", ", items) + " FROM " + from(configs, null)
                + (random.nextBoolean() ? " WHERE " + predicate(cols, 0) : "");
    }

    private String join() {
        boolean left = random.nextBoolean();
        List<Col> cols = new ArrayList<>(bucketColumns("b"));
        cols.addAll(configColumns("c"));
        int n = 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", selectList(cols, n)))
                .append(" FROM ").append(from(false, "b")).append(left ? " LEFT JOIN " : pick(List.of(" JOIN ",
                        " INNER JOIN "))).append(from(true, "c")).append(" ON c.bucket = b.name");
        if (random.nextInt(3) == 0) {
            sb.append(" AND ").append(predicate(configColumns("c"), 1));
        }
        if (random.nextInt(4) > 0) {
            sb.append(" WHERE ").append(random.nextBoolean() ? predicate(cols, 0)
                    : predicate(random.nextBoolean() ? bucketColumns("b") : configColumns("c"), 1));
        }
        return sb.append(orderByAll(n)).append(random.nextInt(3) == 0 ? limit() : "").toString();
    }

    /**
     * DBeaver's filter wrapper and nested derived tables, filtered on the inner query's output columns;
     * sometimes over an inner query that groups or limits, where the filter must stay outside.
     */
    private String derived() {
        if (random.nextInt(4) == 0) {
            return derivedOverAggregate();
        }
        boolean configs = table();
        List<Col> cols = configs ? configColumns(null) : bucketColumns(null);
        String inner = "SELECT * FROM " + from(configs, null) + (random.nextBoolean() ? " WHERE " + predicate(cols, 1)
                : "");
        if (random.nextInt(3) == 0) {
            inner = "SELECT * FROM (" + inner + ") z_in";
        }
        if (random.nextInt(4) == 0) {
            inner += " ORDER BY " + (configs ? "bucket, id" : "name") + " LIMIT " + (2 + random.nextInt(8));
        }
        int n = 1 + random.nextInt(3);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("z_q." + pick(cols).name());
        }
        return "SELECT " + String.join(", ", items) + " FROM (\n" + inner + "\n) z_q WHERE (" + predicate(cols, 1) + ")"
                + orderByAll(n) + (random.nextBoolean() ? limit() : "");
    }

    /** A grouped derived table filtered and ordered outside: the filter cannot move into it. */
    private String derivedOverAggregate() {
        List<Col> cols = configColumns(null);
        Col key = pick(cols, 's');
        String inner = "SELECT " + key.sql() + " AS k, COUNT(*) AS n, MIN(id) AS first_id FROM "
                + from(true, null) + (random.nextBoolean() ? " WHERE " + predicate(cols, 1) : "") + " GROUP BY "
                + key.sql();
        String filter = switch (random.nextInt(3)) {
            case 0 -> "g.n > 1";
            case 1 -> "g.k IS NOT NULL AND g.first_id < 'm'";
            default -> "g.n = 1 OR g.k LIKE '%a%'";
        };
        return "SELECT g.k, g.n, g.first_id FROM (" + inner + ") AS g WHERE " + filter + orderByAll(3);
    }

    /** Outer joins filtered on the padded side, and joins that group. */
    private String joinVariant() {
        if (random.nextBoolean()) {
            String test = pick(List.of("c.id IS NULL", "c.filter_prefix IS NULL", "COALESCE(c.destination_format, 'none') = 'none'",
                    "c.is_enabled IS NOT TRUE", "c.id IS NOT NULL AND c.is_enabled"));
            return "SELECT b.name, c.id FROM " + from(false, "b") + " LEFT JOIN " + from(true, "c")
                    + " ON c.bucket = b.name" + (random.nextBoolean() ? " AND " + predicate(configColumns("c"), 1) : "")
                    + " WHERE " + test + orderByAll(2);
        }
        Col key = pick(bucketColumns("b"), 's');
        return "SELECT " + key.sql() + ", COUNT(c.id), COUNT(DISTINCT c.destination_format), MAX(c.id) FROM "
                + from(false, "b") + (random.nextBoolean() ? " LEFT JOIN " : " JOIN ") + from(true, "c")
                + " ON c.bucket = b.name GROUP BY " + key.sql() + orderByAll(4);
    }

    private String countWrapper() {
        nameColumns = true;
        try {
            return "SELECT COUNT(*) FROM (" + pick(List.<Supplier<String>>of(() -> plainSelect(table(), 1),
                    () -> aggregate(table()), this::join)).get() + "\n) dbvrcnt";
        } finally {
            nameColumns = false;
        }
    }

    /** Correlated and uncorrelated EXISTS, IN, NOT IN, scalar and quantified subqueries. */
    private String withSubquery() {
        boolean outerConfigs = table();
        String alias = outerConfigs ? "c" : "b";
        List<Col> cols = outerConfigs ? configColumns(alias) : bucketColumns(alias);
        String link = outerConfigs ? (random.nextBoolean() ? "c2.bucket = c.bucket" : "b2.name = c.bucket")
                : (random.nextBoolean() ? "c2.bucket = b.name" : "bucket = name");
        String innerTable = outerConfigs && link.startsWith("b2") ? from(false, "b2") : from(true, "c2");
        List<Col> innerCols = innerTable.endsWith("b2") ? bucketColumns("b2") : configColumns("c2");
        String extra = random.nextBoolean() ? " AND " + predicate(innerCols, 1) : "";
        String sub = switch (random.nextInt(7)) {
            case 0 -> (random.nextBoolean() ? "NOT " : "") + "EXISTS (SELECT 1 FROM " + innerTable + " WHERE " + link
                    + extra + ")";
            case 1 -> {
                Col c = pick(cols, 's');
                Col inner = innerCols.stream().filter(x -> x.name().equals(c.name())).findFirst()
                        .orElse(pick(innerCols, 's'));
                yield c.sql() + (random.nextBoolean() ? " NOT" : "") + " IN (SELECT " + inner.sql() + " FROM "
                        + innerTable + (extra.isEmpty() ? "" : " WHERE" + extra.substring(4)) + ")";
            }
            case 2 -> "(SELECT COUNT(*) FROM " + innerTable + " WHERE " + link + extra + ") " + pick(List.of("=", ">",
                    ">=", "<")) + " " + random.nextInt(3);
            case 3 -> {
                Col s = pick(innerCols, 's');
                yield "(SELECT MAX(" + s.sql() + ") FROM " + innerTable + " WHERE " + link + extra + ") IS "
                        + (random.nextBoolean() ? "NOT " : "") + "NULL";
            }
            case 4 -> {
                Col c = pick(cols, 's');
                Col inner = pick(innerCols, 's');
                yield c.sql() + " " + pick(List.of("=", "<>", "<", ">=")) + " " + pick(List.of("ANY", "ALL", "SOME"))
                        + " (SELECT " + inner.sql() + " FROM " + innerTable + " WHERE " + link + extra + ")";
            }
            case 5 -> "NOT EXISTS (SELECT 1 FROM " + innerTable + " WHERE " + link + " AND NOT EXISTS (SELECT 1 FROM "
                    + from(false, "b3") + " WHERE b3.name = " + (innerTable.endsWith("b2") ? "b2.name" : "c2.bucket")
                    + " AND b3.region = " + literalFor(new Col("", 's', false, "region")) + "))";
            default -> {
                Col c = pick(innerCols, 's');
                yield "(SELECT MIN(" + c.sql() + ") FROM " + innerTable + " WHERE " + link + ") "
                        + pick(List.of("=", "<>", "<", ">")) + " " + literalFor(c);
            }
        };
        int n = 1 + random.nextInt(2);
        List<String> items = selectList(cols, n);
        if (random.nextInt(5) == 0) {
            items.add("(SELECT COUNT(*) FROM " + innerTable + " WHERE " + link + extra + ") AS related");
            return "SELECT " + String.join(", ", items) + " FROM " + from(outerConfigs, alias) + orderByAll(items.size());
        }
        if (random.nextInt(4) == 0) {
            items.add("CASE WHEN " + sub + " THEN 'y' ELSE 'n' END");
            return "SELECT " + String.join(", ", items) + " FROM " + from(outerConfigs, alias) + orderByAll(items.size());
        }
        return "SELECT " + String.join(", ", items) + " FROM " + from(outerConfigs, alias) + " WHERE " + sub
                + (random.nextBoolean() ? " AND " + predicate(cols, 1) : "") + orderByAll(n);
    }
}
