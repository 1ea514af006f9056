package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * TAB completion from the {@link CompletionCatalog}: what fits where the cursor stands.
 * <ul>
 * <li>after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE}, {@code DESCRIBE}, {@code \d}: table names;
 * <li>{@code aws.} → {@code aws.s3.}, {@code aws.s3.b} → the tables; {@code t.} or {@code alias.} → that table's columns;
 * <li>elsewhere: columns of the tables the statement names (all columns before it names one), keywords and
 *     functions, in the case the word is typed in;
 * <li>a line starting with {@code \}: the shell's commands, then their arguments.
 * </ul>
 * {@link #suggest} is the whole logic, without a terminal, so that tests can call it.
 */
final class SqlCompleter implements Completer {
    private static final Set<String> TABLE_CONTEXT = Set.of("FROM", "JOIN", "INTO", "UPDATE", "DESCRIBE", "DESC", "TABLE");
    /** A table reference and its alias: {@code FROM aws.s3.buckets b}, {@code JOIN "buckets" AS b}. */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|UPDATE|INTO|DESCRIBE)\\s+([\\w.\"]+)(?:\\s+(?:AS\\s+)?([A-Za-z_]\\w*))?");

    /**
     * One completion: the text that replaces the word, and whether JLine adds a space after it. Tables
     * and keywords get one; columns do not, since a comma, a parenthesis or an operator usually follows.
     */
    record Suggestion(String value, boolean complete) {
    }

    private final CompletionCatalog catalog;

    SqlCompleter(CompletionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (Suggestion s : suggest(line.line(), line.cursor())) {
            candidates.add(new Candidate(s.value(), s.value(), null, null, null, null, s.complete()));
        }
    }

    /** The completions of the word that ends at {@code cursor}, sorted, matching what is typed (any case). */
    List<Suggestion> suggest(String buffer, int cursor) {
        String before = buffer.substring(0, Math.min(cursor, buffer.length()));
        int start = before.length();
        while (start > 0 && SqlLineParser.isWordChar(before.charAt(start - 1))) {
            start--;
        }
        String word = before.substring(start);
        // What precedes the word decides the context; the whole statement, including what follows the
        // cursor, names the tables (SELECT is typed before FROM).
        String statement = currentStatement(before.substring(0, start));
        String whole = statement + buffer.substring(start);
        Map<String, Boolean> found = new TreeMap<>();
        if (statement.isBlank() && word.startsWith("\\")) {
            Commands.NAMES.forEach(c -> found.put(c, true));
        } else if (statement.stripLeading().startsWith("\\")) {
            commandArguments(statement.strip(), found);
        } else if (word.indexOf('.') >= 0) {
            qualified(word.substring(0, word.lastIndexOf('.')), whole, found);
        } else if (TABLE_CONTEXT.contains(lastWord(statement)) || lastTwoWords(statement).equals("METHODS IN")) {
            tables(found);
        } else {
            general(whole, word, found);
        }
        List<Suggestion> matching = new ArrayList<>();
        String typed = unquote(word).toLowerCase(Locale.ROOT);
        found.forEach((value, complete) -> {
            if (unquote(value).toLowerCase(Locale.ROOT).startsWith(typed)) {
                matching.add(new Suggestion(value, complete));
            }
        });
        return matching;
    }

    private void commandArguments(String commandLine, Map<String, Boolean> found) {
        String command = commandLine.split("\\s+")[0].toLowerCase(Locale.ROOT);
        switch (command) {
            case "\\d", "\\dt", "\\describe" -> tables(found);
            case "\\format" -> {
                for (Format f : Format.values()) {
                    found.put(f.label(), true);
                }
            }
            case "\\timing" -> {
                found.put("on", true);
                found.put("off", true);
            }
            default -> {
                // \i takes a file name: no completion rather than a wrong one
            }
        }
    }

    private void tables(Map<String, Boolean> found) {
        catalog.tableNames().forEach(t -> found.put(t, true));
        if (catalog.catalog() != null && catalog.schema() != null) {
            found.put(catalog.catalog() + "." + catalog.schema() + ".", false);
        }
    }

    /** {@code qualifier.} typed: a schema path, a table or an alias decides what follows the dot. */
    private void qualified(String qualifier, String statement, Map<String, Boolean> found) {
        String q = unquote(qualifier).toLowerCase(Locale.ROOT);
        String cat = catalog.catalog();
        String schema = catalog.schema();
        if (q.equals(cat) && schema != null) {
            found.put(qualifier + "." + schema + ".", false);
            return;
        }
        if (q.equals(cat + "." + schema) || q.equals(schema)) {
            catalog.tableNames().forEach(t -> found.put(qualifier + "." + t, true));
            return;
        }
        String table = aliases(statement).getOrDefault(q, lastSegment(q));
        for (String column : catalog.tables().getOrDefault(table, List.of())) {
            found.put(qualifier + "." + column, false);
        }
    }

    private void general(String statement, String word, Map<String, Boolean> found) {
        List<String> named = new ArrayList<>(aliases(statement).values());
        List<String> tables = named.isEmpty() ? catalog.tableNames() : named;
        for (String t : tables) {
            catalog.tables().getOrDefault(t, List.of()).forEach(c -> found.put(c, false));
        }
        // Keywords come in the case the user types them in: select → select, SEL → SELECT.
        boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT))
                && !word.equals(word.toUpperCase(Locale.ROOT));
        for (String k : catalog.keywords()) {
            found.putIfAbsent(lower ? k.toLowerCase(Locale.ROOT) : k, true);
        }
    }

    /** Alias (or table name) to table, for the tables the statement names; keys and values lower case. */
    private Map<String, String> aliases(String statement) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Matcher m = TABLE_REFERENCE.matcher(statement);
        while (m.find()) {
            String table = lastSegment(unquote(m.group(1)).toLowerCase(Locale.ROOT));
            if (!catalog.tables().containsKey(table)) {
                continue;
            }
            aliases.put(table, table);
            String alias = m.group(2);
            if (alias != null && !catalog.keywords().contains(alias.toUpperCase(Locale.ROOT))) {
                aliases.put(alias.toLowerCase(Locale.ROOT), table);
            }
        }
        return aliases;
    }

    /** The text after the last {@code ;} that ends a statement: completion looks at one statement. */
    private static String currentStatement(String before) {
        StatementSplitter splitter = new StatementSplitter();
        String rest = before;
        int lineStart = 0;
        for (String line : before.split("\n", -1)) {
            if (!splitter.feed(line).isEmpty()) {
                rest = before.substring(lineStart + line.lastIndexOf(';') + 1);
            }
            lineStart += line.length() + 1;
        }
        return rest;
    }

    private static String lastWord(String text) {
        String[] words = text.strip().split("\\s+");
        return words[words.length - 1].toUpperCase(Locale.ROOT);
    }

    private static String lastTwoWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length < 2 ? "" : (words[words.length - 2] + " " + words[words.length - 1]).toUpperCase(Locale.ROOT);
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }
}
