package no.samhandling.platform.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Child links as infra/personal-data gives them, in memory: a key per child that {@link #erase} destroys. A pseudonym
 * and a sealed value are random tokens that lead to the child and the value only through that key, so, as with the
 * real cipher, nothing in the stored entries leads anywhere once the child is erased.
 */
public final class KeyedChildLinks implements ChildLinks {

    static final String SEALED = "sealed-";

    /** Per child, its "key": its pseudonym and what was sealed under it. */
    private record Key(String pseudonym, Map<String, String> sealed) {
    }

    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<String> pseudonym(String municipality, String subjectId) {
        return keyFor(subjectId).map(Key::pseudonym);
    }

    @Override
    public Optional<String> existingPseudonym(String subjectId) {
        return Optional.ofNullable(keys.get(subjectId)).map(Key::pseudonym);
    }

    @Override
    public Optional<String> childOf(String pseudonym) {
        return keys.entrySet().stream().filter(key -> key.getValue().pseudonym().equals(pseudonym)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public Optional<String> seal(String municipality, String subjectId, String purpose, String value) {
        return keyFor(subjectId).map(key -> {
            String token = SEALED + UUID.randomUUID();
            key.sealed().put(token, purpose + "/" + value);
            return token;
        });
    }

    @Override
    public Optional<String> open(String subjectId, String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return Optional.ofNullable(stored);
        }
        return Optional.ofNullable(subjectId == null ? null : keys.get(subjectId))
                .map(key -> key.sealed().get(stored))
                .map(value -> value.substring(value.indexOf('/') + 1));
    }

    /** Destroys the child's key, as erasure does. */
    public void erase(String subjectId) {
        erased.add(subjectId);
        keys.remove(subjectId);
    }

    private Optional<Key> keyFor(String subjectId) {
        if (erased.contains(subjectId)) {
            return Optional.empty();
        }
        return Optional.of(keys.computeIfAbsent(subjectId, id -> new Key("pseudonym-" + UUID.randomUUID(), new ConcurrentHashMap<>())));
    }
}
