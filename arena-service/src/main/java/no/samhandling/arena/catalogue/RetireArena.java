package no.samhandling.arena.catalogue;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /arenas/{id}/retire}: the arena that takes over, so open cases can be redirected. */
record RetireArena(@Size(max = 100) String replacementArenaId) {
}
