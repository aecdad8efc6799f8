package no.samhandling.referral.intake;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import no.samhandling.referral.arenas.ArenaDirectory;

/**
 * Makes arenas known to referral-service the way arena-service does: by ArenaRegistered on
 * arena.events, with the users of {@code TestTokens.forRole("COORDINATOR")} and
 * {@code forRole("MEMBER")} enrolled as its coordinator and member.
 */
final class KnownArenas {

    private final String brokers;
    private final CloudEventCodec codec;
    private final ArenaDirectory directory;
    private final ArenaRoster members;

    KnownArenas(String brokers, CloudEventCodec codec, ArenaDirectory directory, ArenaRoster members) {
        this.brokers = brokers;
        this.codec = codec;
        this.directory = directory;
        this.members = members;
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
        enrol(arenaId, "coordinator", MemberRole.COORDINATOR);
        enrol(arenaId, "member", MemberRole.MEMBER);
    }

    void enrol(String arenaId, String userId, MemberRole role) {
        try (TestProducer producer = new TestProducer(brokers)) {
            producer.send(codec.toRecord(new MemberJoined(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, userId, "SCHOOL", role)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.roleOf(TestTokens.AUKRA, arenaId, userId).filter(role::equals).isPresent());
    }

    void leave(String arenaId, String userId) {
        try (TestProducer producer = new TestProducer(brokers)) {
            producer.send(codec.toRecord(new MemberLeft(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, arenaId, userId)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.roleOf(TestTokens.AUKRA, arenaId, userId).isEmpty());
    }
}
