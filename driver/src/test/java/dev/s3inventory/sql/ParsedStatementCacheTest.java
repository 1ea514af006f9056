package dev.s3inventory.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ParsedStatementCacheTest {

    @Test
    void theSameTextIsParsedOnce() throws SQLException {
        String sql = "SELECT id FROM aws.s3.bucket_inventory_configurations WHERE bucket = 'cache-test-1'";
        SqlParser.Parsed first = SqlParser.parse(sql);
        assertSame(first, SqlParser.parse(sql), "the second parse of the same text is the kept one");
        assertNotSame(first, SqlParser.parse(sql + " "), "a different text is parsed on its own");
    }

    @Test
    void failuresAreNotKeptAndStayExact() {
        String sql = "SELECT FROM WHERE cache-test-2";
        SQLException first = assertThrows(SQLException.class, () -> SqlParser.parse(sql));
        SQLException second = assertThrows(SQLException.class, () -> SqlParser.parse(sql));
        assertNotSame(first, second);
        assertEquals(first.getMessage(), second.getMessage());
        assertEquals(first.getSQLState(), second.getSQLState());
    }

    @Test
    void theLeastRecentlyUsedStatementMakesRoom() throws SQLException {
        ParsedStatementCache cache = new ParsedStatementCache(2, 100);
        SqlParser.Parsed a = SqlParser.parse("SELECT 1");
        SqlParser.Parsed b = SqlParser.parse("SELECT 2");
        SqlParser.Parsed c = SqlParser.parse("SELECT 3");
        cache.put("a", a);
        cache.put("b", b);
        assertSame(a, cache.get("a")); // a is now the most recently used
        cache.put("c", c);
        assertNull(cache.get("b"), "b was the least recently used");
        assertSame(a, cache.get("a"));
        assertSame(c, cache.get("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void longTextsAreNotKept() throws SQLException {
        ParsedStatementCache cache = new ParsedStatementCache(2, 10);
        cache.put("SELECT 1 + 1", SqlParser.parse("SELECT 1 + 1"));
        assertNull(cache.get("SELECT 1 + 1"));
        assertEquals(0, cache.size());
    }
}
