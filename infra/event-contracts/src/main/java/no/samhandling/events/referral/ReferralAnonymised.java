package no.samhandling.events.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A named referral lost its link to the child: its personal data was made unreadable.
 *
 * @param continuesAnonymously whether the arena keeps discussing the case without identifying data,
 *        instead of ending it
 */
@EventType("referral.anonymised.v1")
public record ReferralAnonymised(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        AnonymisationReason reason,
        boolean continuesAnonymously) implements DomainEvent {

    public ReferralAnonymised {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(reason, "reason");
    }
}
