package no.samhandling.arena.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.web.ProblemException;

/** Registers and finds arenas; every operation is scoped to one municipality. */
@Service
class ArenaCatalogue {

    private final AggregateStore<Arena> arenas;
    private final Clock clock;

    ArenaCatalogue(AggregateStores stores, MongoTemplate mongo, Clock clock) {
        this.arenas = stores.of(Arena.class);
        this.clock = clock;
        // An external key names one arena per municipality: it makes registration and import idempotent.
        mongo.indexOps(Arena.class).createIndex(new Index().on("municipality", Sort.Direction.ASC)
                .on("externalKey", Sort.Direction.ASC).unique().named("municipality_externalKey"));
    }

    ArenaView registerArena(String municipality, RegisterArena request) {
        try {
            return arenas.save(Arena.register(municipality, request, clock.instant())).view();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("arena.duplicate-key", request.externalKey());
        }
    }

    List<ArenaView> list(String municipality, String externalKey) {
        Criteria criteria = Criteria.where("municipality").is(municipality);
        if (externalKey != null) {
            criteria = criteria.and("externalKey").is(externalKey);
        }
        return arenas.find(Query.query(criteria).with(Sort.by("name"))).stream().map(Arena::view).toList();
    }

    Optional<ArenaView> find(String municipality, String id) {
        return arenas.find(municipality, id).map(Arena::view);
    }
}
