package dev.s3inventory.testing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query result read through JDBC, for comparing two engines. The only normalisation is the one
 * documented type difference between H2 and the driver, the Java class of numbers (INTEGER vs
 * BIGINT, DOUBLE vs DECIMAL): numbers compare by value. Every other value must be equal as is.
 */
public record QueryResult(List<String> labels, List<List<Object>> rows) {

    public static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            labels.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= labels.size(); i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(labels, rows);
    }

    /** Same rows: in the same order when {@code ordered}, else as multisets. */
    public boolean sameRowsAs(QueryResult other, boolean ordered) {
        if (rows.size() != other.rows.size()) {
            return false;
        }
        List<List<Object>> a = normalized(rows);
        List<List<Object>> b = normalized(other.rows);
        if (ordered) {
            return a.equals(b);
        }
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (List<Object> row : a) {
            counts.merge(row, 1, Integer::sum);
        }
        for (List<Object> row : b) {
            Integer n = counts.get(row);
            if (n == null) {
                return false;
            }
            if (n == 1) {
                counts.remove(row);
            } else {
                counts.put(row, n - 1);
            }
        }
        return counts.isEmpty();
    }

    private static List<List<Object>> normalized(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> n = new ArrayList<>(row.size());
            for (Object v : row) {
                n.add(normalize(v));
            }
            out.add(n);
        }
        return out;
    }

    /** Numbers of any class become BigDecimal without trailing zeros; nothing else changes. */
    static Object normalize(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof Number n) {
            return normalize(new BigDecimal(n.toString()));
        }
        return v;
    }

    /** The result as a readable table: a header of labels, then one line per row of SQL literals. */
    public String render() {
        StringBuilder sb = new StringBuilder(String.join(" | ", labels)).append('\n');
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(literal(v));
            }
            sb.append(String.join(" | ", cells)).append('\n');
        }
        return sb.toString();
    }

    /** Values written as SQL would write them: 'text', 42, 1.5, TRUE, NULL, TIMESTAMP '...'. */
    static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Timestamp t) {
            return "TIMESTAMP '" + t + "'";
        }
        if (v instanceof Number) {
            return ((BigDecimal) normalize(v)).toPlainString();
        }
        return Objects.toString(v);
    }
}
