package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;

/** The cheaper key type must order exactly as H2's own, or index maps in existing files would read wrong. */
class UniqueKeyOrderTest {

    private final Random random = new Random(15);

    @Test
    void comparesAndSearchesExactlyAsH2sObjectDataType() {
        ObjectDataType h2 = new ObjectDataType();
        UniqueKeyOrder order = new UniqueKeyOrder();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(someKey());
        }
        for (int i = 0; i < 2_000; i++) {
            Object a = keys.get(random.nextInt(keys.size()));
            Object b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
        }
        Object[] sorted = keys.stream().distinct().sorted(h2::compare).toArray();
        for (int i = 0; i < 1_000; i++) {
            Object wanted = i % 2 == 0 ? sorted[random.nextInt(sorted.length)] : someKey();
            int guess = random.nextInt(sorted.length + 2) - 1;
            // Searched twice, so the second search meets keys whose bytes it has cached.
            for (int time = 0; time < 2; time++) {
                assertThat(order.binarySearch(wanted, sorted, sorted.length, guess))
                        .isEqualTo(h2.binarySearch(wanted, sorted, sorted.length, guess));
            }
        }
    }

    private KeyValue someKey() {
        return switch (random.nextInt(6)) {
            case 0 -> new KeyValue(UUID.randomUUID().toString());
            case 1 -> new KeyValue("r-" + random.nextInt(1_000));
            case 2 -> new KeyValue(random.nextInt(50));
            case 3 -> new KeyValue((long) random.nextInt(50));
            case 4 -> new KeyValue("1547", "user-" + random.nextInt(30));
            default -> new KeyValue("group|" + random.nextInt(20), random.nextInt(3));
        };
    }
}
