package dev.s3inventory.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s3inventory.testing.ExpectedRows;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregates, derived tables, joins and subqueries on LocalStack data, checked against answers
 * computed from the SDK's view (the differential suite against H2 is a separate, larger effort).
 */
class DialectAgainstLocalStackTest {
    private static InventoryEstate estate;
    private static Connection connection;
    private static List<List<Object>> expected;

    @BeforeAll
    static void seed() throws SQLException {
        estate = InventoryEstate.seed("dialect", 8);
        connection = DriverManager.getConnection(LocalStackEnvironment.jdbcUrl(null));
        expected = ExpectedRows.inventory(estate.prefix);
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static List<List<Object>> rows(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    private String mine() {
        return "bucket LIKE '" + estate.prefix + "%'";
    }

    @Test
    void countStarAndDbeaverCountWrapperAgree() throws SQLException {
        assertEquals(List.of(List.of((long) expected.size())),
                rows("SELECT COUNT(*) FROM aws.s3.bucket_inventory_configurations WHERE " + mine()));
        assertEquals(List.of(List.of((long) expected.size())), rows("SELECT COUNT(*) FROM (SELECT * FROM "
                + "aws.s3.bucket_inventory_configurations WHERE " + mine() + "\n) dbvrcnt"));
    }

    @Test
    void groupByWithHavingAndOrdinals() throws SQLException {
        Map<String, Long> byFormat = new TreeMap<>(expected.stream()
                .collect(Collectors.groupingBy(r -> (String) r.get(9), Collectors.counting())));
        List<List<Object>> want = new ArrayList<>();
        byFormat.forEach((format, count) -> {
            if (count >= 2) {
                want.add(List.of(format, count));
            }
        });
        assertEquals(want, rows("SELECT destination_format, COUNT(*) AS n FROM bucket_inventory_configurations WHERE "
                + mine() + " GROUP BY 1 HAVING COUNT(*) >= 2 ORDER BY 1"));
    }

    @Test
    void bucketsWithoutInventoryByNotInAndByLeftJoin() throws SQLException {
        List<List<Object>> want = new ArrayList<>();
        for (int i = 0; i < estate.buckets.size(); i++) {
            if (i % 4 == 0) {
                want.add(List.of(estate.buckets.get(i)));
            }
        }
        String prefix = estate.prefix;
        assertEquals(want, rows("SELECT name FROM aws.s3.buckets WHERE name LIKE '" + prefix + "%' AND name NOT IN "
                + "(SELECT bucket FROM aws.s3.bucket_inventory_configurations WHERE bucket LIKE '" + prefix + "%') "
                + "ORDER BY name"));
        assertEquals(want, rows("SELECT b.name FROM aws.s3.buckets b LEFT JOIN aws.s3.bucket_inventory_configurations c "
                + "ON c.bucket = b.name WHERE b.name LIKE '" + prefix + "%' AND c.id IS NULL ORDER BY b.name"));
    }

    @Test
    void dbeaverFilterWrapperAndCaseExpressions() throws SQLException {
        long enabled = expected.stream().filter(r -> Boolean.TRUE.equals(r.get(3))).count();
        assertEquals(List.of(List.of("on", enabled), List.of("off", expected.size() - enabled)),
                rows("SELECT CASE WHEN is_enabled THEN 'on' ELSE 'off' END AS state, COUNT(*) FROM (\n"
                        + "SELECT * FROM aws.s3.bucket_inventory_configurations\n) z_q WHERE (" + mine()
                        + ") GROUP BY CASE WHEN is_enabled THEN 'on' ELSE 'off' END ORDER BY 2 DESC"));
    }
}
