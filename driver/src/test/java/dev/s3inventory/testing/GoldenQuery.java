package dev.s3inventory.testing;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hand-written dialect query: {@code NNN-name.sql} with its expected result in
 * {@code NNN-name.expected} next to it. Leading comment lines may carry directives:
 * <pre>
 * -- params: 'dx-billing', 2, TRUE, NULL     (bound with setString/setInt/setBoolean/setNull, in order)
 * -- maxRows: 3                              (Statement.setMaxRows)
 * -- unordered                               (compare as a multiset even though there is an ORDER BY)
 * </pre>
 * Rows are compared in order when the statement ends in an ORDER BY (written to determine the
 * order completely), otherwise as multisets.
 */
public record GoldenQuery(String name, String sql, List<Object> params, int maxRows, boolean ordered, Path expected) {
    private static final Pattern PARAM = Pattern.compile("\\s*('(?:[^']|'')*'|-?\\d+|TRUE|FALSE|NULL|"
            + "TIMESTAMP '[^']*')\\s*(,|$)", Pattern.CASE_INSENSITIVE);
    /** Marks a NULL parameter (bound with setNull). */
    public static final Object NULL = new Object();

    public static List<GoldenQuery> all(Path dir) throws IOException {
        List<GoldenQuery> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                out.add(read(p));
            }
        }
        return out;
    }

    static GoldenQuery read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Object> params = new ArrayList<>();
        int maxRows = 0;
        boolean unordered = false;
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (!t.startsWith("--")) {
                break;
            }
            String directive = t.substring(2).trim();
            if (directive.startsWith("params:")) {
                params = parseParams(directive.substring("params:".length()));
            } else if (directive.startsWith("maxRows:")) {
                maxRows = Integer.parseInt(directive.substring("maxRows:".length()).trim());
            } else if (directive.equals("unordered")) {
                unordered = true;
            }
        }
        String fileName = file.getFileName().toString();
        String base = fileName.substring(0, fileName.length() - ".sql".length());
        return new GoldenQuery(base, text.strip(), params, maxRows, !unordered && endsWithOrderBy(text),
                file.resolveSibling(base + ".expected"));
    }

    private static List<Object> parseParams(String list) {
        List<Object> out = new ArrayList<>();
        Matcher m = PARAM.matcher(list);
        int at = 0;
        while (at < list.length() && m.find(at) && m.start() == at) {
            String v = m.group(1);
            if (v.startsWith("'")) {
                out.add(v.substring(1, v.length() - 1).replace("''", "'"));
            } else if (v.equalsIgnoreCase("TRUE") || v.equalsIgnoreCase("FALSE")) {
                out.add(Boolean.valueOf(v.toLowerCase()));
            } else if (v.equalsIgnoreCase("NULL")) {
                out.add(NULL);
            } else if (v.regionMatches(true, 0, "TIMESTAMP", 0, 9)) {
                out.add(Timestamp.valueOf(v.substring(v.indexOf('\'') + 1, v.length() - 1)));
            } else {
                out.add(Integer.valueOf(v));
            }
            at = m.end();
        }
        if (!list.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read parameters: " + list);
        }
        return out;
    }

    /** True when the last clause at nesting depth 0 (outside quotes) is an ORDER BY (possibly with LIMIT/OFFSET after it). */
    public static boolean endsWithOrderBy(String sql) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (String line : sql.split("\n")) {
            String code = line.contains("--") && !line.contains("'") ? line.substring(0, line.indexOf("--")) : line;
            for (char ch : code.toCharArray()) {
                if (ch == '\'') {
                    quoted = !quoted;
                } else if (!quoted && ch == '(') {
                    depth++;
                } else if (!quoted && ch == ')') {
                    depth--;
                } else if (!quoted && depth == 0) {
                    top.append(Character.toUpperCase(ch));
                }
            }
            top.append(' ');
        }
        return top.toString().replaceAll("\\s+", " ").contains(" ORDER BY ");
    }

    /** Prepares, binds and runs the query on {@code connection}. */
    public QueryResult run(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return QueryResult.read(rs);
            }
        }
    }

    public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == NULL) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else if (p instanceof BigDecimal d) {
                ps.setBigDecimal(i + 1, d);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
