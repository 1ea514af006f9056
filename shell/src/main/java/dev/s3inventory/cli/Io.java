package dev.s3inventory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.jline.terminal.Terminal;

/**
 * Where the shell reads and writes, and what those streams are. {@link Main#main} describes the real
 * process; tests describe a fake one (a "terminal" on standard error, an in-memory JLine terminal) to
 * exercise the interactive paths without a real terminal.
 *
 * @param in                  standard input
 * @param out                 standard output: results only
 * @param err                 standard error: errors, warnings, progress, timing
 * @param interactive         standard input and output are a terminal: run the line editor
 * @param stderrIsTerminal    standard error is a terminal: show the progress line
 * @param progressDelayMillis how long a statement runs before the progress line appears
 * @param terminal            opens the line editor's terminal when interactive
 */
record Io(InputStream in, PrintStream out, PrintStream err, boolean interactive, boolean stderrIsTerminal,
        long progressDelayMillis, TerminalOpener terminal) {

    /** Opens the JLine terminal; may fail, and the shell then falls back to plain line input. */
    @FunctionalInterface
    interface TerminalOpener {
        Terminal open(boolean verbose) throws IOException;
    }

    /** Plain streams, no terminal anywhere: how scripts and tests run the shell. */
    static Io plain(InputStream in, PrintStream out, PrintStream err) {
        return new Io(in, out, err, false, false, 0, verbose -> {
            throw new IOException("no terminal");
        });
    }
}
