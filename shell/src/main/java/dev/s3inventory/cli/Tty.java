package dev.s3inventory.cli;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/** Which of the process's standard streams are a terminal. */
final class Tty {
    private Tty() {
    }

    /**
     * Standard input and output both a terminal: the shell is talked to by a person. From Java 22 on
     * {@link System#console()} is not null for redirected streams either; {@code Console.isTerminal()}
     * (22+) then decides.
     */
    static boolean interactive() {
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

    /**
     * Standard error a terminal, where the progress line may be drawn. Linux tells through /proc
     * without starting a process; elsewhere JLine runs {@code test -t 2}.
     */
    static boolean stderr() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
            return new ExecTerminalProvider().isPosixSystemStream(SystemStream.Error);
        } catch (Exception | LinkageError e) {
            return false; // when in doubt, no progress line: it must never end up in a file
        }
    }
}
