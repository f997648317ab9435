package io.tenantry.application.file;

import io.tenantry.kernel.storage.ObjectKey;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per object key in use, so that two writes of the same file run one after the other. Quota accounting
 * needs it: an upload counts what it replaces as freed, and two concurrent replacements of one file would both count
 * the same old file. Locks exist only while someone holds or waits for them.
 */
final class KeyLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<ObjectKey, Entry> entries = new ConcurrentHashMap<>();

    /** Locks {@code key} until the returned handle is closed. */
    Held lock(ObjectKey key) {
        Entry entry = entries.compute(key, (k, existing) -> {
            Entry current = existing == null ? new Entry() : existing;
            current.users++;
            return current;
        });
        entry.lock.lock();
        return () -> {
            entry.lock.unlock();
            entries.computeIfPresent(key, (k, current) -> --current.users == 0 ? null : current);
        };
    }

    /** A held lock; closing it unlocks. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
