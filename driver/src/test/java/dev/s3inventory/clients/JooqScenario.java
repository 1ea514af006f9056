package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ 3.19 with {@code SQLDialect.DEFAULT}: {@code meta()} reads both tables, their columns (by position,
 * in the 24-column getColumns layout) and primary keys; DSL queries render quoted three-part names and
 * {@code limit ? offset ?} with bind values, and run through {@code execute()} + {@code getResultSet()}.
 * Run by JooqIT in a child JVM with the -all jar.
 *
 * <p>Arguments: JDBC URL, bucket-name prefix, then the expected {@code bucket/id} keys in order.
 */
public final class JooqScenario {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String prefix = args[1];
        List<String> keys = List.of(args).subList(2, args.length);
        try (Connection connection = DriverManager.getConnection(url)) {
            DSLContext ctx = DSL.using(connection, SQLDialect.DEFAULT);
            Meta meta = ctx.meta();
            Map<String, Table<?>> tables = new TreeMap<>();
            for (Table<?> t : meta.getTables()) {
                tables.put(t.getSchema().getName() + "." + t.getName(), t);
            }
            assertEquals(List.of("s3.bucket_inventory_configurations", "s3.buckets"), List.copyOf(tables.keySet()),
                    "meta().getTables()");
            Table<?> configs = tables.get("s3.bucket_inventory_configurations");
            Table<?> buckets = tables.get("s3.buckets");
            assertEquals(15, configs.fields().length);
            assertEquals("bucket", configs.fields()[0].getName());
            assertEquals("configuration_json", configs.fields()[14].getName());
            assertEquals(SQLDataType.BOOLEAN.getType(), configs.field("is_enabled").getType());
            assertEquals(List.of("name", "region", "creation_date"),
                    List.of(buckets.fields()).stream().map(Field::getName).toList());
            assertTrue(buckets.field("creation_date").getDataType().isTimestamp(), "TIMESTAMP from getColumnTypeName");
            assertNotNull(configs.getPrimaryKey(), "primary key from getPrimaryKeys");
            assertEquals(List.of("bucket", "id"), configs.getPrimaryKey().getFields().stream().map(Field::getName).toList());

            // A DSL query over the tables meta() found, with LIMIT and OFFSET as bind values.
            Field<String> bucket = configs.field("bucket", String.class);
            Field<String> id = configs.field("id", String.class);
            Select<Record2<String, String>> page = ctx.select(bucket, id).from(configs)
                    .where(bucket.like(prefix + "%")).orderBy(bucket, id.desc()).limit(2).offset(1);
            String sql = page.getSQL();
            assertTrue(sql.contains("limit ? offset ?"), sql);
            assertTrue(sql.contains("\"s3\".\"bucket_inventory_configurations\".\"bucket\""), sql);
            Result<Record2<String, String>> rows = ctx.fetch(page);
            List<String> sorted = keys.stream().sorted((a, b) -> {
                String[] x = a.split("/");
                String[] y = b.split("/");
                int c = x[0].compareTo(y[0]);
                return c != 0 ? c : y[1].compareTo(x[1]);
            }).toList();
            assertEquals(sorted.subList(1, 3), rows.map(r -> r.value1() + "/" + r.value2()), sql);

            // Plain-SQL names, as users write them, and the typed timestamp
            Table<Record> named = DSL.table(DSL.name("aws", "s3", "buckets"));
            Field<LocalDateTime> created = DSL.field(DSL.name("creation_date"), SQLDataType.LOCALDATETIME);
            Result<Record2<Object, LocalDateTime>> recent = ctx.select(DSL.field(DSL.name("name")), created).from(named)
                    .where(DSL.field(DSL.name("name"), String.class).like(prefix + "%")).limit(DSL.inline(100))
                    .fetch();
            assertTrue(recent.size() > 0);
            assertNotNull(recent.get(0).get(created));
            assertEquals(keys.size(), ctx.fetchCount(DSL.selectFrom(configs).where(bucket.like(prefix + "%"))));
        }
        System.out.println("JOOQ OK");
    }

    private JooqScenario() {
    }
}
