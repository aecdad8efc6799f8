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
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/** Makes an arena and the services in it known to consent-service the way arena-service does: by ArenaRegistered on arena.events. */
record KnownArenas(String brokers, CloudEventCodec codec, ArenaParties arenas) {

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
