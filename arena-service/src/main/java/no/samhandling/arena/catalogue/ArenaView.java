package no.samhandling.arena.catalogue;

import java.util.List;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.DiscussionMode;

/** An arena as the API shows it. */
record ArenaView(
        String id,
        String externalKey,
        String name,
        ArenaLevel level,
        RegisterArena.AgeBand ageBand,
        String mandate,
        String legalBasis,
        List<Party> parties,
        String partiesText,
        String meetingFrequency,
        String meetingOwner,
        DiscussionMode discussionMode,
        String location,
        String status) {
}
