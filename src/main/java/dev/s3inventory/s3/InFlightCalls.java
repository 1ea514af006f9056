package dev.s3inventory.s3;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP requests a statement has in flight, so that its timeout, {@code cancel()} or failure can
 * abort them. A thread blocked in a socket read ignores interrupts: without an abort, a request that
 * never answers would hold its pool thread (and its pooled connection) until the socket timeout, once
 * per retry, long after the statement gave up on it.
 *
 * <p>The engine {@link #bind binds} a scope to each thread that calls S3 for a statement; requests the
 * SDK sends from that thread (through {@link #tracking}) join the scope until they end.
 */
public final class InFlightCalls {
    private static final ThreadLocal<InFlightCalls> CURRENT = new ThreadLocal<>();

    private final Set<ExecutableHttpRequest> requests = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    /** Makes this scope the calling thread's until the returned binding is closed. */
    public Binding bind() {
        InFlightCalls previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Aborts every request of this scope in flight now, and any it would start later. */
    public void abortAll() {
        aborted = true;
        for (ExecutableHttpRequest r : requests) {
            r.abort();
        }
    }

    /** Ends a {@link #bind} (no checked exception). */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** An HTTP client that enrols each request in the scope bound to the thread sending it, if any. */
    static SdkHttpClient tracking(SdkHttpClient delegate) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest prepared = delegate.prepareRequest(request);
                InFlightCalls scope = CURRENT.get();
                return scope == null ? prepared : scope.track(prepared);
            }

            @Override
            public String clientName() {
                return delegate.clientName();
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    private ExecutableHttpRequest track(ExecutableHttpRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                requests.add(request);
                try {
                    if (aborted) { // checked after joining, so an abortAll() racing with us is never missed
                        throw new IOException("Request aborted: the statement ended");
                    }
                    return request.call();
                } finally {
                    requests.remove(request);
                }
            }

            @Override
            public void abort() {
                request.abort();
            }
        };
    }
}
