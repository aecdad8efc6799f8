package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * An arena's catalogue entry changed. Carries the whole new entry, not a diff, so that a consumer
 * can replace its copy without having seen earlier events. Fields as in {@link ArenaRegistered}.
 */
@EventType("arena.updated.v1")
public record ArenaUpdated(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String title,
        ArenaLevel level,
        int ageFromYears,
        int ageToYears,
        List<String> parties,
        DiscussionMode discussionMode,
        String escalationArenaId,
        boolean titleSensitive,
        String coordinatorUserId,
        List<String> whoMayRegister,
        Boolean measuresRequiredFirst) implements DomainEvent {

    public ArenaUpdated {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(discussionMode, "discussionMode");
        AgeBand.check(ageFromYears, ageToYears);
        parties = Events.copyCodes(parties, "parties");
        whoMayRegister = Events.copyCodes(whoMayRegister, "whoMayRegister");
        measuresRequiredFirst = Boolean.TRUE.equals(measuresRequiredFirst);
    }
}
