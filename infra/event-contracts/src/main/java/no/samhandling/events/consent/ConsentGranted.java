package no.samhandling.events.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A consent to discuss a child by name was given, limited to some arenas, services and a period.
 * The aggregate id is the consent id.
 *
 * @param subjectId the child's topic id: the opaque id it goes by outside consent-service (on every
 *        topic, and in every other service), never the id consent-service's users know it by. Only
 *        consent-service ties it to the child, and it forgets the tie on erasure, so these records, kept
 *        for good, lead to no child afterwards. (Children registered before topic ids go by their
 *        subject id here.)
 * @param arenaIds the arenas that may discuss the child by name, at least one
 * @param parties codes of the services that may share information, such as {@code SCHOOL}
 * @param purposeCode what the consent is for, such as {@code INTERDISCIPLINARY_DISCUSSION}
 * @param validTo the last day the consent holds, or null when it holds until withdrawn
 * @param guardianUserIds the guardians who gave it, each as a pseudonym of their login id under the child's
 *        own key in consent-service ({@code pseudonym.v1.…}), so that this topic, kept for good, ties no
 *        guardian to the child once the child is erased and the key destroyed. referral-service asks
 *        consent-service for the logins behind them to let the guardians see and withdraw their child's
 *        case. Events from before pseudonyms carry the login ids themselves. Empty when the youth
 *        consented alone or the guardians have no login. Added in v1 additively.
 */
@EventType("consent.granted.v1")
public record ConsentGranted(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String subjectId,
        List<String> arenaIds,
        List<String> parties,
        String purposeCode,
        LocalDate validFrom,
        LocalDate validTo,
        ConsentGiver givenBy,
        List<String> guardianUserIds) implements DomainEvent {

    public ConsentGranted {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(subjectId, "subjectId");
        arenaIds = arenaIds == null ? List.of() : List.copyOf(arenaIds);
        if (arenaIds.isEmpty()) {
            throw new IllegalArgumentException("a consent covers at least one arena");
        }
        parties = Events.copyCodes(parties, "parties");
        Events.requireCode(purposeCode, "purposeCode");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        Objects.requireNonNull(givenBy, "givenBy");
        guardianUserIds = guardianUserIds == null ? List.of() : List.copyOf(guardianUserIds);
    }

    /** As the event was before guardians' login ids were added. */
    public ConsentGranted(UUID eventId, Instant occurredAt, String municipality, String aggregateId, String subjectId,
            List<String> arenaIds, List<String> parties, String purposeCode, LocalDate validFrom, LocalDate validTo,
            ConsentGiver givenBy) {
        this(eventId, occurredAt, municipality, aggregateId, subjectId, arenaIds, parties, purposeCode, validFrom, validTo,
                givenBy, List.of());
    }
}
