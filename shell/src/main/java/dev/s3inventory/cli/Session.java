package dev.s3inventory.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection and the settings the user can change while the shell runs ({@code \format},
 * {@code \timing}). Executes statements and prints their results, warnings, errors, timing and
 * progress; the script runner and the interactive shell both drive it.
 */
final class Session implements AutoCloseable {
    /** How often the progress line's clock is redrawn while a statement runs. */
    private static final long TICK_MILLIS = 200;

    /** Connects a statement to the progress line before it runs; {@link Main} supplies the driver's extension. */
    @FunctionalInterface
    interface ProgressHook {
        void attach(Statement statement, ProgressLine line) throws SQLException;
    }

    private final Connection connection;
    private final String displayUrl;
    private final PrintStream out;
    private final PrintStream err;
    private final ResultPrinter printer;
    private final ErrorReporter errors;
    /** Null unless standard error is a terminal. */
    private final ProgressLine progress;
    private final ProgressHook progressHook;
    private ScheduledExecutorService ticker;
    private Format format;
    private boolean timing;
    private volatile Statement running;

    Session(Connection connection, String url, Io io, CliOptions options, ProgressHook progressHook) {
        this.connection = connection;
        this.displayUrl = ConnectionUrl.redact(url);
        this.out = io.out();
        this.err = io.err();
        this.printer = new ResultPrinter(out);
        this.errors = new ErrorReporter(err, options.verbose(), io.interactive() && !options.batch());
        this.progress = io.stderrIsTerminal() ? new ProgressLine(err, io.progressDelayMillis(), System::currentTimeMillis)
                : null;
        this.progressHook = progressHook;
        this.format = options.format();
        this.timing = options.timing();
    }

    Format format() {
        return format;
    }

    void format(Format format) {
        this.format = format;
    }

    boolean timing() {
        return timing;
    }

    void timing(boolean timing) {
        this.timing = timing;
    }

    String displayUrl() {
        return displayUrl;
    }

    Connection connection() {
        return connection;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    ErrorReporter errors() {
        return errors;
    }

    /** Executes one statement and prints its results and warnings; returns false when it failed. */
    boolean execute(String sql) {
        long started = System.nanoTime();
        Statement statement = null;
        try {
            statement = connection.createStatement();
            ScheduledFuture<?> ticking = startProgress(statement);
            boolean hasRows;
            List<ResultTable> tables = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            try {
                running = statement;
                hasRows = statement.execute(sql);
                // Read everything before printing anything: the progress line must be gone first.
                while (true) {
                    if (hasRows) {
                        try (ResultSet rs = statement.getResultSet()) {
                            tables.add(ResultPrinter.read(rs));
                            errors.warnings(rs.getWarnings());
                        }
                    } else {
                        long count = statement.getLargeUpdateCount();
                        if (count < 0) {
                            break;
                        }
                        counts.add(count);
                    }
                    hasRows = statement.getMoreResults();
                }
            } finally {
                running = null;
                stopProgress(ticking);
            }
            tables.forEach(t -> printer.print(t, format));
            // Data formats keep standard output pure data: the count of a write goes to standard error.
            counts.forEach(c -> (format.isData() ? err : out).println(TableRenderer.rows(c) + " affected"));
            errors.warnings(statement.getWarnings());
            return true;
        } catch (SQLException e) {
            if (statement != null) {
                try {
                    errors.warnings(statement.getWarnings());
                } catch (SQLException ignored) {
                    // the error below is what matters
                }
            }
            errors.error(e);
            return false;
        } catch (RuntimeException e) {
            errors.error("unexpected failure: " + e, e);
            return false;
        } finally {
            out.flush();
            if (timing) {
                err.printf(Locale.ROOT, "Time: %.3f s%n", (System.nanoTime() - started) / 1e9);
            }
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // nothing useful to do
                }
            }
        }
    }

    /** Cancels the running statement, if any (Ctrl-C in the shell). */
    void cancel() {
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // it finished meanwhile
            }
        }
    }

    /** {@code \d}: the tables, from DatabaseMetaData (never from S3). */
    boolean listTables() {
        try {
            DatabaseMetaData md = connection.getMetaData();
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                        rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"), rs.getString("REMARKS")});
                }
            }
            printer.print(ResultTable.ofText(List.of("table_catalog", "table_schema", "table_name", "table_type",
                    "remarks"), rows), format);
            return true;
        } catch (SQLException e) {
            errors.error(e);
            return false;
        }
    }

    private ScheduledFuture<?> startProgress(Statement statement) throws SQLException {
        if (progress == null) {
            return null;
        }
        progressHook.attach(statement, progress);
        progress.start();
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "s3inventory-progress");
                t.setDaemon(true); // never keeps the JVM alive
                return t;
            });
        }
        return ticker.scheduleAtFixedRate(progress::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void stopProgress(ScheduledFuture<?> ticking) {
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (progress != null) {
            progress.clear();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            errors.error(e); // the statements' outcome stands
        }
    }
}
