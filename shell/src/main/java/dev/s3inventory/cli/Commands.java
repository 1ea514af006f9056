package dev.s3inventory.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The shell's own commands: backslash commands in the style of psql ({@code \d}, {@code \format csv},
 * ...), plus {@code help}, {@code quit} and {@code exit} as bare words, which newcomers type first.
 * A command is one line and needs no {@code ;} (a trailing one is ignored).
 */
final class Commands {
    /** Every command with its arguments and what it does: the help text and the completer read this. */
    static final List<String[]> HELP = List.of(
            new String[] {"\\d", "list the tables"},
            new String[] {"\\d TABLE", "describe a table: columns, types, keys (same as DESCRIBE TABLE)"},
            new String[] {"\\format [FORMAT]", "show or set the output format: " + Format.choices()},
            new String[] {"\\timing [on|off]", "show or set printing each statement's time (on standard error)"},
            new String[] {"\\i FILE", "run the statements of FILE (stops at the first failure)"},
            new String[] {"\\conninfo", "show the connection URL (secrets hidden)"},
            new String[] {"\\? or help", "show this help"},
            new String[] {"\\q, quit or exit", "leave (so does Ctrl-D)"});

    /** The command words, for TAB completion. */
    static final List<String> NAMES = List.of("\\?", "\\conninfo", "\\d", "\\dt", "\\format", "\\help", "\\i",
            "\\q", "\\timing");

    private final Session session;

    Commands(Session session) {
        this.session = session;
    }

    /** True when the line is one of these commands rather than SQL. */
    static boolean isCommand(String line) {
        String word = stripSemicolons(line).toLowerCase(Locale.ROOT);
        return line.strip().startsWith("\\") || word.equals("quit") || word.equals("exit") || word.equals("help");
    }

    Outcome run(String line) {
        String text = stripSemicolons(line);
        int space = indexOfSpace(text);
        String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        switch (name) {
            case "quit", "exit", "\\q" -> {
                return Outcome.QUIT;
            }
            case "help", "\\?", "\\h", "\\help" -> {
                help();
                return Outcome.OK;
            }
            case "\\d", "\\dt", "\\describe" -> {
                if (argument.isEmpty()) {
                    return ok(session.listTables());
                }
                return ok(session.execute("DESCRIBE " + argument));
            }
            case "\\format" -> {
                return format(argument);
            }
            case "\\timing" -> {
                return timing(argument);
            }
            case "\\i", "\\include" -> {
                return include(argument);
            }
            case "\\conninfo" -> {
                session.out().println("Connected to " + session.displayUrl());
                return Outcome.OK;
            }
            default -> {
                session.errors().error("unknown command '" + text + "' (\\? lists the commands)");
                return Outcome.FAILED;
            }
        }
    }

    private void help() {
        StringBuilder b = new StringBuilder("Statements end with ';' and may span lines. TAB completes tables, "
                + "columns and keywords;\nUp/Down and Ctrl-R search the history; Ctrl-C cancels a running statement.\n");
        for (String[] command : HELP) {
            b.append(String.format(Locale.ROOT, "  %-20s %s%n", command[0], command[1]));
        }
        b.append("Ready questions for the demo estate: docs/cookbook.md");
        session.out().println(b.toString().replace("\n", System.lineSeparator()));
        session.out().flush();
    }

    private Outcome format(String argument) {
        if (!argument.isEmpty()) {
            try {
                session.format(Format.parse(argument));
            } catch (CliOptions.UsageException e) {
                session.errors().error(e.getMessage());
                return Outcome.FAILED;
            }
        }
        // a remark about the shell, not data: standard error keeps csv/json output clean
        session.err().println("Output format is " + session.format().label() + ".");
        return Outcome.OK;
    }

    private Outcome timing(String argument) {
        switch (argument.toLowerCase(Locale.ROOT)) {
            case "" -> session.timing(!session.timing());
            case "on" -> session.timing(true);
            case "off" -> session.timing(false);
            default -> {
                session.errors().error("\\timing takes on or off (got '" + argument + "')");
                return Outcome.FAILED;
            }
        }
        session.err().println("Timing is " + (session.timing() ? "on" : "off") + ".");
        return Outcome.OK;
    }

    private Outcome include(String argument) {
        if (argument.isEmpty()) {
            session.errors().error("\\i needs a file name");
            return Outcome.FAILED;
        }
        Path file = Path.of(argument);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Outcome outcome = new ScriptRunner(session, this).run(reader, null, true);
            return outcome == Outcome.QUIT ? Outcome.OK : outcome; // \q inside the file ends the file only
        } catch (NoSuchFileException e) {
            session.errors().error("no such file: " + argument);
        } catch (IOException | RuntimeException e) {
            session.errors().error("cannot read " + argument + ": " + e, e);
        }
        return Outcome.FAILED;
    }

    private static Outcome ok(boolean succeeded) {
        return succeeded ? Outcome.OK : Outcome.FAILED;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static String stripSemicolons(String line) {
        String s = line.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
