package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.s3.S3Gateway;
import dev.s3inventory.schema.Catalog;
import dev.s3inventory.schema.Column;
import dev.s3inventory.schema.SqlType;
import dev.s3inventory.schema.TableDef;
import dev.s3inventory.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seam between the JDBC facade and everything else, as Avatica's {@code Meta} is for its drivers:
 * executes a parsed statement against S3, describes its result columns and its parameters before
 * execution. {@code jdbc/} reaches the engine only through this class, the types of its signatures
 * ({@link ExecutionContext}, {@link BucketErrorPolicy}) and its results ({@link Result}, {@link Relation},
 * {@link ResultColumn}); {@code ArchitectureTest} holds it to that. One per connection; safe for
 * concurrent statements.
 */
public final class QueryEngine implements AutoCloseable {
    /** The default of the maxJoinRows connection property. */
    public static final long DEFAULT_MAX_JOIN_ROWS = 1_000_000;

    private final S3Gateway s3;
    private final FanOut fanOut;
    private final TableScanner scanner;
    /** Finds the rows a write's WHERE matches, past the listing cache: writes act on what S3 holds now. */
    private final TableScanner freshScanner;

    private final long maxJoinRows;

    public QueryEngine(S3Gateway s3, int maxConcurrency, BucketErrorPolicy policy) {
        this(s3, maxConcurrency, policy, DEFAULT_MAX_JOIN_ROWS);
    }

    /** @param maxJoinRows rows a join may materialise before its statement fails with 54000 */
    public QueryEngine(S3Gateway s3, int maxConcurrency, BucketErrorPolicy policy, long maxJoinRows) {
        this.maxJoinRows = maxJoinRows;
        this.s3 = s3;
        this.fanOut = new FanOut(maxConcurrency);
        this.scanner = new TableScanner(s3, fanOut, policy);
        this.freshScanner = new TableScanner(s3.withoutCache(), fanOut, policy);
    }

    public Result execute(SqlStatement statement, ExecutionContext ctx) throws SQLException {
        ctx.maxJoinRows(maxJoinRows);
        try {
            if (statement instanceof SqlStatement.Select select) {
                long limit = ctx.maxRows() > 0 ? ctx.maxRows() : Long.MAX_VALUE;
                return Result.rows(new SelectExecutor(scanner, ctx).run(select.query(), limit));
            }
            if (statement instanceof SqlStatement.ShowTables) {
                return Result.rows(showTables());
            }
            if (statement instanceof SqlStatement.Describe d) {
                return Result.rows(describe(SelectExecutor.resolve(d.table())));
            }
            if (statement instanceof SqlStatement.ShowMethods m) {
                return Result.rows(StackqlMethods.showMethods(SelectExecutor.resolve(m.table())));
            }
            // Writes call S3 from the statement's thread: bind every call to the statement's timeout and cancel.
            WriteExecutor writes = new WriteExecutor(new StatementBoundGateway(s3, fanOut, ctx), freshScanner, ctx);
            if (statement instanceof SqlStatement.Insert insert) {
                return Result.count(writes.insert(insert));
            }
            if (statement instanceof SqlStatement.Update update) {
                return Result.count(writes.update(update));
            }
            if (statement instanceof SqlStatement.Delete delete) {
                return Result.count(writes.delete(delete));
            }
            if (statement instanceof SqlStatement.Exec exec) {
                return Result.count(StackqlMethods.exec(exec, writes, ctx.parameters()));
            }
            throw Errors.unsupportedSql(statement.getClass().getSimpleName());
        } catch (RuntimeException e) {
            throw Errors.internal("executing the statement", e);
        } catch (StackOverflowError e) {
            throw Errors.tooComplex("executing"); // e.g. 2,000 ANDed terms: the stack unwound, nothing is lost
        }
    }

    /**
     * The result columns the statement would return, found without calling S3 (PreparedStatement.getMetaData
     * before execution).
     *
     * @param parameters the values bound so far, null where none is
     * @return empty for a statement without rows, or whose shape cannot be known before execution
     */
    public Optional<List<ResultColumn>> describe(SqlStatement statement, List<Object> parameters) {
        return QueryDescriber.describe(statement, parameters);
    }

    /** The type of each {@code ?}, read from the column it stands for; null where no column says (ParameterMetaData). */
    public List<SqlType> parameterTypes(SqlStatement statement, int parameterCount) {
        return ParameterTypes.of(statement, parameterCount);
    }

    private static Relation showTables() {
        List<ResultColumn> columns = List.of(ResultColumn.computed("table_catalog", SqlType.VARCHAR, false),
                ResultColumn.computed("table_schema", SqlType.VARCHAR, false),
                ResultColumn.computed("table_name", SqlType.VARCHAR, false),
                ResultColumn.computed("remarks", SqlType.VARCHAR, false));
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : Catalog.TABLES) {
            rows.add(new Object[] {Catalog.CATALOG, Catalog.SCHEMA, t.name(), t.remarks()});
        }
        return new Relation(columns, rows);
    }

    private static Relation describe(TableDef table) {
        List<ResultColumn> columns = List.of(ResultColumn.computed("column_name", SqlType.VARCHAR, false),
                ResultColumn.computed("type", SqlType.VARCHAR, false),
                ResultColumn.computed("nullable", SqlType.BOOLEAN, false),
                ResultColumn.computed("primary_key", SqlType.BOOLEAN, false),
                ResultColumn.computed("writable", SqlType.BOOLEAN, false),
                ResultColumn.computed("remarks", SqlType.VARCHAR, false));
        List<Object[]> rows = new ArrayList<>();
        for (Column c : table.columns()) {
            rows.add(new Object[] {c.name(), c.type().typeName(), c.nullable(), table.primaryKey().contains(c.name()),
                table.writable() && c.writable(), c.remarks()});
        }
        return new Relation(columns, rows);
    }

    @Override
    public void close() {
        fanOut.close();
        s3.close();
    }
}
