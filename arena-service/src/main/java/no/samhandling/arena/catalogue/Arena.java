package no.samhandling.arena.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.platform.events.AggregateRoot;

/** A standing collaboration arena of one municipality, as its own plan describes it. */
@Document("arenas")
class Arena extends AggregateRoot {

    enum Status {
        ACTIVE,
        RETIRED
    }

    private String externalKey;
    private String name;
    private ArenaLevel level;
    private int ageFrom;
    private int ageTo;
    private String mandate;
    private String legalBasis;
    private List<Party> parties;
    private String partiesText;
    private String meetingFrequency;
    private String meetingOwner;
    private DiscussionMode discussionMode;
    private String location;
    private Status status;

    Arena() {
    }

    static Arena register(String municipality, RegisterArena request, Instant now) {
        Arena arena = new Arena();
        arena.id = UUID.randomUUID().toString();
        arena.municipality = municipality;
        arena.externalKey = request.externalKey();
        arena.name = request.name().strip();
        arena.level = request.level();
        arena.ageFrom = request.ageBand().from();
        arena.ageTo = request.ageBand().to();
        arena.mandate = request.mandate();
        arena.legalBasis = request.legalBasis();
        arena.parties = List.copyOf(request.parties());
        arena.partiesText = request.partiesText();
        arena.meetingFrequency = request.meetingFrequency();
        arena.meetingOwner = request.meetingOwner();
        arena.discussionMode = request.discussionMode();
        arena.location = request.location();
        arena.status = Status.ACTIVE;
        arena.raise(new ArenaRegistered(UUID.randomUUID(), now, municipality, arena.id, arena.name, arena.level,
                arena.ageFrom, arena.ageTo, arena.parties.stream().map(Party::name).toList(), arena.discussionMode, null, false, null));
        return arena;
    }

    ArenaView view() {
        return new ArenaView(id, externalKey, name, level, new RegisterArena.AgeBand(ageFrom, ageTo), mandate, legalBasis,
                parties, partiesText, meetingFrequency, meetingOwner, discussionMode, location, status.name());
    }
}
