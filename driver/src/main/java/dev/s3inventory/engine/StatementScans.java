package dev.s3inventory.engine;

import dev.s3inventory.schema.TableDef;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table rows one statement has fetched, so that S3 is asked once per statement however often a
 * table is read: by a correlated subquery once per outer row, or by both sides of a self-join.
 * Pushdown only narrows, so a complete scan of a table also serves every narrower request for it.
 */
final class StatementScans {
    private final TableScanner scanner;
    private final ExecutionContext ctx;
    private final Map<Key, List<Object[]>> complete = new HashMap<>();

    /** What was asked of S3 (ScanRequest without its "exact" flag, which does not change the rows). */
    private record Key(TableDef table, Set<String> buckets, String prefix, String id, String region) {
        static Key of(TableDef table, ScanRequest r) {
            return new Key(table, r.buckets(), r.bucketPrefix(), r.id(), r.region());
        }
    }

    StatementScans(TableScanner scanner, ExecutionContext ctx) {
        this.scanner = scanner;
        this.ctx = ctx;
    }

    ExecutionContext context() {
        return ctx;
    }

    /**
     * The rows of {@code table} that {@code request} may match (a superset: callers filter again).
     *
     * @param enough stop once this many rows were fetched (Long.MAX_VALUE: fetch all); a partial fetch is
     *               not kept for reuse
     */
    List<Object[]> rows(TableDef table, ScanRequest request, long enough) throws SQLException {
        Key key = Key.of(table, request);
        List<Object[]> cached = complete.get(new Key(table, null, null, null, null));
        if (cached == null) {
            cached = complete.get(key);
        }
        if (cached != null) {
            return cached;
        }
        List<Object[]> rows = scanner.scan(table, request, ctx, enough);
        if (enough == Long.MAX_VALUE) {
            complete.put(key, rows);
        }
        return rows;
    }
}
