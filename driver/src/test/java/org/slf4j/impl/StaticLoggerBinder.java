package org.slf4j.impl;

import dev.s3inventory.testing.LogCapture;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * The SLF4J 1.7 binding of the test JVM (how SLF4J 1.7 finds a binding: this class, by name). It
 * hands out {@link LogCapture} loggers, which are silent until a test starts capturing and then
 * record every line of every logger — the driver's, the AWS SDK's, the HTTP client's — at every
 * level. slf4j-nop, the driver's optional runtime binding, is kept off the test classpath (see the
 * surefire configuration) so that this is the only binding.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
    /** Read by SLF4J's version check. */
    public static String REQUESTED_API_VERSION = "1.7.36"; // not final: SLF4J's own bindings do the same

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return LogCapture.FACTORY;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return LogCapture.class.getName();
    }
}
