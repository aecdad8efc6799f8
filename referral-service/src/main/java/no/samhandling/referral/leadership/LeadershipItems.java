package no.samhandling.referral.leadership;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;

/**
 * The leadership team's two registers, deviations and system cases, as one store with one access
 * rule: leaders see and handle every item of their municipality; anyone else sees only the items they
 * registered themselves, and no other (404, as for an id that matches nothing). Which roles may use
 * which door is the controllers' {@code @PreAuthorize}. An item is found only through its own
 * register: a system case's id under {@code /deviations} is unknown.
 */
@Service
class LeadershipItems {

    static final int LIST_LIMIT = 500;

    private final AggregateStore<LeadershipItem> items;
    private final ArenaDirectory arenas;
    private final MongoTemplate mongo;
    private final Clock clock;

    LeadershipItems(AggregateStores stores, ArenaDirectory arenas, MongoTemplate mongo, Clock clock) {
        this.items = stores.of(LeadershipItem.class);
        this.arenas = arenas;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Before anything reads the registers: items still stored in the two former collections move into this one. */
    @PostConstruct
    void moveItemsOfTheFormerRegisters() {
        FormerRegisters.moveInto(mongo, items.collection());
    }

    LeadershipItem reportDeviation(Caller caller, DeviationRequests.ReportDeviation request) {
        requireKnownArena(caller, request.arenaId());
        return items.save(LeadershipItem.reportDeviation(caller.municipality(), caller.subject(), request.category(), request.unitType(),
                request.arenaId(), request.whatHappened(), request.occurredOn(), clock.instant()));
    }

    LeadershipItem registerSystemCase(Caller caller, SystemCaseRequests.RegisterSystemCase request) {
        requireKnownArena(caller, request.arenaId());
        return items.save(LeadershipItem.registerSystemCase(caller.municipality(), caller.subject(), request.category(),
                request.arenaId(), request.title(), request.description(), clock.instant()));
    }

    /** Newest first, for the leaders' agenda; {@code status} and {@code category} narrow it when given. */
    List<LeadershipItem> list(Caller caller, LeadershipItemKind kind, LeadershipItem.Status status, Enum<?> category) {
        Criteria criteria = Criteria.where("municipality").is(caller.municipality()).and("kind").is(kind.name());
        if (!caller.has(Role.LEADER)) {
            criteria = criteria.and("registeredBy").is(caller.subject());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (category != null) {
            criteria = criteria.and("category").is(category.name());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(LIST_LIMIT);
        return items.find(query);
    }

    Optional<LeadershipItem> find(Caller caller, LeadershipItemKind kind, String id) {
        return items.find(caller.municipality(), id)
                .filter(item -> item.kind() == kind)
                .filter(item -> caller.has(Role.LEADER) || item.registeredBy(caller.subject()));
    }

    LeadershipItem recategorise(Caller leader, LeadershipItemKind kind, String id, Enum<?> category) {
        return change(leader, kind, id, item -> item.recategorise(category, clock.instant()));
    }

    LeadershipItem followUp(Caller leader, LeadershipItemKind kind, String id, String note) {
        return change(leader, kind, id, item -> item.followUp(note, leader.subject(), clock.instant()));
    }

    LeadershipItem close(Caller leader, LeadershipItemKind kind, String id, Enum<?> action, String actionTaken) {
        return change(leader, kind, id, item -> item.close(action, actionTaken, leader.subject(), clock.instant()));
    }

    /** The problem for an id its register does not show the caller, worded by the register. */
    static ProblemException notFound(LeadershipItemKind kind, String id) {
        return ProblemException.notFound(kind == LeadershipItemKind.DEVIATION ? "Avvik" : "Systemsak", id);
    }

    private LeadershipItem change(Caller caller, LeadershipItemKind kind, String id, Consumer<LeadershipItem> change) {
        LeadershipItem item = find(caller, kind, id).orElseThrow(() -> notFound(kind, id));
        change.accept(item);
        return items.save(item);
    }

    private void requireKnownArena(Caller caller, String arenaId) {
        if (arenaId != null && arenas.find(caller.municipality(), arenaId).isEmpty()) {
            throw ProblemException.invalid("arenaId", "referral.arena-unknown", arenaId);
        }
    }
}
