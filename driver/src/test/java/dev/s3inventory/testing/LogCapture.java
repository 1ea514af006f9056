package dev.s3inventory.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * Records log lines of the test JVM (see {@code org.slf4j.impl.StaticLoggerBinder}). Off by default,
 * so the suite runs silently; {@link #start()} turns every logger on at TRACE and records each line
 * as {@code LEVEL logger: message} followed by the messages of an attached throwable and its causes
 * and suppressed exceptions — everything a real binding would print.
 */
public final class LogCapture implements AutoCloseable {
    public static final ILoggerFactory FACTORY = new Factory();
    private static volatile LogCapture active;

    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
    }

    /** Starts recording (one capture at a time); close() stops it. */
    public static synchronized LogCapture start() {
        if (active != null) {
            throw new IllegalStateException("a log capture is already running");
        }
        active = new LogCapture();
        return active;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        synchronized (LogCapture.class) {
            if (active == this) {
                active = null;
            }
        }
    }

    private void add(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    /** One method per SLF4J call shape, all funnelled into {@link #log}. */
    private static final class CapturingLogger extends MarkerIgnoringBase {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        private static boolean on() {
            return active != null;
        }

        private void log(String level, String format, Object... args) {
            LogCapture capture = active;
            if (capture == null) {
                return;
            }
            FormattingTuple t = MessageFormatter.arrayFormat(format, args);
            StringBuilder sb = new StringBuilder(level).append(' ').append(name).append(": ").append(t.getMessage());
            appendThrowable(sb, t.getThrowable(), 0);
            capture.add(sb.toString());
        }

        private static void appendThrowable(StringBuilder sb, Throwable e, int depth) {
            if (e == null || depth > 20) {
                return;
            }
            sb.append(" | ").append(e);
            for (Throwable s : e.getSuppressed()) {
                appendThrowable(sb, s, depth + 1);
            }
            if (e.getCause() != e) {
                appendThrowable(sb, e.getCause(), depth + 1);
            }
        }

        @Override public boolean isTraceEnabled() { return on(); }
        @Override public void trace(String msg) { log("TRACE", msg); }
        @Override public void trace(String format, Object arg) { log("TRACE", format, arg); }
        @Override public void trace(String format, Object a, Object b) { log("TRACE", format, a, b); }
        @Override public void trace(String format, Object... args) { log("TRACE", format, args); }
        @Override public void trace(String msg, Throwable t) { log("TRACE", msg, t); }
        @Override public boolean isDebugEnabled() { return on(); }
        @Override public void debug(String msg) { log("DEBUG", msg); }
        @Override public void debug(String format, Object arg) { log("DEBUG", format, arg); }
        @Override public void debug(String format, Object a, Object b) { log("DEBUG", format, a, b); }
        @Override public void debug(String format, Object... args) { log("DEBUG", format, args); }
        @Override public void debug(String msg, Throwable t) { log("DEBUG", msg, t); }
        @Override public boolean isInfoEnabled() { return on(); }
        @Override public void info(String msg) { log("INFO", msg); }
        @Override public void info(String format, Object arg) { log("INFO", format, arg); }
        @Override public void info(String format, Object a, Object b) { log("INFO", format, a, b); }
        @Override public void info(String format, Object... args) { log("INFO", format, args); }
        @Override public void info(String msg, Throwable t) { log("INFO", msg, t); }
        @Override public boolean isWarnEnabled() { return on(); }
        @Override public void warn(String msg) { log("WARN", msg); }
        @Override public void warn(String format, Object arg) { log("WARN", format, arg); }
        @Override public void warn(String format, Object a, Object b) { log("WARN", format, a, b); }
        @Override public void warn(String format, Object... args) { log("WARN", format, args); }
        @Override public void warn(String msg, Throwable t) { log("WARN", msg, t); }
        @Override public boolean isErrorEnabled() { return on(); }
        @Override public void error(String msg) { log("ERROR", msg); }
        @Override public void error(String format, Object arg) { log("ERROR", format, arg); }
        @Override public void error(String format, Object a, Object b) { log("ERROR", format, a, b); }
        @Override public void error(String format, Object... args) { log("ERROR", format, args); }
        @Override public void error(String msg, Throwable t) { log("ERROR", msg, t); }
    }
}
