package simdae.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/** The small per-JVM caches of the executors: access-ordered maps that drop the least recently used entry. */
final class Lru {
    private Lru() {
    }

    /** A map of at most {@code capacity} entries; not synchronized (callers lock it). */
    static <K, V> Map<K, V> of(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
