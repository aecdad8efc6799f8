package no.samhandling.consent;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/**
 * Makes an arena, the services in it and its members known to consent-service the way arena-service
 * does: by ArenaRegistered, MemberJoined and MemberLeft on arena.events.
 */
record KnownArenas(String brokers, CloudEventCodec codec, ArenaParties arenas, ArenaRoster roster) {

    KnownArenas(String brokers, CloudEventCodec codec, ArenaParties arenas) {
        this(brokers, codec, arenas, null);
    }

    /** The user sits in the Aukra arena in this role, once consent-service has heard so. */
    void join(String arenaId, String userId, MemberRole role) {
        send(new MemberJoined(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, userId, "SCHOOL", role));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.roleOf(TestTokens.AUKRA, arenaId, userId).filter(role::equals).isPresent());
    }

    /** The user no longer sits in the arena, once consent-service has heard so. */
    void leave(String arenaId, String userId) {
        send(new MemberLeft(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, userId));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.roleOf(TestTokens.AUKRA, arenaId, userId).isEmpty());
    }

    private void send(no.samhandling.events.DomainEvent event) {
        try (TestProducer producer = new TestProducer(brokers)) {
            producer.send(codec.toRecord(event));
        }
    }

    /** An Aukra arena with these services, unless consent-service knows it so already. */
    void ensure(String arenaId, List<String> parties) {
        if (arenas.partiesOf(TestTokens.AUKRA, arenaId).filter(parties::equals).isPresent()) {
            return;
        }
        try (TestProducer producer = new TestProducer(brokers)) {
            producer.send(codec.toRecord(new ArenaRegistered(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, "Ressursteam",
                    ArenaLevel.INDIVIDUAL, 6, 16, parties, DiscussionMode.ANONYMOUS_OR_CONSENT, null, false, null, List.of(), false)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> arenas.partiesOf(TestTokens.AUKRA, arenaId).filter(parties::equals).isPresent());
    }
}
