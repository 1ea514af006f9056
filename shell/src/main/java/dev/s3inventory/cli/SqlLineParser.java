package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the buffer is a whole input and where the word under the cursor is.
 *
 * <p>Enter accepts the buffer only when it is a command line ({@code \d}, {@code quit}) or its SQL ends
 * with {@code ;} outside literals and comments; otherwise JLine continues the buffer on a new line, so
 * a multi-line statement is edited and kept in the history as one entry.
 *
 * <p>Words for completion are SQL words, not shell words: {@code name,reg} has the word {@code reg},
 * and dots, quotes and a leading backslash belong to the word ({@code aws.s3.bu}, {@code \form}).
 */
final class SqlLineParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line)) {
            throw new EOFError(-1, -1, "the statement goes on until ';'", ";");
        }
        return words(line, cursor);
    }

    /** A backslash is part of a command, never an escape. */
    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    static boolean isComplete(String buffer) {
        if (buffer.isBlank()) {
            return true;
        }
        String first = buffer.strip().lines().findFirst().orElse("");
        if (Commands.isCommand(first)) {
            return true;
        }
        StatementSplitter splitter = new StatementSplitter();
        buffer.lines().forEach(splitter::feed);
        return splitter.isEmpty();
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '"' || c == '\\';
    }

    /** Splits the buffer into SQL words and finds the one at the cursor (empty between words). */
    static CompletingParsedLine words(String line, int cursor) {
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        String word = "";
        int wordCursor = 0;
        int i = 0;
        while (i <= line.length()) {
            int start = i;
            while (i < line.length() && isWordChar(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (cursor >= start && cursor <= i && wordIndex < 0) {
                    wordIndex = words.size();
                    word = line.substring(start, i);
                    wordCursor = cursor - start;
                }
                words.add(line.substring(start, i));
            } else {
                if (i == cursor && wordIndex < 0) {
                    wordIndex = words.size();
                    words.add(""); // the cursor stands between words: complete an empty one
                }
                i++;
            }
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
        }
        return new Words(word, wordCursor, wordIndex, List.copyOf(words), line, cursor);
    }

    /** SQL words need no shell escaping: a candidate replaces the word exactly as it is. */
    private record Words(String word, int wordCursor, int wordIndex, List<String> words, String line, int cursor)
            implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
