package dev.s3inventory.s3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP requests a statement (or a connection) has in flight, so that its timeout, {@code cancel()},
 * failure or close can abort them. A thread blocked in a socket read ignores interrupts: without an
 * abort, a server that stops answering — before the headers or in the middle of a body — would hold
 * its pool thread and pooled connection until the socket timeout, once per retry, long after the
 * statement gave up on it.
 *
 * <p>The engine {@link #bind binds} a scope to each thread that calls S3 for a statement; requests the
 * SDK sends from that thread (through {@link #tracking}) belong to the scope, and to its parent (the
 * connection's), until the binding is closed: after the body was read, not merely the headers.
 * Aborting a request that already completed does nothing.
 */
public final class InFlightCalls {
    private static final ThreadLocal<Binding> CURRENT = new ThreadLocal<>();

    private final InFlightCalls parent;
    private final Set<ExecutableHttpRequest> requests = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    /** A scope of its own (a connection's). */
    public InFlightCalls() {
        this(null);
    }

    /** A scope whose requests also belong to {@code parent}, and that {@code parent} aborts too. */
    public InFlightCalls(InFlightCalls parent) {
        this.parent = parent;
    }

    /** Makes this scope the calling thread's until the returned binding is closed. */
    public Binding bind() {
        Binding binding = new Binding(this, CURRENT.get());
        CURRENT.set(binding);
        return binding;
    }

    /** Aborts every request of this scope in flight now, and any it would start later. */
    public void abortAll() {
        aborted = true;
        for (ExecutableHttpRequest r : requests) {
            r.abort();
        }
    }

    private boolean isAborted() {
        return aborted || parent != null && parent.isAborted();
    }

    private void enrol(ExecutableHttpRequest r) {
        requests.add(r);
        if (parent != null) {
            parent.enrol(r);
        }
    }

    private void forget(ExecutableHttpRequest r) {
        requests.remove(r);
        if (parent != null) {
            parent.forget(r);
        }
    }

    /** One thread's time in a scope; closing it ends its requests' membership and restores the previous scope. */
    public static final class Binding implements AutoCloseable {
        private final InFlightCalls scope;
        private final Binding previous;
        private final List<ExecutableHttpRequest> sent = new ArrayList<>(); // only its own thread adds

        private Binding(InFlightCalls scope, Binding previous) {
            this.scope = scope;
            this.previous = previous;
        }

        @Override
        public void close() {
            sent.forEach(scope::forget);
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }

        private ExecutableHttpRequest track(ExecutableHttpRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    sent.add(request);
                    scope.enrol(request);
                    if (scope.isAborted()) { // checked after enrolling, so a racing abortAll() is never missed
                        throw AbortedException.create("S3 request aborted: its statement or connection has ended");
                    }
                    return request.call();
                }

                @Override
                public void abort() {
                    request.abort();
                }
            };
        }
    }

    /** An HTTP client that enrols each request in the scope bound to the thread sending it, if any. */
    static SdkHttpClient tracking(SdkHttpClient delegate) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest prepared = delegate.prepareRequest(request);
                Binding binding = CURRENT.get();
                return binding == null ? prepared : binding.track(prepared);
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
}
