package dev.s3inventory.engine;

import dev.s3inventory.s3.S3Gateway;
import dev.s3inventory.sql.SqlStatement;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result columns a statement would produce, found without calling S3, for
 * {@code PreparedStatement.getMetaData()} before execution (Jaspersoft Studio and Tableau read a
 * prepared query's columns that way). The statement is planned and run as usual, but against an S3
 * in which no bucket exists: names resolve, types are inferred and result columns are built exactly
 * as for a real execution, only no row is fetched.
 */
final class QueryDescriber {
    /**
     * Answers every gateway call with "nothing": an empty list, an empty Optional, false. A dynamic
     * proxy rather than a class, so that it keeps answering whatever methods S3Gateway grows (writes,
     * caching) without ever reaching S3.
     */
    private static final S3Gateway NO_BUCKETS = (S3Gateway) Proxy.newProxyInstance(
            S3Gateway.class.getClassLoader(), new Class<?>[] {S3Gateway.class}, (proxy, method, args) -> {
                Class<?> type = method.getReturnType();
                if (type == List.class) {
                    return List.of();
                }
                if (type == Optional.class) {
                    return Optional.empty();
                }
                if (type == boolean.class) {
                    return false;
                }
                if (type == int.class) {
                    return 0; // a count: nothing done
                }
                if (type == long.class) {
                    return 0L;
                }
                if (type == String.class) {
                    return "us-east-1"; // defaultRegion(); no request is made with it
                }
                if (method.getName().equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (method.getName().equals("equals")) {
                    return proxy == args[0];
                }
                return null;
            });

    /** One engine for all describes: it holds no state between statements and starts no thread without work. */
    private static final QueryEngine ENGINE = new QueryEngine(NO_BUCKETS, 1, BucketErrorPolicy.WARN);

    private QueryDescriber() {
    }

    /**
     * @param parameters the values bound so far, null where none is (a parameter's type may shape a column)
     * @return the columns, or empty for a statement that returns no rows or whose shape cannot be known
     *         before execution; errors (unknown table, ...) are left for execution to report, with the
     *         parameters bound
     */
    static Optional<List<ResultColumn>> describe(SqlStatement statement, List<Object> parameters) {
        if (!(statement instanceof SqlStatement.Select || statement instanceof SqlStatement.ShowTables
                || statement instanceof SqlStatement.Describe || statement instanceof SqlStatement.ShowMethods)) {
            return Optional.empty(); // writes: never run them, not even against no buckets
        }
        try {
            Result result = ENGINE.execute(statement, new ExecutionContext(new ArrayList<>(parameters), 0, 0));
            return result.hasRows() ? Optional.of(result.relation().columns()) : Optional.empty();
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
