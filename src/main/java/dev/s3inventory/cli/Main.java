package dev.s3inventory.cli;

import dev.s3inventory.cli.CliOptions.UsageException;
// The one class outside java.* this package may use besides the driver (reached only through
// DriverManager): the demo seeder, which needs the AWS SDK and therefore lives in the s3 package.
import dev.s3inventory.s3.DemoEstate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SQL runner over the driver: {@code -e} statements, a {@code -f} script, or statements
 * from standard input with a prompt on a terminal. Talks to the driver through {@code java.sql}
 * only ({@link DriverManager}), like any other client would.
 *
 * <p>Exit status: 0 success, 1 a statement failed, 2 bad usage or no connection.
 */
public final class Main {
    static final int OK = 0;
    static final int STATEMENT_FAILED = 1;
    static final int USAGE_OR_CONNECTION = 2;

    private static final String PROMPT = "s3inventory> ";
    private static final String CONTINUATION = "...> ";

    private final CliOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final ResultPrinter printer;
    private Connection connection;

    private Main(CliOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.printer = new ResultPrinter(options.format(), out);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, consoleCharset());
        PrintStream err = new PrintStream(System.err, true, consoleCharset());
        int status = run(args, System.in, out, err);
        out.flush();
        System.exit(status);
    }

    /** Everything {@link #main} does except exiting; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Try --help for the options.");
            return USAGE_OR_CONNECTION;
        }
        if (options.help()) {
            out.println(CliOptions.usage());
            out.flush();
            return OK;
        }
        if (options.seedDemo() != null) {
            return seedDemo(options, out, err);
        }
        Main main = new Main(options, out, err);
        try {
            return main.connectAndRun(in);
        } finally {
            out.flush();
        }
    }

    private static int seedDemo(CliOptions options, PrintStream out, PrintStream err) {
        try {
            out.println(DemoEstate.seed(URI.create(options.seedDemo())));
            out.flush();
            return OK;
        } catch (RuntimeException e) {
            err.println("error: could not seed the demo estate at " + options.seedDemo() + ": " + oneLine(e.toString()));
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            return USAGE_OR_CONNECTION;
        }
    }

    private int connectAndRun(InputStream in) {
        List<Reader> scripts = new ArrayList<>();
        boolean interactive = false;
        try {
            if (!options.commands().isEmpty()) {
                options.commands().forEach(sql -> scripts.add(new StringReader(sql)));
            } else if (options.file() != null) {
                scripts.add(new StringReader(Files.readString(Path.of(options.file()), StandardCharsets.UTF_8)));
            } else {
                interactive = in == System.in && isTerminal();
                scripts.add(new InputStreamReader(in, interactive ? consoleCharset() : StandardCharsets.UTF_8));
            }
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + options.file());
            return USAGE_OR_CONNECTION;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + options.file() + ": " + oneLine(e.toString()));
            return USAGE_OR_CONNECTION;
        }
        try {
            connection = DriverManager.getConnection(options.url());
        } catch (SQLException e) {
            reportError(e);
            return USAGE_OR_CONNECTION;
        }
        try {
            if (interactive) {
                out.println("Connected to " + CliOptions.redact(options.url())
                        + ". End statements with ';'; \\d lists tables, \\q quits.");
            }
            boolean failed = false;
            for (Reader script : scripts) {
                // -e and -f stop at the first failure; standard input goes on with the next statement.
                Outcome outcome = runScript(new BufferedReader(script), interactive, options.batch());
                failed |= outcome == Outcome.FAILED;
                if (outcome != Outcome.OK) {
                    break;
                }
            }
            return failed && !interactive ? STATEMENT_FAILED : OK;
        } catch (IOException e) {
            err.println("error: cannot read the input: " + oneLine(e.toString()));
            return STATEMENT_FAILED;
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                reportError(e); // the statements' outcome stands
            }
        }
    }

    /**
     * Runs the statements and commands of one script. Returns QUIT on {@code \q}, FAILED when a statement
     * failed (at once when stopOnError, else at the end), OK otherwise.
     */
    private Outcome runScript(BufferedReader reader, boolean interactive, boolean stopOnError) throws IOException {
        StatementSplitter splitter = new StatementSplitter();
        boolean failed = false;
        while (true) {
            if (interactive) {
                out.print(splitter.isEmpty() ? PROMPT : CONTINUATION);
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (splitter.isEmpty()) {
                String command = line.strip();
                if (command.isEmpty()) {
                    continue;
                }
                if (isCommand(command)) {
                    Outcome outcome = command(command);
                    if (outcome == Outcome.QUIT) {
                        return failed ? Outcome.FAILED : Outcome.QUIT;
                    }
                    if (outcome == Outcome.FAILED) {
                        failed = true;
                        if (stopOnError) {
                            return Outcome.FAILED;
                        }
                    }
                    continue;
                }
            }
            for (String sql : splitter.feed(line)) {
                if (!execute(sql)) {
                    failed = true;
                    if (stopOnError) {
                        return Outcome.FAILED;
                    }
                }
            }
        }
        if (interactive) {
            out.println();
        }
        String rest = splitter.flush(); // the last statement may lack its ';'
        if (rest != null && !execute(rest)) {
            failed = true;
        }
        return failed ? Outcome.FAILED : Outcome.OK;
    }

    private enum Outcome { OK, FAILED, QUIT }

    private static boolean isCommand(String line) {
        String word = stripSemicolons(line).toLowerCase(Locale.ROOT);
        return line.startsWith("\\") || word.equals("quit") || word.equals("exit");
    }

    private Outcome command(String line) {
        String text = stripSemicolons(line);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("quit") || lower.equals("exit") || lower.equals("\\q")) {
            return Outcome.QUIT;
        }
        if (lower.equals("\\?") || lower.equals("\\h")) {
            out.println("\\d          list tables");
            out.println("\\d TABLE    describe a table (same as DESCRIBE TABLE)");
            out.println("\\q          quit (also: quit, exit)");
            out.println("Statements end with ';' and may span lines.");
            return Outcome.OK;
        }
        if (lower.equals("\\d")) {
            return listTables() ? Outcome.OK : Outcome.FAILED;
        }
        if (lower.startsWith("\\d ") || lower.startsWith("\\d\t")) {
            return execute("DESCRIBE " + text.substring(2).strip()) ? Outcome.OK : Outcome.FAILED;
        }
        err.println("error: unknown command '" + text + "' (\\? lists the commands)");
        return Outcome.FAILED;
    }

    private static String stripSemicolons(String line) {
        String s = line.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private boolean listTables() {
        try {
            DatabaseMetaData md = connection.getMetaData();
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                        rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"), rs.getString("REMARKS")});
                }
            }
            printer.print(List.of("table_catalog", "table_schema", "table_name", "table_type", "remarks"),
                    new boolean[5], rows);
            return true;
        } catch (SQLException e) {
            reportError(e);
            return false;
        }
    }

    /** Executes one statement and prints its results and warnings; returns false when it failed. */
    private boolean execute(String sql) {
        Statement statement = null;
        try {
            statement = connection.createStatement();
            boolean hasRows = statement.execute(sql);
            while (true) {
                if (hasRows) {
                    try (ResultSet rs = statement.getResultSet()) {
                        printer.print(rs);
                        reportWarnings(rs.getWarnings());
                    }
                } else {
                    long count = statement.getLargeUpdateCount();
                    if (count < 0) {
                        break;
                    }
                    // Keep csv/tsv output pure data: the count goes to stderr there.
                    (options.format() == CliOptions.Format.TABLE ? out : err)
                            .println(ResultPrinter.rows(count) + " affected");
                }
                hasRows = statement.getMoreResults();
            }
            reportWarnings(statement.getWarnings());
            return true;
        } catch (SQLException e) {
            if (statement != null) {
                try {
                    reportWarnings(statement.getWarnings());
                } catch (SQLException ignored) {
                    // the error below is what matters
                }
            }
            reportError(e);
            return false;
        } catch (RuntimeException e) {
            err.println("error: " + oneLine(e.toString()));
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            return false;
        } finally {
            out.flush();
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // nothing useful to do
                }
            }
        }
    }

    private void reportWarnings(SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            err.println("warning: " + oneLine(w.getMessage()));
        }
    }

    private void reportError(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // DriverManager's "No suitable driver found for <url>" would show the URL with its secrets.
        message = CliOptions.redact(message);
        err.println("error" + (state == null || state.isEmpty() ? "" : " [" + state + "]") + ": " + oneLine(message));
        if (options.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** Collapses a multi-line message onto one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * True when standard input and output are a terminal. From Java 22 on {@link System#console()}
     * is not null for redirected streams either; {@code Console.isTerminal()} (22+) then decides.
     */
    private static boolean isTerminal() {
        Object console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = console.getClass().getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17-21: a non-null console is a terminal
        }
    }

    private static Charset consoleCharset() {
        String encoding = System.getProperty("stdout.encoding");
        try {
            return encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
