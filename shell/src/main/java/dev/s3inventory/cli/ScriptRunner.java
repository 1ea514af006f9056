package dev.s3inventory.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Runs statements and commands read line by line: {@code -e} text, a {@code -f} file, {@code \i}, piped
 * standard input, and the plain prompt used when no line editor is available. Statements end with
 * {@code ;} and may span lines; a command is a line of its own; the last statement may lack its
 * {@code ;}.
 */
final class ScriptRunner {
    static final String PROMPT = "s3inventory> ";
    /** As wide as {@link #PROMPT}, so that continued statements line up. */
    static final String CONTINUATION = "         ...> ";

    private final Session session;
    private final Commands commands;

    ScriptRunner(Session session, Commands commands) {
        this.session = session;
        this.commands = commands;
    }

    /**
     * @param prompt      printed before each line (null: none, as for files and pipes)
     * @param stopOnError return at the first failure (-e, -f, \i) rather than going on (pipes, prompt)
     * @return QUIT on {@code \q}, FAILED when something failed, OK otherwise
     */
    Outcome run(BufferedReader reader, String prompt, boolean stopOnError) throws IOException {
        StatementSplitter splitter = new StatementSplitter();
        boolean failed = false;
        while (true) {
            if (prompt != null) {
                session.out().print(splitter.isEmpty() ? prompt : CONTINUATION);
                session.out().flush();
            }
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (splitter.isEmpty() && Commands.isCommand(line)) {
                Outcome outcome = commands.run(line);
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
            for (String sql : splitter.feed(line)) {
                if (!session.execute(sql)) {
                    failed = true;
                    if (stopOnError) {
                        return Outcome.FAILED;
                    }
                }
            }
        }
        if (prompt != null) {
            session.out().println();
        }
        String rest = splitter.flush(); // the last statement may lack its ';'
        if (rest != null && !session.execute(rest)) {
            failed = true;
        }
        return failed ? Outcome.FAILED : Outcome.OK;
    }
}
