package dev.s3inventory.engine;

import dev.s3inventory.Errors;
import dev.s3inventory.s3.InFlightCalls;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs per-bucket S3 calls in parallel, at most {@code maxConcurrency} at once per connection,
 * and gathers their results in input order. Honours the statement's timeout and cancellation, and
 * stops early once the results gathered so far already hold enough rows.
 */
final class FanOut implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** How often a waiting statement checks for cancel() and its deadline. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ThreadPoolExecutor pool;
    /** Every request of this connection's statements, read-aheads included: close() aborts them all. */
    private final InFlightCalls connectionCalls = new InFlightCalls();

    /** One task of a fan-out: produces the rows of one bucket. */
    @FunctionalInterface
    interface Task<T> {
        List<T> call() throws SQLException;
    }

    FanOut(int maxConcurrency) {
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        pool = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "s3inventory-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs all tasks and concatenates their results in task order.
     *
     * @param enough stop once the leading finished tasks hold this many results (Long.MAX_VALUE: never)
     */
    <T> List<T> run(List<Task<T>> tasks, ExecutionContext ctx, long enough) throws SQLException {
        return run(tasks, ctx, enough, enough);
    }

    /**
     * Runs all tasks and concatenates their results in task order, returning as soon as the leading
     * finished tasks hold {@code enough} results. After such an early stop the calls already sent
     * finish (interrupting them would waste the request and the pooled connection), and tasks keep
     * starting in the background until {@code readAhead} results were fetched in all: with a listing
     * cache, that is the next pages of a tool that pages by re-executing.
     *
     * @param enough    results the statement needs (Long.MAX_VALUE: all)
     * @param readAhead results to fetch in all after an early stop; at least {@code enough}
     */
    <T> List<T> run(List<Task<T>> tasks, ExecutionContext ctx, long enough, long readAhead) throws SQLException {
        if (tasks.isEmpty()) {
            return List.of();
        }
        // Even a single call runs on the pool: the statement's thread only waits, so a query timeout
        // or cancel() abandons a request that never answers instead of hanging with it.
        // Once the finished tasks hold enough results, tasks not yet started skip themselves instead of
        // calling S3 (the collector, reading in order, may still be behind). Should the collector meet a
        // skipped task before it has enough (threads can pass each other), it runs that task itself.
        // A read-ahead goes on for a margin of tasks beyond its target, because a later page runs that
        // far past its last row (tasks it started before its count was reached) and must find them cached.
        // A failure, cancel() or timeout aborts the requests in flight (see InFlightCalls); an early stop does not.
        InFlightCalls calls = new InFlightCalls(connectionCalls);
        AtomicLong fetched = new AtomicLong();
        AtomicInteger beyondTarget = new AtomicInteger();
        int margin = readAhead > enough ? 2 * pool.getCorePoolSize() : 0;
        List<Future<List<T>>> futures = new ArrayList<>(tasks.size());
        for (Task<T> task : tasks) {
            futures.add(pool.submit(() -> {
                if (ctx.isCancelled()) {
                    return List.<T>of();
                }
                if (fetched.get() >= readAhead && beyondTarget.incrementAndGet() > margin) {
                    return null; // skipped
                }
                List<T> rows = call(task, calls);
                fetched.addAndGet(rows.size());
                return rows;
            }));
        }
        List<Future<List<T>>> rerun = new ArrayList<>(); // skipped tasks the collector needed after all
        List<T> out = new ArrayList<>();
        boolean complete = false;
        try {
            for (int i = 0; i < futures.size(); i++) {
                List<T> rows = await(futures.get(i), ctx);
                if (rows == null) {
                    Task<T> skipped = tasks.get(i);
                    Future<List<T>> again = pool.submit(() -> call(skipped, calls));
                    rerun.add(again);
                    rows = await(again, ctx);
                }
                out.addAll(rows);
                if (out.size() >= enough) {
                    break;
                }
            }
            complete = true;
            return out;
        } finally {
            if (!complete) {
                ctx.abandon(); // calls that fail from here on are aborted ones: no skipped-bucket warnings
                for (List<Future<List<T>>> all : List.of(futures, rerun)) { // failed, cancelled or timed out:
                    for (Future<List<T>> f : all) {                        // stop everything now
                        f.cancel(true);
                    }
                }
                calls.abortAll();
            } else if (readAhead <= enough) {
                for (Future<List<T>> f : futures) { // queued tasks never start; calls in flight finish
                    f.cancel(false);
                }
            }
            // else: read-ahead tasks run on and skip themselves once readAhead results were fetched
        }
    }

    private static <T> List<T> call(Task<T> task, InFlightCalls calls) throws SQLException {
        try (InFlightCalls.Binding bound = calls.bind()) {
            return task.call();
        }
    }

    /** One S3 call that returns a value (which may be null). */
    @FunctionalInterface
    interface Call<T> {
        T call() throws SQLException;
    }

    /**
     * Runs a single call on the pool, like every call of a fan-out, so that the statement's thread
     * only waits: a query timeout or cancel() ends the wait even when S3 never answers.
     */
    <T> T one(Call<T> call, ExecutionContext ctx) throws SQLException {
        List<T> result = run(List.of(() -> java.util.Collections.singletonList(call.call())), ctx, Long.MAX_VALUE);
        if (result.isEmpty()) { // the task saw cancel() before it started
            ctx.checkAlive();
            throw Errors.cancelled();
        }
        return result.get(0);
    }

    private static <T> List<T> await(Future<List<T>> future, ExecutionContext ctx) throws SQLException {
        while (true) {
            ctx.checkAlive();
            try {
                return future.get(Math.min(POLL_NANOS, Math.max(1, ctx.nanosLeft())), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll again: lets cancel() and the query timeout take effect promptly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Errors.interrupted(e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException s) {
                    throw s;
                }
                if (cause instanceof RuntimeException r) {
                    throw Errors.internal("calling S3", r);
                }
                throw Errors.s3CallFailed(cause);
            }
        }
    }

    @Override
    public void close() {
        connectionCalls.abortAll(); // read-aheads too: an interrupt does not end a blocked socket read
        pool.shutdownNow();
    }
}
