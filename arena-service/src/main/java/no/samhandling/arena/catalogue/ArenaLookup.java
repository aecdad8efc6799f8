package no.samhandling.arena.catalogue;

import org.springframework.stereotype.Component;

import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.web.ProblemException;

/** What the rest of arena-service may ask the catalogue: does this arena exist for this municipality. */
@Component
public class ArenaLookup {

    private final AggregateStore<Arena> arenas;

    ArenaLookup(AggregateStores stores) {
        this.arenas = stores.of(Arena.class);
    }

    /** @throws ProblemException 404 when the municipality has no such arena */
    public void requireArena(String municipality, String arenaId) {
        if (arenas.find(municipality, arenaId).isEmpty()) {
            throw ProblemException.notFound("Arena", arenaId);
        }
    }
}
