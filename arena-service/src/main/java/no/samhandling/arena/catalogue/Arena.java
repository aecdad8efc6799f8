package no.samhandling.arena.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.arena.rhythm.Language;
import no.samhandling.arena.rhythm.RhythmSpec;
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
    private String meetingOwnerRole;
    private String meetingOwnerText;
    private String coordinatorUserId;
    private DiscussionMode discussionMode;
    private List<String> whoMayRegister;
    private boolean measuresRequiredFirst;
    /** The target's id for events and links, and its external key for the import format; keys never change. */
    private String escalationArenaId;
    private String escalatesTo;
    private boolean nameSensitive;
    private String location;
    private Status status;
    private String replacementArenaId;
    private RhythmSpec rhythm;
    private Integer cancelIfNoCasesDaysBefore;

    Arena() {
    }

    /**
     * @param id chosen by the caller, so that an import can link new arenas to each other before storing any
     * @param escalationArenaId the resolved id of {@code request.escalatesTo()}
     */
    static Arena register(String id, String municipality, RegisterArena request, String escalationArenaId, Instant now) {
        Arena arena = new Arena();
        arena.id = id;
        arena.municipality = municipality;
        arena.externalKey = request.externalKey();
        arena.status = Status.ACTIVE;
        arena.apply(request.normalized(), escalationArenaId);
        arena.raise(new ArenaRegistered(UUID.randomUUID(), now, municipality, arena.id, arena.name, arena.level,
                arena.ageFrom, arena.ageTo, arena.partyCodes(), arena.discussionMode, arena.escalationArenaId,
                arena.nameSensitive, arena.coordinatorUserId, arena.whoMayRegister, arena.measuresRequiredFirst));
        return arena;
    }

    /** Replaces the catalogue entry; returns false, raising nothing, when the entry already says the same. */
    boolean update(RegisterArena request, String escalationArenaId, Instant now) {
        RegisterArena entry = request.normalized();
        if (entry.equals(entry()) && Objects.equals(escalationArenaId, this.escalationArenaId)) {
            return false;
        }
        apply(entry, escalationArenaId);
        raise(new ArenaUpdated(UUID.randomUUID(), now, municipality, id, name, level, ageFrom, ageTo, partyCodes(),
                discussionMode, this.escalationArenaId, nameSensitive, coordinatorUserId, whoMayRegister, measuresRequiredFirst));
        return true;
    }

    void retire(String replacementArenaId, Instant now) {
        status = Status.RETIRED;
        this.replacementArenaId = replacementArenaId;
        raise(new ArenaRetired(UUID.randomUUID(), now, municipality, id, replacementArenaId));
    }

    boolean isActive() {
        return status == Status.ACTIVE;
    }

    String externalKey() {
        return externalKey;
    }

    String escalatesTo() {
        return escalatesTo;
    }

    /** The stored entry in the shape of the request, normalised, for comparison with an incoming row. */
    RegisterArena entry() {
        return new RegisterArena(externalKey, name, level, new RegisterArena.AgeBand(ageFrom, ageTo), mandate, legalBasis, parties,
                partiesText, meetingFrequency, new RegisterArena.MeetingOwner(meetingOwnerRole, meetingOwnerText), coordinatorUserId,
                discussionMode, new RegisterArena.IntakeRules(whoMayRegister, measuresRequiredFirst), escalatesTo, nameSensitive,
                location, rhythm, cancelIfNoCasesDaysBefore).normalized();
    }

    ArenaView view() {
        return new ArenaView(id, version == null ? 0 : version, externalKey, name, level, new RegisterArena.AgeBand(ageFrom, ageTo),
                mandate, legalBasis, parties, partiesText, meetingFrequency,
                new RegisterArena.MeetingOwner(meetingOwnerRole, meetingOwnerText), coordinatorUserId, discussionMode,
                new RegisterArena.IntakeRules(whoMayRegister, measuresRequiredFirst), escalationArenaId, escalatesTo, nameSensitive,
                location, status.name(), replacementArenaId, rhythm, describe(rhythm), cancelIfNoCasesDaysBefore);
    }

    private void apply(RegisterArena entry, String escalationArenaId) {
        name = entry.name();
        level = entry.level();
        ageFrom = entry.ageBand().from();
        ageTo = entry.ageBand().to();
        mandate = entry.mandate();
        legalBasis = entry.legalBasis();
        parties = entry.parties();
        partiesText = entry.partiesText();
        meetingFrequency = entry.meetingFrequency();
        meetingOwnerRole = entry.meetingOwner().role();
        meetingOwnerText = entry.meetingOwner().text();
        coordinatorUserId = entry.coordinatorUserId();
        discussionMode = entry.discussionMode();
        whoMayRegister = entry.intake().whoMayRegister();
        measuresRequiredFirst = entry.intake().measuresRequiredFirst();
        escalatesTo = entry.escalatesTo();
        this.escalationArenaId = escalationArenaId;
        nameSensitive = entry.nameSensitive();
        location = entry.location();
        rhythm = entry.rhythm();
        cancelIfNoCasesDaysBefore = entry.cancelIfNoCasesDaysBefore();
    }

    /** Whom the entry names as the arena's coordinator; a retired arena keeps its members as they are. */
    ArenaLookup.CoordinatorNamed coordinatorNamed() {
        return new ArenaLookup.CoordinatorNamed(municipality, id, coordinatorUserId, parties.getFirst().name());
    }

    /** What the meeting planner needs; a retired arena has no rhythm any more. */
    ArenaLookup.Schedule schedule() {
        return new ArenaLookup.Schedule(municipality, id, isActive() ? rhythm : null, location, cancelIfNoCasesDaysBefore);
    }

    /** The rule as a sentence in the caller's written standard (bokmål, or nynorsk on Accept-Language: nn). */
    private static String describe(RhythmSpec rhythm) {
        return rhythm == null ? null
                : rhythm.toRule().describe(Language.of(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    private List<String> partyCodes() {
        return parties.stream().map(Party::name).toList();
    }
}
