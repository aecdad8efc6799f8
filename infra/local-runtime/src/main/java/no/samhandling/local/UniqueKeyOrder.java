package no.samhandling.local;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The key type of the H2 maps behind mongo-java-server's unique indexes, in exactly H2's order,
 * computed for a fraction of the price. H2 orders these keys (mongo-java-server's
 * {@link KeyValue}, which is not {@link Comparable}) by the bytes of their Java serialisation,
 * serialising both sides again on every step of every binary search: about a fifth of the wire
 * server's time under load (issue 15). Here a search serialises the key it looks for once, and the
 * keys it meets (immutable, so their bytes never change) come from a small cache of recent ones,
 * which the upper levels of the tree hit on every search. Serialisation and order are H2's own, so
 * files written before read the same.
 */
final class UniqueKeyOrder extends ObjectDataType {

    private static final int CACHED = 1 << 12;

    private record Serialised(Object key, byte[] bytes) {
    }

    /** Slots by identity; a race only costs a serialisation, as a slot holds one key and its own bytes. */
    private final Serialised[] recent = new Serialised[CACHED];

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        Object[] keys = (Object[]) storage;
        byte[] wanted = serialize(key);
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object other = keys[x];
            int compared = other instanceof KeyValue ? compareNotNull(wanted, bytesOf(other)) : compare(key, other);
            if (compared > 0) {
                low = x + 1;
            } else if (compared < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue && a != b) {
            return compareNotNull(bytesOf(a), bytesOf(b));
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(Object key) {
        int slot = System.identityHashCode(key) & (CACHED - 1);
        Serialised cached = recent[slot];
        if (cached != null && cached.key() == key) {
            return cached.bytes();
        }
        byte[] bytes = serialize(key);
        recent[slot] = new Serialised(key, bytes);
        return bytes;
    }
}
