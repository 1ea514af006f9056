package dev.s3inventory.sql;

import dev.s3inventory.sql.Query.TableRef;
import java.util.List;
import java.util.Map;

/** Every statement the driver understands, as produced by {@link SqlParser}. */
public sealed interface SqlStatement {

    /** A query; returns rows. */
    record Select(Query query) implements SqlStatement {
    }

    /** {@code INSERT INTO t (cols) VALUES (...), (...)}. */
    record Insert(TableRef table, List<String> columns, List<List<Expr>> rows) implements SqlStatement {
    }

    record Assignment(String column, Expr value) {
    }

    /** {@code UPDATE t SET c = v, ... WHERE ...}; where may be null (and is then refused). */
    record Update(TableRef table, List<Assignment> assignments, Expr where) implements SqlStatement {
    }

    /** {@code DELETE FROM t WHERE ...}; where may be null (and is then refused). */
    record Delete(TableRef table, Expr where) implements SqlStatement {
    }

    /** {@code SHOW TABLES}. */
    record ShowTables() implements SqlStatement {
    }

    /** StackQL's {@code SHOW METHODS IN aws.s3.bucket_inventory_configurations}. */
    record ShowMethods(TableRef table) implements SqlStatement {
    }

    /** {@code DESCRIBE t}. */
    record Describe(TableRef table) implements SqlStatement {
    }

    /** StackQL's {@code EXEC aws.s3.<resource>.<method> @p='v', @@json='{..}'}; keys keep their @ signs. */
    record Exec(TableRef resource, String method, Map<String, Expr> arguments) implements SqlStatement {
    }
}
