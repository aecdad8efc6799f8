package no.samhandling.referral.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.referral.arenas.ArenaDirectory;

/** Makes arenas known to referral-service the way arena-service does: by ArenaRegistered on arena.events. */
final class KnownArenas {

    private final String brokers;
    private final CloudEventCodec codec;
    private final ArenaDirectory directory;

    KnownArenas(String brokers, CloudEventCodec codec, ArenaDirectory directory) {
        this.brokers = brokers;
        this.codec = codec;
        this.directory = directory;
    }

    /** An open arena (anonymous or with consent, any staff) unless it is known already. */
    void ensure(String arenaId) {
        if (directory.find(TestTokens.AUKRA, arenaId).isEmpty()) {
            register(arenaId, DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("ANY_STAFF"), null);
        }
    }

    void register(String arenaId, DiscussionMode mode, List<String> whoMayRegister, String escalatesTo) {
        try (TestProducer producer = new TestProducer(brokers)) {
            producer.send(codec.toRecord(new ArenaRegistered(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, "Lokalt team",
                    ArenaLevel.INDIVIDUAL, 6, 13, List.of("SCHOOL"), mode, escalatesTo, false, null, whoMayRegister, false)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(TestTokens.AUKRA, arenaId)
                .filter(arena -> arena.discussionMode() == mode && java.util.Objects.equals(arena.escalationArenaId(), escalatesTo))
                .isPresent());
    }
}
