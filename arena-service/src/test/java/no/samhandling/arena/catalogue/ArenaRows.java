package no.samhandling.arena.catalogue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Test data: one arena row of the catalogue format, with the fields a test cares about and sane defaults. */
record ArenaRows(String externalKey, String name, String level, int from, int to, String mandate, String[] parties,
        String escalatesTo) {

    static ArenaRows row(String externalKey) {
        return new ArenaRows(externalKey, "Tverrfagleg team " + externalKey, "INDIVIDUAL", 0, 6,
                "Saker vert drøfta anonymt.", new String[] {"PPT", "KINDERGARTEN"}, null);
    }

    ArenaRows named(String newName) {
        return new ArenaRows(externalKey, newName, level, from, to, mandate, parties, escalatesTo);
    }

    ArenaRows level(String newLevel) {
        return new ArenaRows(externalKey, name, newLevel, from, to, mandate, parties, escalatesTo);
    }

    ArenaRows ages(int newFrom, int newTo) {
        return new ArenaRows(externalKey, name, level, newFrom, newTo, mandate, parties, escalatesTo);
    }

    ArenaRows mandate(String newMandate) {
        return new ArenaRows(externalKey, name, level, from, to, newMandate, parties, escalatesTo);
    }

    ArenaRows parties(String... newParties) {
        return new ArenaRows(externalKey, name, level, from, to, mandate, newParties, escalatesTo);
    }

    ArenaRows escalatesTo(String target) {
        return new ArenaRows(externalKey, name, level, from, to, mandate, parties, target);
    }

    String json() {
        String partyList = Arrays.stream(parties).map(party -> "\"" + party + "\"").collect(Collectors.joining(", "));
        return """
                {"externalKey": "%s", "name": "%s", "level": "%s", "ageBand": {"from": %d, "to": %d},
                 "mandate": "%s", "parties": [%s], "partiesText": "PPT og barnehage",
                 "meetingFrequency": "6 årlege møter – vår 3, haust 3", "meetingOwner": {"role": "Leiande helsesjukepleiar"},
                 "discussionMode": "ANONYMOUS_OR_CONSENT", "intake": {"whoMayRegister": ["KINDERGARTEN"], "measuresRequiredFirst": true}%s}"""
                .formatted(externalKey, name, level, from, to, mandate, partyList,
                        escalatesTo == null ? "" : ", \"escalatesTo\": \"" + escalatesTo + "\"");
    }

    static String file(String municipality, ArenaRows... rows) {
        return "{\"municipality\": \"" + municipality + "\", \"name\": \"Testkommune\", \"arenas\": ["
                + Arrays.stream(rows).map(ArenaRows::json).collect(Collectors.joining(",\n")) + "]}";
    }
}
