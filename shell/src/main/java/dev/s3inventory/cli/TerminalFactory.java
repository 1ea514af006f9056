package dev.s3inventory.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.exec.ExecTerminalProvider;

/**
 * Opens the process's terminal for the line editor with JLine's {@code exec} provider (it drives the
 * tty through {@code stty}, so no native library or JNA is needed), in a way that survives the
 * {@code -all} jar's relocation of JLine.
 *
 * <p>Why the class loader: JLine finds a provider by reading the resource
 * {@code META-INF/services/org/jline/terminal/provider/exec}, whose {@code class =} line names
 * {@code org.jline...ExecTerminalProvider}. maven-shade relocates the classes to
 * {@code dev.s3inventory.shaded.org.jline...} but neither that resource's path nor its text, so in the
 * {@code -all} jar the lookup would name a class that no longer exists and JLine would fall back to a
 * dumb terminal (the pom leaves that stale file out of the jar altogether). While the terminal is
 * built, the thread's context class loader answers the lookup with the provider's real name,
 * {@code ExecTerminalProvider.class.getName()}, which the relocation rewrites along with everything
 * else. The same code works unshaded (tests, thin jar). {@code ShellJarIT} checks the {@code -all} jar
 * on a pseudo-terminal.
 */
final class TerminalFactory {
    /** JLine's logger (java.util.logging, named after its root package, which relocation renames too). */
    private static final Logger JLINE_LOG = Logger.getLogger(rootPackage());

    private TerminalFactory() {
    }

    /**
     * The system terminal. A terminal JLine cannot drive ({@code TERM=dumb}, no {@code stty}) comes back
     * as JLine's dumb terminal: plain line input, no warning.
     *
     * @throws IOException or a runtime exception when no terminal can be had at all; the shell then reads
     *                     plain lines
     */
    static Terminal system(boolean verbose) throws IOException {
        // JLine reports recoverable trouble (a redirected stream it probes, a missing provider) through
        // java.util.logging on standard error; the shell decides what to say instead.
        JLINE_LOG.setLevel(verbose ? Level.INFO : Level.OFF);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ExecProviderLookup(TerminalFactory.class.getClassLoader()));
        try {
            return TerminalBuilder.builder()
                    .name("s3inventory")
                    .system(true)
                    .provider("exec")
                    .dumb(true)
                    .nativeSignals(true)
                    // Ctrl-C outside the line editor must not kill the shell; while a statement runs the
                    // shell installs a handler that cancels it.
                    .signalHandler(Terminal.SignalHandler.SIG_IGN)
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootPackage() {
        String pkg = Terminal.class.getPackageName(); // org.jline.terminal, relocated or not
        return pkg.substring(0, pkg.lastIndexOf('.'));
    }

    /** Delegates everything except JLine's lookup of the exec provider, which it answers itself. */
    private static final class ExecProviderLookup extends ClassLoader {
        private static final String RESOURCE = "META-INF/services/org/jline/terminal/provider/exec";

        ExecProviderLookup(ClassLoader parent) {
            super(parent);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (RESOURCE.equals(name)) {
                String text = "class = " + ExecTerminalProvider.class.getName() + "\n";
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
            }
            return super.getResourceAsStream(name);
        }
    }
}
