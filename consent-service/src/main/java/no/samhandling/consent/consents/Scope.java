package no.samhandling.consent.consents;

import java.util.List;

/**
 * What a consent covers: the arenas that may discuss the child by name, the services (parties)
 * that may share information, for what purpose, and which kinds of information are included or
 * explicitly excluded. All but arena ids are codes.
 */
record Scope(
        List<String> arenaIds,
        List<String> parties,
        String purposeCode,
        List<String> informationIncluded,
        List<String> informationExcluded) {

    Scope {
        arenaIds = List.copyOf(arenaIds);
        parties = parties == null ? List.of() : List.copyOf(parties);
        informationIncluded = informationIncluded == null ? List.of() : List.copyOf(informationIncluded);
        informationExcluded = informationExcluded == null ? List.of() : List.copyOf(informationExcluded);
    }
}
