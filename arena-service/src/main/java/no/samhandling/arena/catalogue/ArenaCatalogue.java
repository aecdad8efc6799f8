package no.samhandling.arena.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/** Registers, changes, retires and finds arenas; every operation is scoped to one municipality. */
@Service
class ArenaCatalogue {

    private final AggregateStore<Arena> arenas;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    ArenaCatalogue(AggregateStores stores, MongoTemplate mongo, Clock clock, ApplicationEventPublisher publisher) {
        this.arenas = stores.of(Arena.class);
        this.clock = clock;
        this.publisher = publisher;
        // An external key names one arena per municipality: it makes registration and import idempotent.
        mongo.indexOps(Arena.class).createIndex(new Index().on("municipality", Sort.Direction.ASC)
                .on("externalKey", Sort.Direction.ASC).unique().named("municipality_externalKey"));
    }

    ArenaView registerArena(Caller writer, RegisterArena request) {
        String municipality = writer.municipality();
        request.checkRhythm();
        request.checkCoordinatorIsNot(writer.subject());
        Map<String, Arena> byKey = byExternalKey(municipality);
        String escalationArenaId = checkEscalation(byKey, request);
        try {
            return store(Arena.register(UUID.randomUUID().toString(), municipality, request, escalationArenaId, clock.instant()))
                    .view();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("arena.duplicate-key", request.externalKey());
        }
    }

    /**
     * Replaces an arena's entry. With {@code expectedVersion} the write fails if anyone changed the arena since
     * that version was read; without it the last writer wins, which suits a single administrator.
     */
    ArenaView updateArena(Caller writer, String id, RegisterArena request, Long expectedVersion) {
        String municipality = writer.municipality();
        request.checkRhythm();
        request.checkCoordinatorIsNot(writer.subject());
        Arena arena = arenas.find(municipality, id).orElseThrow(() -> ProblemException.notFound("Arena", id));
        if (expectedVersion != null && !expectedVersion.equals(arena.version())) {
            throw new OptimisticLockingFailureException("Arena " + id + " is at another version");
        }
        if (!arena.isActive()) {
            throw ProblemException.conflict("arena.retired", arena.externalKey());
        }
        if (!arena.externalKey().equals(request.externalKey())) {
            // The key is how imports find the arena again; changing it would orphan the row.
            throw ProblemException.invalid("externalKey", "arena.external-key.immutable");
        }
        String escalationArenaId = checkEscalation(byExternalKey(municipality), request);
        if (arena.update(request, escalationArenaId, clock.instant())) {
            store(arena);
        } else {
            confirmCoordinator(arena);
        }
        return arena.view();
    }

    ArenaView retireArena(String municipality, String id, String replacementArenaId) {
        Arena arena = arenas.find(municipality, id).orElseThrow(() -> ProblemException.notFound("Arena", id));
        if (!arena.isActive()) {
            throw ProblemException.conflict("arena.retired", arena.externalKey());
        }
        if (replacementArenaId != null) {
            boolean usable = !replacementArenaId.equals(id)
                    && arenas.find(municipality, replacementArenaId).map(Arena::isActive).orElse(false);
            if (!usable) {
                throw ProblemException.invalid("replacementArenaId", "arena.replacement.invalid");
            }
        }
        arena.retire(replacementArenaId, clock.instant());
        return store(arena).view();
    }

    List<ArenaView> search(String municipality, ArenaSearch search) {
        Criteria criteria = Criteria.where("municipality").is(municipality);
        criteria = criteria.and("status").is((search.status() == null ? Arena.Status.ACTIVE : search.status()).name());
        if (search.externalKey() != null) {
            criteria = criteria.and("externalKey").is(search.externalKey());
        }
        if (search.age() != null) {
            criteria = criteria.and("ageFrom").lte(search.age()).and("ageTo").gte(search.age());
        }
        if (search.level() != null) {
            criteria = criteria.and("level").is(search.level().name());
        }
        if (search.party() != null) {
            criteria = criteria.and("parties").is(search.party().name());
        }
        if (search.q() != null && !search.q().isBlank()) {
            // Quoted: the text is the user's, never a pattern.
            Pattern text = Pattern.compile(Pattern.quote(search.q().strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            criteria = criteria.orOperator(Criteria.where("name").regex(text), Criteria.where("mandate").regex(text),
                    Criteria.where("partiesText").regex(text));
        }
        return arenas.find(Query.query(criteria).with(Sort.by("name"))).stream().map(Arena::view).toList();
    }

    /** Active arenas of every municipality that have a meeting rhythm, for the planner's periodic run. */
    List<Arena> rhythmicArenas() {
        return arenas.find(Query.query(Criteria.where("status").is(Arena.Status.ACTIVE.name()).and("rhythm").ne(null)));
    }

    Optional<ArenaView> find(String municipality, String id) {
        return arenas.find(municipality, id).map(Arena::view);
    }

    /** Every arena of the municipality, retired ones included, by external key. */
    Map<String, Arena> byExternalKey(String municipality) {
        return arenas.find(Query.query(Criteria.where("municipality").is(municipality))).stream()
                .collect(Collectors.toMap(Arena::externalKey, Function.identity()));
    }

    /** Every write of an arena goes through here, so that its meetings follow its rhythm and its coordinator holds the place. */
    Arena store(Arena arena) {
        arenas.save(arena);
        publisher.publishEvent(new ArenaLookup.ScheduleChanged(arena.schedule()));
        confirmCoordinator(arena);
        return arena;
    }

    /** An entry written again unchanged still names its coordinator: an earlier write may have stopped before the membership. */
    void confirmCoordinator(Arena arena) {
        if (arena.isActive()) {
            publisher.publishEvent(arena.coordinatorNamed());
        }
    }

    /** The id of the arena the request escalates to, after checking that the link leads somewhere and not in a circle. */
    private static String checkEscalation(Map<String, Arena> byKey, RegisterArena request) {
        if (request.escalatesTo() == null || request.escalatesTo().isBlank()) {
            return null;
        }
        EscalationLinks links = new EscalationLinks();
        byKey.values().stream().filter(Arena::isActive).forEach(arena -> links.put(arena.externalKey(), arena.escalatesTo()));
        links.put(request.externalKey(), request.escalatesTo());
        EscalationLinks.Fault fault = links.faultOf(request.externalKey());
        if (fault != null) {
            throw ProblemException.invalid("escalatesTo", fault.messageKey, request.escalatesTo());
        }
        return byKey.get(request.escalatesTo()).id();
    }
}
