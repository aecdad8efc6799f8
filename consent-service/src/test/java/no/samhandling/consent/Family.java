package no.samhandling.consent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import no.samhandling.platform.test.NationalIdNumbers;
import no.samhandling.platform.test.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A test child with two guardians who share parental responsibility and a stepparent who has none,
 * registered through the API. Names and logins are unique per family so that raw scans find only this one.
 */
final class Family {

    final String subjectId;
    final String childName;
    final String nationalId;
    final String motherId;
    final String fatherId;
    final String stepparentId;
    final String motherLogin;
    final String fatherLogin;
    final String motherEmail;

    private Family(JsonNode subject, String childName, String nationalId, String motherLogin, String fatherLogin, String motherEmail) {
        this.subjectId = subject.get("id").asString();
        this.childName = childName;
        this.nationalId = nationalId;
        this.motherId = guardianId(subject, "Mor");
        this.fatherId = guardianId(subject, "Far");
        this.stepparentId = guardianId(subject, "Stefar");
        this.motherLogin = motherLogin;
        this.fatherLogin = fatherLogin;
        this.motherEmail = motherEmail;
    }

    /** A child who turned {@code years} a few weeks ago (Oslo calendar). */
    static Family withChildAged(HttpApi staff, int years) {
        LocalDate born = LocalDate.now(ZoneId.of("Europe/Oslo")).minusYears(years).minusDays(20);
        String tag = letters();
        String childName = "Tiril " + tag + "sen";
        String nationalId = NationalIdNumbers.syntheticFor(born);
        String motherLogin = "mor-" + tag;
        String fatherLogin = "far-" + tag;
        String motherEmail = "mor." + tag + "@example.no";
        HttpApi.Response response = staff.post("/subjects", """
                {"name": "%s", "nationalId": "%s", "guardians": [
                  {"name": "Mor %s", "email": "%s", "phone": "+47 912 34 567", "parentalResponsibility": true,
                   "userId": "%s", "language": "nn"},
                  {"name": "Far %s", "email": "far.%s@example.no", "parentalResponsibility": true, "userId": "%s"},
                  {"name": "Stefar %s", "email": "stefar.%s@example.no", "parentalResponsibility": false, "userId": "ste-%s"}]}
                """.formatted(childName, nationalId, tag, motherEmail, motherLogin, tag, tag, fatherLogin, tag, tag, tag));
        if (response.status() != 201) {
            throw new AssertionError("registration failed: " + response.body());
        }
        return new Family(response.json(), childName, nationalId, motherLogin, fatherLogin, motherEmail);
    }

    private static String guardianId(JsonNode subject, String prefix) {
        for (JsonNode guardian : subject.get("guardians")) {
            if (guardian.get("name").asString().startsWith(prefix + " ")) {
                return guardian.get("guardianId").asString();
            }
        }
        throw new AssertionError("no guardian " + prefix);
    }

    private static String letters() {
        StringBuilder tag = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            tag.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    }

    /** A consent request body: who decided, on which arenas, in which legal area. */
    static String consent(String legalArea, String decidedBy, String arenaId, String validTo) {
        return """
                {"legalArea": "%s", "decidedBy": %s,
                 "scope": {"arenaIds": ["%s"], "parties": ["SCHOOL", "HEALTH_STATION"], "purposeCode": "INTERDISCIPLINARY_DISCUSSION",
                           "informationIncluded": ["ATTENDANCE", "LEARNING"], "informationExcluded": ["HEALTH_RECORD"]},
                 %s
                 "evidence": {"type": "SIGNED_FORM", "reference": "Arkiv 2026/%s"}}
                """.formatted(legalArea, decidedBy, arenaId, validTo == null ? "" : "\"validTo\": \"" + validTo + "\",",
                        UUID.randomUUID().toString().substring(0, 6));
    }

    String guardians(String... ids) {
        return "{\"guardianIds\": [" + String.join(", ", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    static String youth() {
        return "{\"youth\": true}";
    }
}
