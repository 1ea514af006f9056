package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one SELECT statement: compiles it and its subqueries once ({@link QueryPlanner}), then
 * executes the plan. Every table read of the statement goes through one {@link StatementScans},
 * so S3 is asked once per table and request however many times a subquery runs.
 */
final class SelectExecutor {
    private final StatementScans scans;

    SelectExecutor(TableScanner scanner, ExecutionContext ctx) {
        this.scans = new StatementScans(scanner, ctx);
    }

    /** @param outerLimit at most this many rows are wanted (Statement.setMaxRows), else Long.MAX_VALUE */
    Relation run(Query q, long outerLimit) throws SQLException {
        return new QueryPlanner(scans).plan(q).execute(outerLimit);
    }

    static TableDef resolve(Query.TableRef t) throws SQLException {
        return Catalog.table(t.catalog(), t.schema(), t.name())
                .orElseThrow(() -> Errors.unknownTable(dotted(t)));
    }

    private static String dotted(Query.TableRef t) {
        return (t.catalog() == null ? "" : t.catalog() + ".") + (t.schema() == null ? "" : t.schema() + ".") + t.name();
    }

    static RowType rowType(TableDef table, String qualifier) {
        List<RowType.Field> fields = new ArrayList<>();
        for (dev.s3inventory.schema.Column c : table.columns()) {
            fields.add(new RowType.Field(qualifier, c.name(), ResultColumn.of(table, c, c.name())));
        }
        return new RowType(fields);
    }
}
