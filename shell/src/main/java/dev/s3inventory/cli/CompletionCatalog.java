package dev.s3inventory.cli;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names TAB completes: tables and their columns, keywords and functions. Read once, when the
 * shell starts, from {@link DatabaseMetaData} (the driver answers from its catalog, never from S3).
 *
 * @param catalog  the catalog name, e.g. {@code aws}
 * @param schema   the schema name, e.g. {@code s3}
 * @param tables   table name (lower case) to its columns, in column order
 * @param keywords keywords and function names, upper case
 */
record CompletionCatalog(String catalog, String schema, Map<String, List<String>> tables, List<String> keywords) {

    /** The SQL the dialect understands (docs/sql-reference.md); the driver adds its own through getSQLKeywords. */
    private static final List<String> SQL_WORDS = List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS",
            "NULL", "LIKE", "ILIKE", "ESCAPE", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "DISTINCT",
            "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "FETCH", "NEXT",
            "ROWS", "ONLY", "JOIN", "INNER", "LEFT", "OUTER", "ON", "EXISTS", "TRUE", "FALSE", "INSERT", "INTO", "VALUES",
            "UPDATE", "SET", "DELETE", "TABLES", "COUNT", "MIN", "MAX", "SUM", "AVG", "VARCHAR", "BOOLEAN", "INTEGER",
            "BIGINT", "TIMESTAMP");

    static CompletionCatalog load(DatabaseMetaData md) throws SQLException {
        String catalog = null;
        String schema = null;
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, null, "%", null)) {
            while (rs.next()) {
                catalog = rs.getString("TABLE_CAT");
                schema = rs.getString("TABLE_SCHEM");
                tables.put(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
            }
        }
        try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                List<String> columns = tables.get(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                if (columns != null) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        TreeSet<String> keywords = new TreeSet<>(SQL_WORDS);
        for (String list : new String[] {md.getSQLKeywords(), md.getStringFunctions(), md.getNumericFunctions(),
            md.getSystemFunctions(), md.getTimeDateFunctions()}) {
            for (String word : list == null ? new String[0] : list.split(",")) {
                if (!word.isBlank()) {
                    keywords.add(word.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        tables.replaceAll((t, columns) -> List.copyOf(columns));
        return new CompletionCatalog(lower(catalog), lower(schema), Map.copyOf(tables), List.copyOf(keywords));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Table names in their catalog order (Map.copyOf loses it, so sort for a stable list). */
    List<String> tableNames() {
        return tables.keySet().stream().sorted().toList();
    }
}
