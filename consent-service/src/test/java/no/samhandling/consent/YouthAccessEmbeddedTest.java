package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.platform.access.AccessLog;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.access.Outcome;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The youth, where the rules let them decide (issue 11): the child's own login, linked by someone
 * related to the child, relates the child to its own record only with the YOUTH role and only from
 * the age at which it decides alone in a legal area (health 16, child welfare 15 by default), and
 * then only to the consents of those areas. The youth withdraws them and sees who read their data,
 * in the same view and pages as the guardians; the guardians do not see the youth's own visits.
 */
@ServiceTest
@TestPropertySource(properties = "samhandling.access-log.sources=")
class YouthAccessEmbeddedTest {

    static final String ARENA = ChildAccessEmbeddedTest.ARENA;

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaParties arenaParties;

    @Autowired
    ArenaRoster roster;

    @Autowired
    AccessLog log;

    @BeforeEach
    void arena() {
        new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, arenaParties, roster)
                .ensure(ARENA, List.of("SCHOOL", "HEALTH_STATION"));
    }

    @Test
    void aYouthOf16SeesAndWithdrawsTheirOwnHealthConsentButNotTheGuardiansConsentAboutSchool() {
        Family family = Family.withChildAged(registrar(), 16);
        String youth = linkYouth(family);
        String health = consent(family, "HEALTH", Family.youth());
        String school = consent(family, "EDUCATION", family.guardians(family.motherId, family.fatherId));

        JsonNode children = youth(youth).get("/guardian/children").json();

        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("subjectId").asString()).isEqualTo(family.subjectId);
        assertThat(children.get(0).get("name").asString()).isEqualTo(family.childName);
        assertThat(children.get(0).get("consents").findValuesAsString("id")).containsExactly(health);
        assertThat(youth(youth).post("/guardian/consents/" + school + "/withdraw", "").status()).isEqualTo(404);

        JsonNode withdrawn = youth(youth).post("/guardian/consents/" + health + "/withdraw", "").json();

        assertThat(withdrawn.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get(0).get("withdrawal").get("withdrawnBy").asString()).isEqualTo("YOUTH");
        assertThat(withdrawn.get(0).get("withdrawal").get("evidenceType").asString()).isEqualTo("YOUTH_VIEW");
        assertThat(registrar().get("/consents/" + school).json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(guardian(family.motherLogin).get("/guardian/children").json().get(0).get("consents").findValuesAsString("id"))
                .as("the youth's own consent stays theirs").containsExactly(school);
    }

    @Test
    void theYouthIsRelatedOnlyFromTheAgeTheyDecideAloneAndOnlyInThoseAreas() {
        Family fourteen = Family.withChildAged(registrar(), 14);
        String tooYoung = linkYouth(fourteen);
        consent(fourteen, "CHILD_WELFARE", fourteen.guardians(fourteen.motherId, fourteen.fatherId));

        assertThat(youth(tooYoung).get("/guardian/children").json()).isEmpty();
        assertThat(youth(tooYoung).get("/guardian/children/" + fourteen.subjectId + "/reads").status()).isEqualTo(404);
        assertThat(youth(tooYoung).post("/guardian/children/" + fourteen.subjectId + "/withdraw", "").status()).isEqualTo(404);

        Family fifteen = Family.withChildAged(registrar(), 15);
        String youth = linkYouth(fifteen);
        String childWelfare = consent(fifteen, "CHILD_WELFARE", Family.youth());
        String healthByGuardians = consent(fifteen, "HEALTH", fifteen.guardians(fifteen.motherId, fifteen.fatherId));

        assertThat(youth(youth).get("/guardian/children").json().get(0).get("consents").findValuesAsString("id"))
                .containsExactly(childWelfare);
        JsonNode withdrawnAll = youth(youth).post("/guardian/children/" + fifteen.subjectId + "/withdraw", "").json();
        assertThat(withdrawnAll.findValuesAsString("id")).containsExactly(childWelfare);
        assertThat(registrar().get("/consents/" + healthByGuardians).json().get("status").asString())
                .as("health is the guardians' until 16").isEqualTo("GRANTED");
    }

    @Test
    void onlyTheChildsOwnLoginWithTheYouthRoleInItsMunicipalityIsTheYouth() {
        Family family = Family.withChildAged(registrar(), 16);
        String youth = linkYouth(family);
        consent(family, "HEALTH", Family.youth());

        assertThat(youth(youth).get("/guardian/children").json()).hasSize(1);
        assertThat(as(youth, "GUARDIAN").get("/guardian/children").json()).isEmpty();
        assertThat(as(youth, "COORDINATOR").get("/subjects/" + family.subjectId).status()).isEqualTo(404);
        assertThat(youth(youth).get("/subjects/" + family.subjectId).status()).as("the staff API is not theirs").isEqualTo(403);
        assertThat(as(family.motherLogin, "YOUTH").get("/guardian/children").json()).isEmpty();
        assertThat(HttpApi.at(port).as(TestTokens.token(youth, TestTokens.MELHUS, "YOUTH")).get("/guardian/children").json()).isEmpty();
        assertThat(youth("ung-stranger").get("/guardian/children/" + family.subjectId + "/reads").status()).isEqualTo(404);
    }

    @Test
    void onlyThoseRelatedLinkTheChildsLoginAndNeverTheirOwnOrAGuardians() {
        Family family = Family.withChildAged(registrar(), 16);
        String path = "/subjects/" + family.subjectId + "/youth-login";

        HttpApi.Response byStranger = as("stranger", "COORDINATOR").put(path, "{\"userId\": \"stranger-youth\"}");
        HttpApi.Response ownLogin = registrar().put(path, "{\"userId\": \"registrar\"}");
        HttpApi.Response guardiansLogin = registrar().put(path, "{\"userId\": \"" + family.motherLogin + "\"}");
        HttpApi.Response ownAtRegistration = registrar().post("/subjects",
                "{\"name\": \"Ola Nordmann\", \"birthDate\": \"2010-01-01\", \"youthUserId\": \"registrar\"}");
        HttpApi.Response guardiansAtRegistration = registrar().post("/subjects", """
                {"name": "Ola Nordmann", "birthDate": "2010-01-01", "youthUserId": "mor-ola",
                 "guardians": [{"name": "Mor", "parentalResponsibility": true, "userId": "mor-ola"}]}""");

        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(ownLogin.status()).isEqualTo(400);
        assertThat(ownLogin.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(guardiansLogin.status()).isEqualTo(400);
        assertThat(guardiansLogin.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(ownAtRegistration.json().get("errors").get(0).get("field").asString()).isEqualTo("youthUserId");
        assertThat(guardiansAtRegistration.json().get("errors").get(0).get("field").asString()).isEqualTo("youthUserId");

        String youth = linkYouth(family);
        HttpApi.Response atRegistration = registrar().post("/subjects",
                "{\"name\": \"Ola Nordmann\", \"birthDate\": \"2010-01-01\", \"youthUserId\": \"ung-ola\"}");

        assertThat(atRegistration.status()).isEqualTo(201);
        assertThat(atRegistration.json().get("youthUserId").asString()).isEqualTo("ung-ola");
        assertThat(registrar().get("/subjects/" + family.subjectId).json().get("youthUserId").asString()).isEqualTo(youth);
        HttpApi.Response guardianWithTheYouthsLogin = registrar().post("/subjects/" + family.subjectId + "/guardians",
                "{\"name\": \"Ny\", \"parentalResponsibility\": true, \"userId\": \"" + youth + "\"}");
        assertThat(guardianWithTheYouthsLogin.status()).isEqualTo(400);
        assertThat(guardianWithTheYouthsLogin.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(entriesAbout(family)).extracting(AccessLogEntry::userId, AccessLogEntry::outcome, AccessLogEntry::purpose)
                .contains(tuple("registrar", Outcome.CHANGED, "YOUTH_LOGIN_LINKED"), tuple("stranger", Outcome.REFUSED, null));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        JsonNode review = as("privacy-officer", "PRIVACY_OFFICER").get("/access-review?from=" + today + "&to=" + today).json();
        assertThat(review.get("users").findParents("userId").stream()
                .filter(user -> user.get("userId").asString().equals("registrar")).findFirst().orElseThrow()
                .get("flags").get("YOUTH_LOGIN_LINKED").asInt()).isPositive();
    }

    @Test
    void theYouthSeesWhoReadTheirDataAndTheGuardiansDoNotSeeTheYouthsOwnVisits() {
        Family family = Family.withChildAged(registrar(), 16);
        String youth = linkYouth(family);
        consent(family, "HEALTH", Family.youth());
        registrar().get("/subjects/" + family.subjectId);
        youth(youth).get("/guardian/children");
        guardian(family.motherLogin).get("/guardian/children");

        JsonNode reads = youth(youth).get("/guardian/children/" + family.subjectId + "/reads").json();
        JsonNode mothers = guardian(family.motherLogin).get("/guardian/children/" + family.subjectId + "/reads").json();

        assertThat(reads.findValuesAsString("readerId")).contains("registrar", family.motherLogin).doesNotContain(youth);
        assertThat(mothers.findValuesAsString("readerId")).contains("registrar").doesNotContain(youth, family.motherLogin);
        assertThat(entriesAbout(family)).extracting(AccessLogEntry::userId, AccessLogEntry::relation, AccessLogEntry::outcome,
                AccessLogEntry::purpose).contains(tuple(youth, Relation.YOUTH, Outcome.READ, "YOUTH_VIEW"));
    }

    @Test
    void theYouthUsesTheSamePagesInTheirOwnLanguage() {
        Family family = Family.withChildAged(registrar(), 16);
        String youth = linkYouth(family);
        String health = consent(family, "HEALTH", Family.youth());
        PageClient pages = PageClient.at(port).as(TestTokens.token(youth, TestTokens.AUKRA, "YOUTH"));

        String overview = pages.get("/mitt-barn").body();
        String confirmation = pages.inLanguage("nn").get("/mitt-barn/samtykke/" + health + "/trekk-tilbake").body();

        assertThat(overview).contains(family.childName, "Ungdommen selv", "Trekk tilbake samtykket").doesNotContain(family.nationalId);
        assertThat(confirmation).contains(family.childName);
        assertThat(pages.get("/mitt-barn/" + family.subjectId + "/lest").status()).isEqualTo(200);
    }

    private List<AccessLogEntry> entriesAbout(Family family) {
        return log.between(TestTokens.AUKRA, Instant.EPOCH, Instant.now().plusSeconds(1)).stream()
                .filter(entry -> family.subjectId.equals(entry.subjectId())).toList();
    }

    /** Links the child's own login, as staff related to the child do; returns it. */
    private String linkYouth(Family family) {
        String login = "ung-" + family.motherLogin.substring("mor-".length());
        HttpApi.Response linked = registrar().put("/subjects/" + family.subjectId + "/youth-login", "{\"userId\": \"" + login + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        return login;
    }

    private String consent(Family family, String legalArea, String decidedBy) {
        HttpApi.Response consent = registrar().post("/subjects/" + family.subjectId + "/consents",
                Family.consent(legalArea, decidedBy, ARENA, null));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        assertThat(consent.json().get("status").asString()).isEqualTo("GRANTED");
        return consent.json().get("id").asString();
    }

    private HttpApi registrar() {
        return as("registrar", "COORDINATOR");
    }

    private HttpApi youth(String login) {
        return as(login, "YOUTH");
    }

    private HttpApi guardian(String login) {
        return as(login, "GUARDIAN");
    }

    private HttpApi as(String user, String role) {
        return HttpApi.at(port).as(TestTokens.token(user, TestTokens.AUKRA, role));
    }
}
