package no.samhandling.platform.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.EventConsumers;

/** Consumes referral.events like a real service and records what its handler saw. */
@Configuration
public class ReceivedEvents {

    public static final String FAILING_ARENA = "arena-that-always-fails";

    private final List<ReferralSubmitted> handled = new CopyOnWriteArrayList<>();
    private final AtomicInteger failingAttempts = new AtomicInteger();

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers) {
        return consumers.on(ReferralSubmitted.class, this::on).build();
    }

    void on(ReferralSubmitted event) {
        if (FAILING_ARENA.equals(event.arenaId())) {
            failingAttempts.incrementAndGet();
            throw new IllegalStateException("downstream unavailable");
        }
        handled.add(event);
    }

    public List<ReferralSubmitted> handled() {
        return List.copyOf(handled);
    }

    public int failingAttempts() {
        return failingAttempts.get();
    }
}
