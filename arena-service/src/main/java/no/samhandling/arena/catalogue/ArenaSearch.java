package no.samhandling.arena.catalogue;

import no.samhandling.events.arena.ArenaLevel;

/**
 * The filters of {@code GET /arenas}; every one is optional and they combine with "and".
 *
 * @param age whole years; arenas whose age band contains it
 * @param q free text, case-insensitive, over name, mandate and partiesText
 * @param status ACTIVE unless asked for
 */
record ArenaSearch(Integer age, ArenaLevel level, Party party, String q, Arena.Status status, String externalKey) {
}
