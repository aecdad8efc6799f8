package no.samhandling.platform.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.Message;

import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.EventConsumers;

/** Consumes referral.events like a real service and records what its handler saw. */
@Configuration
public class ReceivedEvents {

    public static final String FAILING_ARENA = "arena-that-always-fails";
    /** Its handler finds the service's MongoDB unreachable for {@value #STORE_DOWN_ATTEMPTS} attempts, then works. */
    public static final String STORE_DOWN_ARENA = "arena-whose-store-is-down-for-a-while";
    public static final int STORE_DOWN_ATTEMPTS = 8;
    /** Its handler fails until {@link #fix()} is called: a bug that is fixed while its records wait as dead letters. */
    public static final String BROKEN_ARENA = "arena-whose-handler-has-a-bug";

    private final List<ReferralSubmitted> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingAttempts = new AtomicInteger();
    private final AtomicInteger storeDownAttempts = new AtomicInteger();
    private volatile boolean fixed;

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers) {
        return consumers.on(ReferralSubmitted.class, this::on).build();
    }

    void on(ReferralSubmitted event) {
        if (FAILING_ARENA.equals(event.arenaId())) {
            failingAttempts.incrementAndGet();
            throw new IllegalStateException("downstream unavailable", new IllegalArgumentException("arena 'x' has no rhythm"));
        }
        if (BROKEN_ARENA.equals(event.arenaId()) && !fixed) {
            throw new IllegalStateException("a bug in the handler");
        }
        if (STORE_DOWN_ARENA.equals(event.arenaId()) && storeDownAttempts.incrementAndGet() <= STORE_DOWN_ATTEMPTS) {
            throw new DataAccessResourceFailureException("MongoDB unreachable");
        }
        handled.add(event);
    }

    public List<ReferralSubmitted> handled() {
        return List.copyOf(handled);
    }

    public int failingAttempts() {
        return failingAttempts.get();
    }

    public void fix() {
        fixed = true;
    }

    public void breakAgain() {
        fixed = false;
    }

    public int storeDownAttempts() {
        return storeDownAttempts.get();
    }
}
