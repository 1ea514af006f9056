package dev.s3inventory.cli;

import dev.s3inventory.cli.CliOptions.UsageException;
// Besides java.sql, this package may use exactly these (ArchitectureTest): the demo seeder, which needs
// the AWS SDK and so lives in s3/, and the driver's public progress extension, reached through unwrap
// as any other client would.
import dev.s3inventory.jdbc.ProgressListener;
import dev.s3inventory.jdbc.ProgressReporting;
import dev.s3inventory.demo.DemoEstate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jline.terminal.Terminal;

/**
 * The SQL shell over the driver ({@code java -jar s3inventory-shell-<version>-all.jar}): a line-editing
 * prompt on a terminal, {@code -e} statements, a {@code -f} script, or statements piped in. Talks to
 * the driver through {@code java.sql} ({@link DriverManager}) like any other client.
 *
 * <p>Exit status (also in {@code --help} and the README): {@value #OK} success, {@value #STATEMENT_FAILED}
 * a statement or command failed, {@value #USAGE} bad usage, {@value #NO_CONNECTION} no connection.
 */
public final class Main {
    static final int OK = 0;
    static final int STATEMENT_FAILED = 1;
    static final int USAGE = 2;
    static final int NO_CONNECTION = 3;

    /** Quick statements show no progress line; this long a wait does. */
    private static final long PROGRESS_DELAY_MILLIS = 300;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, consoleCharset());
        PrintStream err = new PrintStream(System.err, true, consoleCharset());
        boolean interactive = Tty.interactive();
        Io io = new Io(System.in, out, err, interactive, Tty.stderr(), PROGRESS_DELAY_MILLIS, TerminalFactory::system);
        int status = run(args, io);
        out.flush();
        System.exit(status);
    }

    /** Everything {@link #main} does except exiting, on plain streams (no terminal); returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, Io.plain(in, out, err));
    }

    static int run(String[] args, Io io) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (UsageException e) {
            io.err().println("error: " + e.getMessage());
            io.err().println("Try --help for the options.");
            return USAGE;
        }
        try {
            if (options.help()) {
                io.out().println(Usage.text());
                return OK;
            }
            if (options.version()) {
                io.out().println("s3inventory-jdbc " + version());
                return OK;
            }
            if (options.seedDemo() != null) {
                return seedDemo(options, io);
            }
            if (options.demo() != null && !seedQuietly(options, io)) {
                return NO_CONNECTION;
            }
            return connectAndRun(options, io);
        } catch (RuntimeException | LinkageError e) {
            // A bug of ours or of a library: one line, the trace only when asked for.
            new ErrorReporter(io.err(), options.verbose()).error("unexpected failure: " + e, e);
            return STATEMENT_FAILED;
        } finally {
            io.out().flush();
        }
    }

    private static int seedDemo(CliOptions options, Io io) {
        try {
            if (options.resetDemo()) {
                resetDemo(options.seedDemo(), io);
            }
            io.out().println(DemoEstate.seed(URI.create(options.seedDemo())));
            return OK;
        } catch (RuntimeException e) {
            new ErrorReporter(io.err(), options.verbose()).error("could not seed the demo estate at "
                    + options.seedDemo() + ": " + e, e);
            return NO_CONNECTION;
        }
    }

    /** {@code --demo}: makes sure the estate is there before connecting; says only what went wrong. */
    private static boolean seedQuietly(CliOptions options, Io io) {
        try {
            if (options.resetDemo()) {
                resetDemo(options.demo(), io);
            }
            DemoEstate.seed(URI.create(options.demo()));
            return true;
        } catch (RuntimeException e) {
            new ErrorReporter(io.err(), options.verbose()).error("could not seed the demo estate at " + options.demo()
                    + " (is LocalStack running there? bin/s3inventory starts it): " + e.getMessage(), e);
            return false;
        }
    }

    /** {@code --reset-demo}: the demo account emptied, so that seeding starts from scratch. Said on stderr. */
    private static void resetDemo(String endpoint, Io io) {
        int removed = DemoEstate.reset(URI.create(endpoint));
        io.err().println("Reset the demo at " + endpoint + ": removed " + removed + " bucket(s) and their "
                + "configurations; seeding it afresh.");
    }

    /** The access key id that selects the demo's LocalStack account (for {@link DemoMode#url}). */
    static String demoAccessKeyId() {
        return DemoEstate.ACCESS_KEY_ID;
    }

    private static int connectAndRun(CliOptions options, Io io) {
        ErrorReporter errors = new ErrorReporter(io.err(), options.verbose());
        List<Reader> scripts = new ArrayList<>();
        try {
            if (!options.commands().isEmpty()) {
                options.commands().forEach(sql -> scripts.add(new StringReader(sql)));
            } else if ("-".equals(options.file())) {
                scripts.add(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
            } else if (options.file() != null) {
                scripts.add(new StringReader(Files.readString(Path.of(options.file()), StandardCharsets.UTF_8)));
            }
        } catch (NoSuchFileException e) {
            errors.error("no such file: " + options.file());
            return USAGE;
        } catch (IOException | RuntimeException e) {
            errors.error("cannot read " + options.file() + ": " + e, e);
            return USAGE;
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(options.url());
        } catch (SQLException e) {
            errors.error(e);
            String endpoint = EndpointProbe.afterConnectFailure(e, options.url());
            if (endpoint != null) {
                io.err().println(endpoint);
            }
            return NO_CONNECTION;
        }
        try (Session session = new Session(connection, options.url(), io, options, Main::attachProgress)) {
            Commands commands = new Commands(session);
            if (options.batch()) {
                for (Reader script : scripts) {
                    Outcome outcome = new ScriptRunner(session, commands).run(new BufferedReader(script), null, true);
                    if (outcome == Outcome.FAILED) {
                        return STATEMENT_FAILED;
                    }
                    if (outcome == Outcome.QUIT) {
                        break;
                    }
                }
                return OK;
            }
            if (io.interactive()) {
                return interactive(session, commands, options, io);
            }
            // Piped input runs to the end, like a script fed to psql; the status still reports a failure.
            Reader stdin = new InputStreamReader(io.in(), StandardCharsets.UTF_8);
            Outcome outcome = new ScriptRunner(session, commands).run(new BufferedReader(stdin), null, false);
            return outcome == Outcome.FAILED ? STATEMENT_FAILED : OK;
        } catch (IOException e) {
            errors.error("cannot read the input: " + e, e);
            return STATEMENT_FAILED;
        }
    }

    private static int interactive(Session session, Commands commands, CliOptions options, Io io) throws IOException {
        io.out().println(banner(session) + (options.demo() != null ? DemoMode.banner() : ""));
        io.out().flush();
        CompletionCatalog catalog;
        try {
            catalog = CompletionCatalog.load(session.connection().getMetaData());
        } catch (SQLException e) {
            catalog = new CompletionCatalog(null, null, Map.of(), List.of()); // TAB then completes nothing
        }
        Terminal terminal;
        try {
            terminal = io.terminal().open(options.verbose());
        } catch (Exception | LinkageError e) {
            // No line editor (an odd terminal, a missing stty): plain lines with a prompt still work.
            if (options.verbose()) {
                session.errors().error("line editing is not available (" + e + "); reading plain lines", e);
            }
            Reader stdin = new InputStreamReader(io.in(), consoleCharset());
            new ScriptRunner(session, commands).run(new BufferedReader(stdin), ScriptRunner.PROMPT, false);
            return OK;
        }
        try (terminal) {
            new InteractiveShell(session, commands, terminal, options.history(), catalog).run();
        }
        return OK;
    }

    private static String banner(Session session) {
        return String.join(System.lineSeparator(),
                "s3inventory-jdbc " + version() + " - SQL over S3 bucket inventory configurations",
                "Connected to " + session.displayUrl(),
                "End statements with ';'. TAB completes, \\d lists tables, \\? shows help, \\q quits.");
    }

    /** Connects a statement to the progress line through the driver's public extension. */
    private static void attachProgress(java.sql.Statement statement, ProgressLine line) throws SQLException {
        if (statement.isWrapperFor(ProgressReporting.class)) {
            ProgressListener listener = line::update;
            statement.unwrap(ProgressReporting.class).setProgressListener(listener);
        }
    }

    /** The version Maven wrote into the driver's resources, or "dev" when run from an IDE. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/dev/s3inventory/driver.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "dev"
        }
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
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
