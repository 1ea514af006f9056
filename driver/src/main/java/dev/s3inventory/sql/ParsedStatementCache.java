package dev.s3inventory.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements parsed most recently, by their exact text. Tools re-execute the same text over and
 * over (DBeaver for every page and refresh, report tools for every fill, applications in loops), and
 * JSqlParser costs more than half of a warm point query's time in the driver (docs/benchmarks.md).
 * A {@link SqlParser.Parsed} is a pure function of the text and immutable, so one cache serves every
 * connection. Failures are not kept: they are rare, and their messages must stay exact.
 */
final class ParsedStatementCache {
    private final int maxEntries;
    private final int maxTextLength;
    private final Map<String, SqlParser.Parsed> entries;

    ParsedStatementCache(int maxEntries, int maxTextLength) {
        this.maxEntries = maxEntries;
        this.maxTextLength = maxTextLength;
        this.entries = new LinkedHashMap<>(16, 0.75f, true); // access order: least recently used first
    }

    synchronized SqlParser.Parsed get(String sql) {
        return entries.get(sql);
    }

    /** Keeps a parse, unless its text is too long to be worth the memory. */
    synchronized void put(String sql, SqlParser.Parsed parsed) {
        if (sql.length() > maxTextLength) {
            return;
        }
        entries.put(sql, parsed);
        if (entries.size() > maxEntries) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
