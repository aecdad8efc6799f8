package no.samhandling.arena.catalogue;

import java.util.List;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.DiscussionMode;

/**
 * An arena as the API shows it. {@code version} is the value to send in {@code If-Match} on update.
 *
 * @param escalatesTo external key of the escalation target, as in the import format
 * @param replacementArenaId the arena that took over when this one was retired
 */
record ArenaView(
        String id,
        long version,
        String externalKey,
        String name,
        ArenaLevel level,
        RegisterArena.AgeBand ageBand,
        String mandate,
        String legalBasis,
        List<Party> parties,
        String partiesText,
        String meetingFrequency,
        RegisterArena.MeetingOwner meetingOwner,
        String coordinatorUserId,
        DiscussionMode discussionMode,
        RegisterArena.IntakeRules intake,
        String escalationArenaId,
        String escalatesTo,
        boolean nameSensitive,
        String location,
        String status,
        String replacementArenaId,
        no.samhandling.arena.rhythm.RhythmSpec rhythm,
        String rhythmDescription,
        Integer cancelIfNoCasesDaysBefore) {
}
