package io.fdl.runtime.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small thread-safe LRU map. Lookups are O(1) under a short lock; the value function runs
 * outside the lock, so two callers may compute the same value concurrently and the first stored
 * wins (values are immutable compiled definitions, so that is harmless and avoids blocking).
 */
final class BoundedLruCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map;

    BoundedLruCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedLruCache.this.capacity;
            }
        };
    }

    V get(K key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    V computeIfAbsent(K key, Function<K, V> compute) {
        V v = get(key);
        if (v != null) return v;
        V computed = compute.apply(key);
        synchronized (map) {
            V existing = map.putIfAbsent(key, computed);
            return existing != null ? existing : computed;
        }
    }

    void put(K key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    void remove(K key) {
        synchronized (map) {
            map.remove(key);
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}
