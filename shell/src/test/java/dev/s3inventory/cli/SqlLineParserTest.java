package dev.s3inventory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** When Enter runs the buffer, and which word TAB completes. */
class SqlLineParserTest {
    private final SqlLineParser parser = new SqlLineParser();

    @Test
    void enterRunsOnlyWholeStatementsAndCommands() {
        for (String complete : List.of("", "   ", "SELECT 1;", "SELECT 1\n FROM buckets\n;", "SELECT ';' AS s;",
                "SELECT 1; SELECT 2;", "\\d", "\\d buckets", "\\format csv", "quit", "exit;", "help", "-- a note",
                "/* ; */")) {
            assertTrue(SqlLineParser.isComplete(complete), complete);
            parser.parse(complete, complete.length(), ParseContext.ACCEPT_LINE); // no EOFError
        }
        for (String open : List.of("SELECT 1", "SELECT 1\nFROM buckets", "SELECT ';", "SELECT 'it''s;", "SELECT 1 -- ;",
                "SELECT 1; SELECT 2", "SELECT /* ; */ 1")) {
            assertFalse(SqlLineParser.isComplete(open), open);
            assertThrows(EOFError.class, () -> parser.parse(open, open.length(), ParseContext.ACCEPT_LINE), open);
        }
        // Completion and other contexts never refuse the buffer.
        parser.parse("SELECT 1", 8, ParseContext.COMPLETE);
    }

    @Test
    void wordsAreSqlWords() {
        ParsedLine line = parser.parse("SELECT name,reg", 15, ParseContext.COMPLETE);
        assertEquals("reg", line.word());
        assertEquals(3, line.wordCursor());
        assertEquals(List.of("SELECT", "name", "reg"), line.words());
        assertEquals(2, line.wordIndex());

        ParsedLine qualified = parser.parse("SELECT * FROM aws.s3.bu", 23, ParseContext.COMPLETE);
        assertEquals("aws.s3.bu", qualified.word());

        ParsedLine between = parser.parse("SELECT  FROM x", 7, ParseContext.COMPLETE);
        assertEquals("", between.word());
        assertEquals(1, between.wordIndex());
        assertEquals("", between.words().get(between.wordIndex()));

        ParsedLine middle = parser.parse("SELECT region FROM x", 9, ParseContext.COMPLETE);
        assertEquals("region", middle.word());
        assertEquals(2, middle.wordCursor());

        assertEquals("\\form", parser.parse("\\form", 5, ParseContext.COMPLETE).word());
        assertFalse(parser.isEscapeChar('\\'), "a backslash starts a command, it escapes nothing");
    }
}
