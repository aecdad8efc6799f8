package no.samhandling.arena.catalogue;

import java.util.List;

import org.springframework.stereotype.Component;

import no.samhandling.arena.rhythm.RhythmSpec;
import no.samhandling.platform.web.ProblemException;

/** What the rest of arena-service may ask the catalogue: does this arena exist for this municipality. */
@Component
public class ArenaLookup {

    private final ArenaCatalogue catalogue;

    ArenaLookup(ArenaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What an arena says about its meetings: the rhythm (absent when it has none or is retired) and its policy. */
    public record Schedule(String municipality, String arenaId, RhythmSpec rhythm, String location,
            Integer cancelIfNoCasesDaysBefore) {
    }

    /** Published in-process after an arena was written, so that its meetings can be planned again. */
    public record ScheduleChanged(Schedule schedule) {
    }

    /**
     * Published in-process whenever an arena's catalogue entry was written or imported again, so that the
     * coordinator it names holds that place in the arena's membership. Published for an unchanged entry too:
     * appointing is idempotent, and so an import repeated after a failure completes what the first began.
     *
     * @param coordinatorUserId the coordinator the entry names; null when it names none
     * @param party the service the coordinator sits for, when they are not a member yet: the arena's first party
     */
    public record CoordinatorNamed(String municipality, String arenaId, String coordinatorUserId, String party) {
    }

    /** The schedules of every active arena with a rhythm, for the periodic planning run. */
    public java.util.List<Schedule> rhythmicSchedules() {
        return catalogue.rhythmicArenas().stream().map(Arena::schedule).toList();
    }

    /** The codes of the services taking part in the arena; empty when the municipality has no such arena. */
    public java.util.Optional<java.util.List<String>> partiesOf(String municipality, String arenaId) {
        return catalogue.find(municipality, arenaId).map(arena -> arena.parties().stream().map(Party::name).toList());
    }

    /**
     * What a page says about an arena: its catalogue title and mandate, how often it meets, and the
     * services in it (codes). Organisational facts every staff member may read in the catalogue.
     *
     * @param rhythm the meeting rule in words, in the caller's language; null when it has none
     */
    public record Summary(String id, String title, String mandate, String meetingFrequency, String rhythm, List<String> parties,
            boolean active) {
    }

    /** The arena as pages name and describe it; empty when the municipality has no such arena. */
    public java.util.Optional<Summary> summary(String municipality, String arenaId) {
        return catalogue.find(municipality, arenaId).map(arena -> new Summary(arena.id(), arena.name(), arena.mandate(),
                arena.meetingFrequency(), arena.rhythmDescription(), arena.parties().stream().map(Party::name).toList(),
                "ACTIVE".equals(arena.status())));
    }

    /** @throws ProblemException 404 when the municipality has no such arena */
    public void requireArena(String municipality, String arenaId) {
        if (catalogue.find(municipality, arenaId).isEmpty()) {
            throw ProblemException.notFound("Arena", arenaId);
        }
    }
}
