package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.access.AccessLog;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.access.Outcome;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Expected;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Need-to-know in consent-service (issue 11): a child's identity, guardians and consents are seen
 * and changed only by those related to it (the staff member who registered it, the coordinator and
 * members of an arena a consent covers, its guardians), everyone else is told it does not exist,
 * and every read and every refusal is in the access log. The authorisation matrix holds every
 * endpoint, pages included, to the same rules.
 */
@ServiceTest
@TestPropertySource(properties = "samhandling.access-log.sources=")
class ChildAccessEmbeddedTest {

    static final String ARENA = "arena-barneteam";
    static final String ARENA_WITH_POLICE = "arena-slt";
    static final String ARENA_MEMBER = "arena-member";
    static final String POLICE_ARENA_MEMBER = "slt-member";

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

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void arenasAndTheirMembers() {
        KnownArenas arenas = new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, arenaParties, roster);
        arenas.ensure(ARENA, List.of("SCHOOL", "HEALTH_STATION"));
        arenas.ensure(ARENA_WITH_POLICE, List.of("SCHOOL", "HEALTH_STATION", "POLICE"));
        if (roster.roleOf(TestTokens.AUKRA, ARENA, ARENA_MEMBER).isEmpty()) {
            arenas.join(ARENA, ARENA_MEMBER, MemberRole.COORDINATOR);
            arenas.join(ARENA_WITH_POLICE, POLICE_ARENA_MEMBER, MemberRole.MEMBER);
        }
    }

    @Test
    void staffOfTheMunicipalityWithoutARelationNoLongerReadAChild() {
        Family family = Family.withChildAged(registrar(), 9);
        String consentId = grantedConsent(family, ARENA);

        for (HttpApi stranger : List.of(as("stranger", "REFERRER"), as("stranger", "COORDINATOR"), as("stranger", "MEMBER"))) {
            HttpApi.Response child = stranger.get("/subjects/" + family.subjectId);
            assertThat(child.status()).isEqualTo(404);
            assertThat(child.body()).doesNotContain(family.childName, family.motherEmail, family.motherLogin);
            assertThat(stranger.get("/subjects/" + family.subjectId + "/consents").status()).isEqualTo(404);
            assertThat(stranger.get("/consents/" + consentId).status()).isEqualTo(404);
        }
        HttpApi.Response unknown = as("stranger", "COORDINATOR").get("/subjects/00000000-0000-4000-8000-000000000000");
        HttpApi.Response hidden = as("stranger", "COORDINATOR").get("/subjects/" + family.subjectId);
        assertThat(hidden.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(hidden.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(as("admin", "ADMIN").get("/subjects/" + family.subjectId).status()).isEqualTo(403);
        assertThat(as("leader", "LEADER").get("/subjects/" + family.subjectId).status()).isEqualTo(403);
        assertThat(registrar().get("/subjects/" + family.subjectId).json().get("name").asString()).isEqualTo(family.childName);
    }

    @Test
    void membersOfAnArenaAnActiveConsentCoversSeeTheChildUntilTheConsentEnds() {
        Family family = Family.withChildAged(registrar(), 9);
        String pending = registrar().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("HEALTH", family.guardians(family.motherId), ARENA, null)).json().get("id").asString();
        assertThat(as(ARENA_MEMBER, "MEMBER").get("/subjects/" + family.subjectId).status()).as("a pending consent covers nothing").isEqualTo(404);

        String consentId = grantedConsent(family, ARENA);

        assertThat(as(ARENA_MEMBER, "MEMBER").get("/subjects/" + family.subjectId).json().get("name").asString()).isEqualTo(family.childName);
        assertThat(as(ARENA_MEMBER, "COORDINATOR").get("/consents/" + pending).status()).isEqualTo(200);
        // The consent names this arena too, but does not let the police share, who sit in it.
        String policeConsent = grantedConsent(Family.withChildAged(registrar(), 9), ARENA_WITH_POLICE);
        assertThat(as(POLICE_ARENA_MEMBER, "MEMBER").get("/consents/" + policeConsent).status()).isEqualTo(404);
        // A referrer's role does not make arena membership count.
        assertThat(as(ARENA_MEMBER, "REFERRER").get("/subjects/" + family.subjectId).status()).isEqualTo(404);

        registrar().post("/consents/" + consentId + "/withdraw", "{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"" + family.motherId + "\"}");

        assertThat(as(ARENA_MEMBER, "MEMBER").get("/subjects/" + family.subjectId).status()).isEqualTo(404);
        assertThat(registrar().get("/subjects/" + family.subjectId).status()).isEqualTo(200);
    }

    @Test
    void leavingTheArenaEndsAccessAtOnce() {
        String leaving = "leaving-member";
        KnownArenas arenas = new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, arenaParties, roster);
        arenas.join(ARENA, leaving, MemberRole.MEMBER);
        Family family = Family.withChildAged(registrar(), 9);
        grantedConsent(family, ARENA);
        assertThat(as(leaving, "MEMBER").get("/subjects/" + family.subjectId).status()).isEqualTo(200);

        arenas.leave(ARENA, leaving);

        assertThat(as(leaving, "MEMBER").get("/subjects/" + family.subjectId).status()).isEqualTo(404);
    }

    @Test
    void onlyThoseRelatedAddAGuardianAndNobodyAddsTheirOwnLogin() {
        Family family = Family.withChildAged(registrar(), 9);

        HttpApi.Response byStranger = as("stranger", "COORDINATOR").post("/subjects/" + family.subjectId + "/guardians",
                "{\"name\": \"Ny\", \"parentalResponsibility\": true, \"userId\": \"stranger\"}");
        HttpApi.Response ownLogin = registrar().post("/subjects/" + family.subjectId + "/guardians",
                "{\"name\": \"Ny\", \"parentalResponsibility\": true, \"userId\": \"registrar\"}");
        HttpApi.Response ownLoginAtRegistration = registrar().post("/subjects", """
                {"name": "Ola Nordmann", "birthDate": "2017-01-01",
                 "guardians": [{"name": "Mor", "parentalResponsibility": true, "userId": "registrar"}]}""");
        HttpApi.Response byRegistrar = registrar().post("/subjects/" + family.subjectId + "/guardians",
                "{\"name\": \"Ny\", \"parentalResponsibility\": true, \"userId\": \"ny-foresatt\"}");

        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(ownLogin.status()).isEqualTo(400);
        assertThat(ownLogin.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        assertThat(ownLoginAtRegistration.status()).isEqualTo(400);
        assertThat(ownLoginAtRegistration.json().get("errors").get(0).get("field").asString()).isEqualTo("guardians[0].userId");
        assertThat(byRegistrar.status()).isEqualTo(201);
        assertThat(registrar().get("/subjects/" + family.subjectId).json().get("guardians").findValuesAsString("userId"))
                .contains("ny-foresatt").doesNotContain("stranger", "registrar");
    }

    @Test
    void onlyThoseRelatedLimitOrWithdrawAConsent() {
        Family family = Family.withChildAged(registrar(), 9);
        String consentId = grantedConsent(family, ARENA);
        HttpApi stranger = as("stranger", "MEMBER");

        assertThat(stranger.post("/consents/" + consentId + "/limit", "{\"informationIncluded\": [\"ATTENDANCE\"]}").status()).isEqualTo(404);
        assertThat(stranger.post("/consents/" + consentId + "/withdraw",
                "{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"" + family.motherId + "\"}").status()).isEqualTo(404);
        assertThat(stranger.post("/subjects/" + family.subjectId + "/consents",
                Family.consent("HEALTH", family.guardians(family.motherId), ARENA, null)).status()).isEqualTo(404);

        assertThat(registrar().get("/consents/" + consentId).json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(as(ARENA_MEMBER, "COORDINATOR").post("/consents/" + consentId + "/limit", "{\"informationIncluded\": [\"ATTENDANCE\"]}")
                .json().get("status").asString()).isEqualTo("LIMITED");
    }

    @Test
    void everyReadAndEveryRefusalIsInTheAccessLogWithTheRelationAndTheGuardiansSeeTheReads() {
        Family family = Family.withChildAged(registrar(), 9);
        String consentId = grantedConsent(family, ARENA);

        registrar().get("/subjects/" + family.subjectId);
        as(ARENA_MEMBER, "MEMBER").get("/consents/" + consentId);
        as("stranger", "COORDINATOR").get("/subjects/" + family.subjectId);
        // notification-service knows the child by its topic id only.
        String topicId = mongo.getCollection("subjects").find(new org.bson.Document("_id", family.subjectId)).first().getString("topicId");
        HttpApi.at(port).as(TestTokens.serviceToken("notification-service", "contacts"))
                .get("/subjects/" + topicId + "/guardian-contacts?arenaId=" + ARENA);

        List<AccessLogEntry> logged = log.between(TestTokens.AUKRA, Instant.EPOCH, Instant.now().plusSeconds(1)).stream()
                .filter(entry -> family.subjectId.equals(entry.subjectId())).toList();
        assertThat(logged).extracting(AccessLogEntry::userId, AccessLogEntry::relation, AccessLogEntry::outcome, AccessLogEntry::resourceKind)
                .containsExactly(
                        tuple("registrar", Relation.SUBJECT_REGISTRAR, Outcome.CHANGED, "subject"),
                        tuple("registrar", Relation.SUBJECT_REGISTRAR, Outcome.CHANGED, "consent"),
                        tuple("registrar", Relation.SUBJECT_REGISTRAR, Outcome.READ, "subject"),
                        tuple(ARENA_MEMBER, Relation.ARENA_MEMBER, Outcome.READ, "consent"),
                        tuple("stranger", null, Outcome.REFUSED, "subject"),
                        tuple("notification-service", Relation.SERVICE, Outcome.READ, "guardian-contacts"));
        assertThat(logged).extracting(AccessLogEntry::purpose)
                .containsExactly("REGISTRATION", "CONSENT_RECORDED", "CHILD_RECORD", "CONSENTS", null, "NOTICE");
        assertThat(logged.toString()).doesNotContain(family.childName, family.motherEmail, family.nationalId);
        assertThat(log.verify(TestTokens.AUKRA).intact()).isTrue();

        JsonNode reads = HttpApi.at(port).as(TestTokens.token(family.motherLogin, TestTokens.AUKRA, "GUARDIAN"))
                .get("/guardian/children/" + family.subjectId + "/reads").json();
        assertThat(reads.findValuesAsString("readerId")).contains("registrar", ARENA_MEMBER, "notification-service")
                .doesNotContain("stranger", family.motherLogin);
        assertThat(reads.get(0).get("readerId").asString()).as("newest first").isEqualTo("notification-service");
    }

    @Test
    void aPrivacyOfficerReviewsEachUsersReadsWithFlagsAndSeesWhetherTheLogsAreIntact() {
        Family family = Family.withChildAged(registrar(), 9);
        as("prober", "COORDINATOR").get("/subjects/" + family.subjectId);
        as("prober", "COORDINATOR").get("/subjects/" + family.subjectId + "/consents");
        String today = ConsentCoverageDays.today();
        HttpApi officer = as("privacy-officer", "PRIVACY_OFFICER");

        JsonNode review = officer.get("/access-review?from=" + today + "&to=" + today).json();

        assertThat(review.get("municipality").asString()).isEqualTo(TestTokens.AUKRA);
        assertThat(review.get("complete").asBoolean()).isTrue();
        assertThat(review.get("chains")).singleElement().satisfies(chain -> {
            assertThat(chain.get("service").asString()).isEqualTo("consent-service");
            assertThat(chain.get("intact").asBoolean()).isTrue();
        });
        JsonNode prober = userIn(review, "prober");
        assertThat(prober.get("refusals").asInt()).isEqualTo(2);
        assertThat(prober.get("flags").get("REFUSED").asInt()).isEqualTo(2);
        assertThat(userIn(review, "registrar").get("changes").asInt()).isPositive();
        JsonNode entries = officer.get("/access-review/users/prober?from=" + today + "&to=" + today).json();
        assertThat(entries.get("entries").findValuesAsString("subjectId")).containsOnly(family.subjectId);
        assertThat(entries.get("entries").findValuesAsString("outcome")).containsOnly("REFUSED");
        assertThat(entries.toString()).doesNotContain(family.childName);

        assertThat(as("leader", "LEADER").get("/access-review?from=" + today + "&to=" + today).status()).isEqualTo(403);
        assertThat(as("prober", "COORDINATOR").get("/access-review?from=" + today + "&to=" + today).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.token("privacy-officer", TestTokens.MELHUS, "PRIVACY_OFFICER"))
                .get("/access-review?from=" + today + "&to=" + today).json().findValuesAsString("userId")).doesNotContain("prober");
        assertThat(officer.get("/access-review?from=" + today + "&to=2020-01-01").json().get("errors").get(0).get("field").asString())
                .isEqualTo("to");
    }

    @Test
    void theReviewPagesShowTheFlagsTheChainsAndOneUsersEntries() {
        Family family = Family.withChildAged(registrar(), 9);
        as("page-prober", "MEMBER").get("/subjects/" + family.subjectId);
        String today = ConsentCoverageDays.today();
        PageClient officer = PageClient.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"));

        String page = officer.get("/tilgangslogg").body();
        String nynorsk = officer.inLanguage("nn").get("/tilgangslogg?from=" + today + "&to=" + today).body();
        String user = officer.get("/tilgangslogg/page-prober?from=" + today + "&to=" + today).body();

        assertThat(page).contains("<h1>Tilgangslogg</h1>", "consent-service", "Urørt", "Slettet etter lagringstiden", "page-prober",
                "avviste forsøk på saker eller barn uten tilknytning",
                "/tilgangslogg/page-prober?from=").doesNotContain(family.childName);
        assertThat(nynorsk).contains("Er loggane urørte?", "Brukarar i perioden", "Sletta etter lagringstida");
        assertThat(user).contains("Tilgangslogg for page-prober", "Avvist", family.subjectId).doesNotContain(family.childName);
        assertThat(PageClient.at(port).as(TestTokens.forRole("LEADER")).get("/tilgangslogg").status()).isEqualTo(403);
    }

    @Test
    void theAccessLogShowsTheGuardianAndTheChildWhileTheChildExistsAndLeadsToNeitherOnceItIsErased() {
        Family family = Family.withChildAged(registrar(), 9);
        registrar().get("/subjects/" + family.subjectId);
        HttpApi mother = HttpApi.at(port).as(TestTokens.token(family.motherLogin, TestTokens.AUKRA, "GUARDIAN"));
        assertThat(mother.get("/guardian/children").status()).isEqualTo(200);
        HttpApi officer = as("privacy-officer", "PRIVACY_OFFICER");
        HttpApi audit = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"));
        String entries = "/access-log/entries?from=" + ConsentCoverageDays.today() + "&to=" + ConsentCoverageDays.today();

        assertThat(readsOf(officer.get(entries).json(), family.subjectId))
                .contains(tuple("registrar", family.subjectId), tuple(family.motherLogin, family.subjectId));
        assertThat(audit.get("/access-log/reads?subjectId=" + family.subjectId).json().findValuesAsString("userId"))
                .contains("registrar", family.motherLogin);
        StringBuilder stored = new StringBuilder();
        mongo.getCollection("access_log").find().forEach(entry -> stored.append(entry.toJson()));
        assertThat(stored.toString()).as("stored, the child and its guardian only under the child's key")
                .doesNotContain(family.subjectId, family.motherLogin).contains("registrar");

        assertThat(as("admin", "ADMIN").post("/subjects/" + family.subjectId + "/erase", "").json().get("status").asString())
                .isEqualTo("ERASED");

        assertThat(audit.get("/access-log/reads?subjectId=" + family.subjectId).json().size()).isZero();
        JsonNode after = officer.get(entries).json();
        assertThat(after.toString()).doesNotContain(family.subjectId, family.motherLogin);
        assertThat(after.findValuesAsString("userId")).contains("registrar", AccessLogEntry.ERASED);
        assertThat(officer.get("/access-log/verify").json().get("intact").asBoolean()).isTrue();
        // The officer's pages say so in the reader's language (the address of the page keeps the code).
        PageClient pages = PageClient.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"));
        String period = "?from=" + ConsentCoverageDays.today() + "&to=" + ConsentCoverageDays.today();
        assertThat(pages.get("/tilgangslogg" + period).body()).contains(">(slettet)</a>", "registrar")
                .doesNotContain(">" + AccessLogEntry.ERASED + "<", family.motherLogin, family.subjectId);
        assertThat(pages.inLanguage("nn").get("/tilgangslogg/" + AccessLogEntry.ERASED + period).body())
                .contains("<h1>Tilgangslogg for (sletta)</h1>", "<code>(sletta)</code>")
                .doesNotContain(">" + AccessLogEntry.ERASED + "<", family.motherLogin, family.subjectId);
    }

    /** Who read which resource of the child, as the officer's entries show them. */
    private static List<org.assertj.core.groups.Tuple> readsOf(JsonNode entries, String subjectId) {
        List<org.assertj.core.groups.Tuple> reads = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (entry.hasNonNull("subjectId") && subjectId.equals(entry.get("subjectId").asString()) && "READ".equals(entry.get("outcome").asString())) {
                reads.add(tuple(entry.get("userId").asString(), entry.get("resourceId").asString()));
            }
        });
        return reads;
    }

    @Test
    void anAdministratorErasesAChildButReadsNothingOfIt() {
        Family family = Family.withChildAged(registrar(), 9);
        HttpApi admin = as("admin", "ADMIN");

        assertThat(admin.get("/subjects/" + family.subjectId).status()).isEqualTo(403);
        assertThat(admin.post("/subjects", "{\"name\": \"Ola\", \"birthDate\": \"2017-01-01\"}").status()).isEqualTo(403);
        assertThat(admin.post("/subjects/" + family.subjectId + "/erase", "").json().get("status").asString()).isEqualTo("ERASED");
    }

    @Test
    void theAuthorisationMatrixHoldsForEveryEndpointAndPage() {
        String[] staff = {"REFERRER", "COORDINATOR", "MEMBER"};
        String consent = Family.consent("HEALTH", "{\"guardianIds\": [\"{motherId}\"]}", ARENA, null);
        AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, Arrays.stream(Role.values()).map(Role::name).toList())
                .scopes("contacts", "audit", "metrics", "identity-match", "guardian-logins").withPlatformEndpoints();
        Rule related = Rule.roles("REFERRER").when(Standing.OWN).and("COORDINATOR", "MEMBER").when(Standing.OWN, Standing.RELATED);
        // The family: the child's guardian, and the child itself (a youth of 16, who decides alone about
        // health and child welfare); RELATED is a login of another relation (the stepparent's, the mother's
        // with the YOUTH role). The prepared consent is the guardians' about school, which is not the youth's.
        Rule ownFamily = Rule.roles("GUARDIAN", "YOUTH").when(Standing.OWN);
        Rule guardiansConsent = Rule.roles("GUARDIAN", "YOUTH").when(Standing.OWN).except("YOUTH", Standing.OWN, Expected.HIDDEN);
        Rule family = Rule.roles("GUARDIAN", "YOUTH").always();
        matrix.on("POST /subjects").body("{\"name\": \"Matrise Barn\", \"birthDate\": \"2017-03-01\"}").rule(Rule.roles(staff).always())
                .on("GET /subjects/{subjectId}").rule(related)
                .on("POST /subjects/{subjectId}/guardians").body("{\"name\": \"Ny foresatt\", \"parentalResponsibility\": false}").rule(related)
                .on("PUT /subjects/{subjectId}/youth-login").body("{\"userId\": \"{youthLogin}\"}").rule(related)
                .on("POST /subjects/{subjectId}/consents").body(consent).rule(related)
                .on("POST /subjects/{subjectId}/refusals").body(consent).rule(related)
                .on("GET /subjects/{subjectId}/consents").rule(related)
                .on("GET /consents/{consentId}").rule(related)
                .on("POST /consents/{consentId}/approvals").body(DECIDE).rule(related)
                .on("POST /consents/{consentId}/refusals").body(DECIDE).rule(related)
                .on("POST /consents/{consentId}/limit").body("{\"informationIncluded\": [\"ATTENDANCE\"]}").rule(related)
                .on("POST /consents/{consentId}/withdraw").body("{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"{motherId}\"}")
                        .freshPerCall().rule(related)
                .on("POST /subjects/{subjectId}/erase").rule(Rule.roles("ADMIN").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED))
                .on("GET /subjects/{subjectId}/guardian-contacts").query("arenaId={arenaId}").rule(Rule.scopes("contacts"))
                .on("POST /subjects/{subjectId}/identity-match").query("municipality=" + TestTokens.AUKRA)
                        .body("{\"name\": \"Matrise Barn\", \"birthDate\": \"2017-03-01\"}").rule(Rule.scopes("identity-match"))
                .on("POST /subjects/{subjectId}/guardian-logins").query("municipality=" + TestTokens.AUKRA)
                        .body("{\"pseudonyms\": []}").rule(Rule.scopes("guardian-logins"))
                .on("GET /guardian/children").rule(family)
                .on("POST /guardian/consents/{consentId}/withdraw").rule(guardiansConsent)
                .on("POST /guardian/children/{subjectId}/withdraw").rule(ownFamily)
                .on("GET /guardian/children/{subjectId}/reads").rule(ownFamily)
                .on("GET /mitt-barn").rule(family)
                .on("GET /mitt-barn/{subjectId}/lest").rule(ownFamily)
                .on("GET /mitt-barn/samtykke/{consentId}/trekk-tilbake").rule(guardiansConsent)
                .on("POST /mitt-barn/samtykke/{consentId}/trekk-tilbake").form("").rule(guardiansConsent)
                .on("GET /barn").query("arena={arenaId}").rule(Rule.roles(staff).always())
                .on("GET /barn/ny").rule(Rule.roles(staff).always())
                .on("POST /barn/ny").form("name=Matrise%20Barn&birthDate=2017-03-01&guardians%5B0%5D.name=Mor&guardians%5B0%5D.parentalResponsibility=true")
                        .rule(Rule.roles(staff).always())
                .on("GET /barn/{subjectId}/samtykke").query("arena={arenaId}").rule(related)
                .on("POST /barn/{subjectId}/samtykke")
                        .form("arena={arenaId}&legalArea=HEALTH&decidedBy.guardianIds={motherId}&evidence.type=ORAL").rule(related)
                .on("GET /access-review").query(PERIOD).rule(Rule.roles("PRIVACY_OFFICER").always())
                .on("GET /access-review/users/{userId}").query(PERIOD).rule(Rule.roles("PRIVACY_OFFICER").always())
                .on("GET /tilgangslogg").rule(Rule.roles("PRIVACY_OFFICER").always())
                .on("GET /tilgangslogg/{userId}").query(PERIOD).rule(Rule.roles("PRIVACY_OFFICER").always());

        matrix.verify(new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                Family family = Family.withChildAged(registrar(), 16);
                String youthLogin = "ung-" + family.motherLogin.substring(4);
                assertThat(registrar().put("/subjects/" + family.subjectId + "/youth-login", "{\"userId\": \"" + youthLogin + "\"}").status())
                        .isEqualTo(200);
                return Map.of("subjectId", family.subjectId, "consentId", grantedConsent(family, ARENA), "arenaId", ARENA,
                        "motherId", family.motherId, "motherLogin", family.motherLogin, "stepparentLogin", "ste-" + family.motherLogin.substring(4),
                        "youthLogin", youthLogin, "userId", "registrar");
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (!caller.isPerson()) {
                    return AuthorisationMatrix.machineToken(caller);
                }
                String user = switch (caller.role()) {
                    case "GUARDIAN" -> switch (caller.standing()) {
                        case OWN, OTHER_MUNICIPALITY -> prepared.get("motherLogin");
                        case RELATED -> prepared.get("stepparentLogin");
                        case UNRELATED -> "stranger";
                    };
                    case "YOUTH" -> switch (caller.standing()) {
                        case OWN, OTHER_MUNICIPALITY -> prepared.get("youthLogin");
                        case RELATED -> prepared.get("motherLogin");
                        case UNRELATED -> "stranger";
                    };
                    default -> switch (caller.standing()) {
                        case OWN, OTHER_MUNICIPALITY -> "registrar";
                        case RELATED -> ARENA_MEMBER;
                        case UNRELATED -> "stranger";
                    };
                };
                String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : TestTokens.AUKRA;
                return TestTokens.token(user, municipality, caller.role());
            }
        });
    }

    private static JsonNode userIn(JsonNode review, String userId) {
        for (JsonNode user : review.get("users")) {
            if (user.get("userId").asString().equals(userId)) {
                return user;
            }
        }
        throw new AssertionError(userId + " is not in the review: " + review);
    }

    /** Today as the log's periods count days. */
    static final class ConsentCoverageDays {
        static String today() {
            return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        }
    }

    static final String PERIOD = "from=2026-01-01&to=2026-12-31";
    static final String DECIDE = "{\"decidedBy\": {\"guardianIds\": [\"{motherId}\"]}, \"evidence\": {\"type\": \"ORAL\"}}";

    private String grantedConsent(Family family, String arenaId) {
        HttpApi.Response consent = registrar().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("EDUCATION", family.guardians(family.motherId, family.fatherId), arenaId, null));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        assertThat(consent.json().get("status").asString()).isEqualTo("GRANTED");
        return consent.json().get("id").asString();
    }

    private HttpApi registrar() {
        return as("registrar", "COORDINATOR");
    }

    private HttpApi as(String user, String role) {
        return HttpApi.at(port).as(TestTokens.token(user, TestTokens.AUKRA, role));
    }
}
