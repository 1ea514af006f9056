package dev.s3inventory.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that adds a fixed delay to every chunk in each direction, so that a local
 * S3 (LocalStack, {@link FakeS3Server}) behaves like one far away: a request/response exchange
 * costs {@code 2 × oneWayDelay} more. Used by the benchmark harness, where {@code tc netem} is not
 * available.
 *
 * <p>Each direction has a reader and a writer thread joined by a queue: the reader stamps each chunk
 * with its release time and goes straight back to reading, the writer holds the chunk until then.
 * So bytes keep their order and a long transfer is delayed once, not once per chunk (throughput is
 * kept). The delay is read per chunk: {@link #oneWayDelay(Duration)} applies to open connections too.
 *
 * <p>Every HTTP request from the client is counted ({@link #meter()}), which gives the request
 * accounting of the benchmarks without trusting the client under test.
 */
public final class DelayingProxy implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] EOF = new byte[0];

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final HttpRequestMeter meter = new HttpRequestMeter();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    /** Connections with a request forwarded and no answer seen yet (HTTP/1.1: one at a time per connection). */
    private final AtomicInteger awaiting = new AtomicInteger();
    private volatile long oneWayNanos;
    private volatile boolean closed;

    /** Starts a proxy on 127.0.0.1 and an ephemeral port in front of {@code upstream} (which must be on loopback). */
    public DelayingProxy(URI upstream, Duration oneWayDelay) {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        if (this.upstream.getAddress() == null || !this.upstream.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the proxy forwards to loopback only, not " + upstream);
        }
        oneWayDelay(oneWayDelay);
        try {
            server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
        daemon("proxy-accept", this::acceptLoop).start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Sets the delay each chunk is held in each direction; a round trip costs twice this. */
    public DelayingProxy oneWayDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        oneWayNanos = delay.toNanos();
        return this;
    }

    /** The requests seen so far, by S3 operation. */
    public HttpRequestMeter meter() {
        return meter;
    }

    /**
     * Requests the server has not begun to answer. With {@link HttpRequestMeter#total()} unchanged for a
     * while, zero means the client is quiet (a background read-ahead has finished).
     */
    public int awaitingAnswers() {
        return awaiting.get();
    }

    /** Open client connections (each has a twin to the upstream). */
    public int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket target = new Socket();
            try {
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                target.connect(upstream, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(target);
                continue;
            }
            open.add(client);
            open.add(target);
            AtomicInteger directionsDone = new AtomicInteger();
            AtomicBoolean requestOpen = new AtomicBoolean();
            Runnable answered = () -> {
                if (requestOpen.getAndSet(false)) {
                    awaiting.decrementAndGet();
                }
            };
            pipe(client, target, meter.newParser(() -> {
                if (!requestOpen.getAndSet(true)) {
                    awaiting.incrementAndGet();
                }
            }), directionsDone, null, answered);
            // a connection that ends unanswered waits for nothing any more
            pipe(target, client, null, directionsDone, answered, answered);
        }
    }

    /**
     * Copies {@code from} to {@code to}, each chunk held for the delay; {@code parser} sees the bytes, if
     * given. The pair is closed when both directions have ended (or one failed).
     */
    private void pipe(Socket from, Socket to, HttpRequestMeter.Parser parser, AtomicInteger directionsDone,
            Runnable onChunk, Runnable onClose) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon("proxy-read", () -> {
            byte[] buffer = new byte[CHUNK];
            try {
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (parser != null) {
                        parser.feed(buffer, n);
                    }
                    if (onChunk != null) {
                        onChunk.run();
                    }
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + oneWayNanos));
                }
            } catch (IOException e) {
                // the peer went away: pass the end on
            }
            queue.add(new Chunk(EOF, System.nanoTime() + oneWayNanos));
        }).start();
        daemon("proxy-write", () -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk c = queue.take();
                    long wait;
                    while ((wait = c.releaseAt - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (c.bytes == EOF) {
                        to.shutdownOutput(); // half-close, as the sender did
                        break;
                    }
                    out.write(c.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                directionsDone.incrementAndGet(); // a failed direction ends the pair
            }
            if (directionsDone.incrementAndGet() >= 2) {
                open.remove(from);
                open.remove(to);
                closeQuietly(from);
                closeQuietly(to);
                if (onClose != null) {
                    onClose.run();
                }
            }
        }).start();
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name + "-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort
        }
    }

    private record Chunk(byte[] bytes, long releaseAt) {
    }

}
