package dev.s3inventory.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The line-editing shell: JLine reads whole statements (several lines until {@code ;}), keeps them in
 * a persistent history and completes names with TAB; {@link Session} runs them. Ctrl-C clears the line
 * being typed or cancels the running statement; Ctrl-D or {@code \q} leaves.
 */
final class InteractiveShell {
    private final Session session;
    private final Commands commands;
    private final Terminal terminal;
    private final Path history;
    private final CompletionCatalog catalog;

    /** @param history the history file, or null to keep none */
    InteractiveShell(Session session, Commands commands, Terminal terminal, Path history, CompletionCatalog catalog) {
        this.session = session;
        this.commands = commands;
        this.terminal = terminal;
        this.history = history;
        this.catalog = catalog;
    }

    /** Reads and runs until the user leaves; the outcome is never FAILED (people retype, scripts exit). */
    Outcome run() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("s3inventory")
                .parser(new SqlLineParser())
                .completer(new SqlCompleter(catalog))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, ScriptRunner.CONTINUATION)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 5000)
                // '!' is SQL (<>, !=), not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.INSERT_TAB, false);
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        LineReader reader = builder.build();
        while (true) {
            String text;
            try {
                text = reader.readLine(ScriptRunner.PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C while typing: drop the line, as shells do
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            if (run(text) == Outcome.QUIT) {
                break;
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.errors().error("could not save the history to " + history + ": " + e.getMessage(), e);
        }
        return Outcome.OK;
    }

    private Outcome run(String text) {
        if (text.isBlank()) {
            return Outcome.OK;
        }
        if (Commands.isCommand(text.strip().lines().findFirst().orElse(""))) {
            return commands.run(text.strip());
        }
        StatementSplitter splitter = new StatementSplitter();
        for (String line : text.split("\\R", -1)) {
            for (String sql : splitter.feed(line)) {
                execute(sql);
            }
        }
        String rest = splitter.flush();
        if (rest != null) {
            execute(rest);
        }
        return Outcome.OK;
    }

    /** Runs one statement with Ctrl-C bound to cancelling it. */
    private void execute(String sql) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
        try {
            session.execute(sql);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
