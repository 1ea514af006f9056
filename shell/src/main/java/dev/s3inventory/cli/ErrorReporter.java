package dev.s3inventory.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Map;

/**
 * Writes failures as one line on standard error, {@code error [SQLSTATE]: message}, with a hint where
 * the shell knows more than the driver's message says, and warnings as {@code warning: message}. A
 * stack trace follows only with {@code --verbose}: scripts and people want the line, not the trace.
 */
final class ErrorReporter {
    /** Hints that add what the driver cannot know: the shell's own flags and the demo. */
    private static final Map<String, String> HINTS = Map.of(
            "08001", "For the demo run bin/s3inventory (it starts LocalStack); for AWS check the network, "
                    + "--region and --endpoint.",
            "28000", "Check --profile (for SSO: aws sso login --profile NAME) or the AWS_* environment variables.",
            "42501", "The credentials need s3:ListAllMyBuckets and s3:GetInventoryConfiguration "
                    + "(s3:PutInventoryConfiguration to write).",
            "42S22", "In the shell, TAB completes column names.");

    /** Hints that only hold in the interactive line editor, where TAB completes. */
    private static final java.util.Set<String> LINE_EDITOR_HINTS = java.util.Set.of("42S22");

    private final PrintStream err;
    private final boolean verbose;
    private final boolean lineEditor;

    /** A reporter for scripts and one-off messages: no hint about the line editor. */
    ErrorReporter(PrintStream err, boolean verbose) {
        this(err, verbose, false);
    }

    /** @param lineEditor statements come from the interactive line editor, where TAB completes */
    ErrorReporter(PrintStream err, boolean verbose, boolean lineEditor) {
        this.err = err;
        this.verbose = verbose;
        this.lineEditor = lineEditor;
    }

    void error(SQLException e) {
        String state = e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // DriverManager's "No suitable driver found for <url>" would show the URL with its secrets.
        message = ConnectionUrl.redact(oneLine(message));
        String hint = state == null || (!lineEditor && LINE_EDITOR_HINTS.contains(state)) ? null : HINTS.get(state);
        if (hint != null && !message.isEmpty() && ".!?".indexOf(message.charAt(message.length() - 1)) < 0) {
            message += ".";
        }
        err.println("error" + (state == null || state.isEmpty() ? "" : " [" + state + "]") + ": " + message
                + (hint == null ? "" : " Hint: " + hint));
        trace(e);
    }

    /** A failure that is not the driver's (a command, a file, a bug): one line, trace with --verbose. */
    void error(String message, Throwable cause) {
        err.println("error: " + oneLine(message));
        trace(cause);
    }

    void error(String message) {
        error(message, null);
    }

    void warnings(SQLWarning first) {
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            err.println("warning: " + oneLine(w.getMessage()));
        }
        err.flush();
    }

    boolean verbose() {
        return verbose;
    }

    private void trace(Throwable t) {
        if (verbose && t != null) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    /** Collapses a multi-line message onto one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
