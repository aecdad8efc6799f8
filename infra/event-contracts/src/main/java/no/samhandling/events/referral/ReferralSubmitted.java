package no.samhandling.events.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventType;
import no.samhandling.events.Events;

/**
 * A concern was registered into an arena. Carries what routing and reporting need, never who the
 * child is: a named case is referred to only by the child's topic id ({@code subjectId}, as on
 * consent.events), which leads to no child once the child is erased.
 *
 * @param referrerUnitType a code of {@link UnitType}; events from before the list was enforced may carry others
 * @param referrerUserId opaque user id (token subject) of whoever registered the concern, so that
 *        they can be told when it is accepted or returned; absent in events from before this field existed
 * @param escalatedFrom the referral this one continues, when an arena escalated the case here (the same
 *        concern, so reports count the case once); absent for a new case and in events from before this field existed
 * @param historic whether the case was recorded afterwards, as part of the past (the demo data's history, dated
 *        months back and often closed at once): it counts like any other, but it is not news, so nobody is told of
 *        it; false in events from before this field existed
 */
@EventType("referral.submitted.v1")
public record ReferralSubmitted(
        UUID eventId,
        Instant occurredAt,
        String municipality,
        String aggregateId,
        String arenaId,
        DiscussionBasis basis,
        String subjectId,
        String consentId,
        String ageBand,
        String referrerUnitType,
        List<String> themes,
        PreventionLevel preventionLevel,
        IntakePath path,
        boolean guardiansAttend,
        String referrerUserId,
        String escalatedFrom,
        Boolean historic) implements DomainEvent {

    public ReferralSubmitted {
        Events.requireEnvelope(eventId, occurredAt, municipality, aggregateId);
        Objects.requireNonNull(arenaId, "arenaId");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(preventionLevel, "preventionLevel");
        Objects.requireNonNull(path, "path");
        themes = themes == null ? List.of() : List.copyOf(themes);
        historic = Boolean.TRUE.equals(historic);
        if (basis == DiscussionBasis.NAMED && (subjectId == null || consentId == null)) {
            throw new IllegalArgumentException("a named referral needs subjectId and consentId");
        }
        if (basis == DiscussionBasis.ANONYMOUS && subjectId != null) {
            throw new IllegalArgumentException("an anonymous referral carries no subjectId");
        }
    }

    /** A case registered now, of which people are told. */
    public ReferralSubmitted(UUID eventId, Instant occurredAt, String municipality, String aggregateId, String arenaId,
            DiscussionBasis basis, String subjectId, String consentId, String ageBand, String referrerUnitType,
            List<String> themes, PreventionLevel preventionLevel, IntakePath path, boolean guardiansAttend, String referrerUserId,
            String escalatedFrom) {
        this(eventId, occurredAt, municipality, aggregateId, arenaId, basis, subjectId, consentId, ageBand, referrerUnitType,
                themes, preventionLevel, path, guardiansAttend, referrerUserId, escalatedFrom, false);
    }

    /** A new case (not an escalation), as most producers raise it. */
    public ReferralSubmitted(UUID eventId, Instant occurredAt, String municipality, String aggregateId, String arenaId,
            DiscussionBasis basis, String subjectId, String consentId, String ageBand, String referrerUnitType,
            List<String> themes, PreventionLevel preventionLevel, IntakePath path, boolean guardiansAttend, String referrerUserId) {
        this(eventId, occurredAt, municipality, aggregateId, arenaId, basis, subjectId, consentId, ageBand, referrerUnitType,
                themes, preventionLevel, path, guardiansAttend, referrerUserId, null);
    }

    /** The event as it was before {@code referrerUserId} was added, for producers that do not know the referrer. */
    public ReferralSubmitted(UUID eventId, Instant occurredAt, String municipality, String aggregateId, String arenaId,
            DiscussionBasis basis, String subjectId, String consentId, String ageBand, String referrerUnitType,
            List<String> themes, PreventionLevel preventionLevel, IntakePath path, boolean guardiansAttend) {
        this(eventId, occurredAt, municipality, aggregateId, arenaId, basis, subjectId, consentId, ageBand, referrerUnitType,
                themes, preventionLevel, path, guardiansAttend, null, null);
    }
}
