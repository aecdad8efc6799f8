package no.samhandling.events.arena;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * An arena was added to the municipality's catalogue. Carries what routing, notices and reports
 * need; mandate and legal basis stay in arena-service. The aggregate id is the arena id.
 *
 * @param title the arena's catalogue title, organisational and never about a child
 * @param titleSensitive whether notices must leave the title out, because it would reveal the
 *        kind of concern (for example an arena for substance abuse)
 * @param parties codes of the services taking part, such as {@code PPT} or {@code CHILD_WELFARE}
 * @param escalationArenaId the arena cases are escalated to, if any
 * @param whoMayRegister the unit types that may register cases ({@code referrerUnitType} codes), or
 *        {@code ANY_STAFF}; absent in events from before this field existed, which means any staff
 * @param measuresRequiredFirst whether measures must have been tried locally before a case comes here
 */
@EventType("arena.registered.v1")
public record ArenaRegistered(
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

    public ArenaRegistered {
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
