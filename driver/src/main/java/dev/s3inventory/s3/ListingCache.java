package dev.s3inventory.s3;

import dev.s3inventory.Errors;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A time-to-live map of loaded values with single flight: while a value loads, other askers wait
 * for that load instead of sending the same request again (DBeaver's next page may start while the
 * previous page's read-ahead is still in flight).
 *
 * <p>Invalidation removes the entry object itself, so a load that was in flight when a write
 * invalidated it completes only for those already waiting — it never lands in the map. A failed load
 * is not shared: it is removed and each waiter loads again itself (a statement cancelled midway must
 * not fail another statement that joined its request).
 */
final class ListingCache {
    /** Expired entries are swept every this many loads, so an idle connection does not grow. */
    private static final int SWEEP_EVERY = 256;
    /** What a failed load completes with: waiters then load again themselves. */
    private static final Object FAILED = new Object();

    private final long ttlNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    /** One value: loading while its future is pending. */
    private static final class Entry {
        final long loadedAtNanos; // when the load started: the value is at least this fresh
        final CompletableFuture<Object> value = new CompletableFuture<>();

        Entry(long loadedAtNanos) {
            this.loadedAtNanos = loadedAtNanos;
        }
    }

    /** Loads a value from S3. */
    @FunctionalInterface
    interface Loader<T> {
        T load() throws SQLException;
    }

    ListingCache(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** The cached value, waiting for a load in flight, or loading it now. */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Loader<T> loader) throws SQLException {
        while (true) {
            Entry e = entries.get(key);
            long now = clock.getAsLong();
            if (e == null || expired(e, now)) {
                Entry mine = new Entry(now);
                boolean claimed = e == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, e, mine);
                if (claimed) {
                    return (T) load(key, mine, loader);
                }
                continue; // someone else started a load first: join theirs
            }
            Object v = await(e);
            if (v != FAILED) {
                return (T) v;
            }
            // that load failed and is gone from the map: try ourselves
        }
    }

    /** A fresh, fully loaded value, or null (never loads, never waits). */
    @SuppressWarnings("unchecked")
    <T> T peek(Object key) {
        Entry e = entries.get(key);
        if (e == null || !e.value.isDone() || expired(e, clock.getAsLong())) {
            return null;
        }
        Object v = e.value.getNow(FAILED);
        return v == FAILED ? null : (T) v;
    }

    void invalidate(Object key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private Object load(Object key, Entry mine, Loader<?> loader) throws SQLException {
        try {
            Object v = loader.load();
            mine.value.complete(v);
            return v;
        } catch (SQLException | RuntimeException | Error failure) {
            entries.remove(key, mine);
            mine.value.complete(FAILED);
            throw failure;
        } finally {
            if (loads.incrementAndGet() % SWEEP_EVERY == 0) {
                sweep();
            }
        }
    }

    private Object await(Entry e) throws SQLException {
        try {
            return e.value.get();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw Errors.interrupted(x);
        } catch (ExecutionException x) {
            return FAILED; // never happens: failures complete with FAILED
        }
    }

    private boolean expired(Entry e, long now) {
        return e.value.isDone() && now - e.loadedAtNanos >= ttlNanos;
    }

    private void sweep() {
        long now = clock.getAsLong();
        entries.values().removeIf(e -> expired(e, now));
    }
}
