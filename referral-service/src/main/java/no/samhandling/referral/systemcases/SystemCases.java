package no.samhandling.referral.systemcases;

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
 * The leadership team's register of system-level cases. Leaders see and handle every case of
 * their municipality; a coordinator who registered a case sees that case, and no other.
 */
@Service
class SystemCases {

    static final int LIST_LIMIT = 500;

    private final AggregateStore<SystemCase> cases;
    private final ArenaDirectory arenas;
    private final Clock clock;

    SystemCases(AggregateStores stores, ArenaDirectory arenas, Clock clock) {
        this.cases = stores.of(SystemCase.class);
        this.arenas = arenas;
        this.clock = clock;
    }

    SystemCaseView register(Caller caller, SystemCaseRequests.RegisterSystemCase request) {
        if (request.arenaId() != null && arenas.find(caller.municipality(), request.arenaId()).isEmpty()) {
            throw ProblemException.invalid("arenaId", "referral.arena-unknown", request.arenaId());
        }
        SystemCase systemCase = SystemCase.register(caller.municipality(), caller.subject(), request.category(),
                request.arenaId(), request.title(), request.description(), clock.instant());
        return cases.save(systemCase).view();
    }

    /** Newest first; leaders get all of them, anyone else only the ones they registered. */
    List<SystemCaseView> list(Caller caller, SystemCase.Status status) {
        Criteria criteria = Criteria.where("municipality").is(caller.municipality());
        if (!caller.has(Role.LEADER)) {
            criteria = criteria.and("registeredBy").is(caller.subject());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(LIST_LIMIT);
        return cases.find(query).stream().map(SystemCase::view).toList();
    }

    Optional<SystemCaseView> find(Caller caller, String id) {
        return visible(caller, id).map(SystemCase::view);
    }

    SystemCaseView followUp(Caller leader, String id, String note) {
        return change(leader, id, systemCase -> systemCase.followUp(note, leader.subject(), clock.instant()));
    }

    SystemCaseView close(Caller leader, String id, SystemCaseAction action, String actionTaken) {
        return change(leader, id, systemCase -> systemCase.close(action, actionTaken, leader.subject(), clock.instant()));
    }

    private Optional<SystemCase> visible(Caller caller, String id) {
        return cases.find(caller.municipality(), id)
                .filter(systemCase -> caller.has(Role.LEADER) || systemCase.registeredBy(caller.subject()));
    }

    private SystemCaseView change(Caller caller, String id, Consumer<SystemCase> change) {
        SystemCase systemCase = visible(caller, id).orElseThrow(() -> ProblemException.notFound("Systemsak", id));
        change.accept(systemCase);
        return cases.save(systemCase).view();
    }
}
