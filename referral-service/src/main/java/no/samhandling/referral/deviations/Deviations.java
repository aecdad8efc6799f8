package no.samhandling.referral.deviations;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;

/**
 * Deviation reports: any staff member reports, the leadership team handles. Leaders see every
 * report of their municipality; a reporter sees the reports they made, and no other.
 */
@Service
class Deviations {

    static final int LIST_LIMIT = 500;

    private final AggregateStore<Deviation> deviations;
    private final ArenaDirectory arenas;
    private final Clock clock;

    Deviations(AggregateStores stores, ArenaDirectory arenas, Clock clock) {
        this.deviations = stores.of(Deviation.class);
        this.arenas = arenas;
        this.clock = clock;
    }

    DeviationView report(Caller caller, DeviationRequests.ReportDeviation request) {
        if (request.arenaId() != null && arenas.find(caller.municipality(), request.arenaId()).isEmpty()) {
            throw ProblemException.invalid("arenaId", "referral.arena-unknown", request.arenaId());
        }
        Deviation deviation = Deviation.report(caller.municipality(), caller.subject(), request.category(), request.unitType(),
                request.arenaId(), request.whatHappened(), request.occurredOn(), clock.instant());
        return deviations.save(deviation).view();
    }

    /** Newest first, for the leaders' agenda. */
    List<DeviationView> list(Caller leader, Deviation.Status status, DeviationCategory category) {
        Criteria criteria = Criteria.where("municipality").is(leader.municipality());
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (category != null) {
            criteria = criteria.and("category").is(category.name());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "reportedAt")).limit(LIST_LIMIT);
        return deviations.find(query).stream().map(Deviation::view).toList();
    }

    Optional<DeviationView> find(Caller caller, String id) {
        return deviations.find(caller.municipality(), id)
                .filter(deviation -> caller.has(Role.LEADER) || deviation.reportedBy(caller.subject()))
                .map(Deviation::view);
    }

    DeviationView recategorise(Caller leader, String id, DeviationCategory category) {
        return change(leader, id, deviation -> deviation.recategorise(category, clock.instant()));
    }

    DeviationView followUp(Caller leader, String id, String note) {
        return change(leader, id, deviation -> deviation.followUp(note, leader.subject(), clock.instant()));
    }

    DeviationView close(Caller leader, String id, DeviationAction action, String actionTaken) {
        return change(leader, id, deviation -> deviation.close(action, actionTaken, leader.subject(), clock.instant()));
    }

    private DeviationView change(Caller leader, String id, Consumer<Deviation> change) {
        Deviation deviation = deviations.find(leader.municipality(), id).orElseThrow(() -> ProblemException.notFound("Avvik", id));
        change.accept(deviation);
        return deviations.save(deviation).view();
    }
}
