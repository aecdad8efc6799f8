package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.events.referral.WithdrawingParty;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.client.ServiceTokens;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.MutableClock;
import no.samhandling.platform.test.NationalIdNumbers;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.consents.ConsentDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Named referrals under consent through the real API and topics, with consent-service and
 * arena-service played by a test producer: the gate, the sealed storage, the read audit and what
 * a withdrawn, narrowed or erased consent does to the case.
 */
@Import(NamedReferralComponentTest.ServiceToken.class)
abstract class NamedReferralComponentTest {

    static final String NAME = "Kari Nordmann-Testesen";
    static final String BIRTH_DATE = "2015-03-02";
    static final String NATIONAL_ID = NationalIdNumbers.syntheticFor(LocalDate.parse(BIRTH_DATE));
    static final ConsentServiceStub CONSENT_SERVICE = new ConsentServiceStub();

    /** referral-service's own token, as the authorization server would issue it, and a clock tests can move. */
    @TestConfiguration
    static class ServiceToken {

        @Bean
        ServiceTokens serviceTokens() {
            return () -> TestTokens.serviceToken("referral-service", "identity-match");
        }

        @Bean
        MutableClock clock() {
            return MutableClock.ticking();
        }
    }

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void consentService(DynamicPropertyRegistry registry) {
        registry.add("samhandling.clients.consent.base-url", CONSENT_SERVICE::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaDirectory directory;

    @Autowired
    ArenaRoster members;

    @Autowired
    ConsentDirectory consents;

    @Autowired
    MongoTemplate mongo;

    KnownArenas arenas;

    @BeforeEach
    void arenas() {
        arenas = new KnownArenas(brokers(), codec, directory, members);
        arenas.ensure("arena-1");
    }

    String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    HttpApi as(String role) {
        return HttpApi.at(port).as(TestTokens.forRole(role));
    }

    static String namedReferral(String arenaId, String consentId, String nationalId) {
        return """
                {"arenaId": "%s", "referrerUnit": "Julsundet skole", "referrerUnitType": "SCHOOL", "ageBand": "6-12",
                 "themes": ["ABSENCE"], "preventionLevel": "YELLOW",
                 "measuresTried": [{"description": "Samtale med %s og føresette", "period": "haust 2026", "effect": "Noko betre"}],
                 "description": "%s har hatt mykje fråvær sidan august", "guardiansAttend": true,
                 "subject": {"name": "%s", "birthDate": "%s", "nationalId": "%s"},
                 "consentId": "%s"}""".formatted(arenaId, NAME, NAME, NAME, BIRTH_DATE, nationalId, consentId);
    }

    /** A consent for the arena, given by the guardian whose login is {@code forRole("GUARDIAN")}. */
    String grantConsent(String arenaId, List<String> parties) {
        return grantConsent(List.of(arenaId), parties);
    }

    /** A consent for the child {@link #NAME}, registered so in consent-service. */
    String grantConsent(List<String> arenaIds, List<String> parties) {
        return grantConsent(arenaIds, parties, true);
    }

    /**
     * @param pseudonymous as consent-service publishes it: the guardian's login only as a pseudonym under the child's
     *        key; otherwise as events from before pseudonyms carry it, the login itself
     */
    String grantConsent(List<String> arenaIds, List<String> parties, boolean pseudonymous) {
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        CONSENT_SERVICE.children.put(subjectId, new ConsentServiceStub.Registered(NAME, BIRTH_DATE, NATIONAL_ID));
        String guardianPseudonym = "pseudonym.v1." + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        CONSENT_SERVICE.guardianPseudonyms.put(subjectId, Map.of(guardianPseudonym, "guardian"));
        publish(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId,
                arenaIds, parties, "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1), LocalDate.now().plusMonths(6),
                ConsentGiver.GUARDIANS, List.of(pseudonymous ? guardianPseudonym : "guardian")));
        await().atMost(Duration.ofSeconds(30)).until(() -> consents.find(TestTokens.AUKRA, consentId).isPresent());
        return consentId;
    }

    String submitNamed(String arenaId, String consentId) {
        HttpApi.Response created = as("REFERRER").post("/referrals", namedReferral(arenaId, consentId, NATIONAL_ID));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void takesANamedReferralUnderAConsentAndStoresTheChildOnlySealed() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL", "PPT"));

        HttpApi.Response created = as("REFERRER").post("/referrals", namedReferral("arena-1", consentId, NATIONAL_ID));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("basis").asString()).isEqualTo("NAMED");
        assertThat(created.json().get("personalDataAvailable").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain(NAME).doesNotContain(NATIONAL_ID).doesNotContain(BIRTH_DATE);
        String id = created.json().get("id").asString();
        String stored = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().toJson();
        assertThat(stored).doesNotContain("Nordmann").doesNotContain(NATIONAL_ID).doesNotContain(BIRTH_DATE).doesNotContain("fråvær");

        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records = recordsOf(id, 1);
        ReferralSubmitted submitted = (ReferralSubmitted) CloudEventCodec.decode(records.getFirst().headers(), records.getFirst().value());
        assertThat(submitted.basis()).isEqualTo(DiscussionBasis.NAMED);
        assertThat(submitted.consentId()).isEqualTo(consentId);
        assertThat(submitted.subjectId()).isNotNull();
        assertThat(new String(records.getFirst().value(), StandardCharsets.UTF_8)).doesNotContain("Nordmann").doesNotContain(NATIONAL_ID);
    }

    @Test
    void refusesANamedReferralWithoutACoveringConsentNamingTheField() {
        String otherArenasConsent = grantConsent("arena-elsewhere", List.of("SCHOOL"));
        String tooNarrow = grantConsent("arena-1", List.of("PPT"));

        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", "no-such-consent", NATIONAL_ID)))).containsExactly("consentId");
        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", otherArenasConsent, NATIONAL_ID)))).containsExactly("consentId");
        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", tooNarrow, NATIONAL_ID)))).containsExactly("consentId");
        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", "x", NATIONAL_ID).replace(",\n \"consentId\": \"x\"", "")
                .replace("\"consentId\": \"x\"", "\"consentId\": null")))).containsExactly("consentId");
        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", tooNarrow, "01020312345")))).containsExactly("subject.nationalId");
        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-1", tooNarrow,
                NationalIdNumbers.syntheticFor(LocalDate.parse(BIRTH_DATE).plusDays(1)))))).containsExactly("subject.birthDate");
        assertThat(mongo.getCollection("referrals").countDocuments(Filters.in("consentId", otherArenasConsent, tooNarrow))).isZero();
    }

    @Test
    void refusesANamedReferralWhoseChildIsNotTheConsentsChild() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String anotherChild = namedReferral("arena-1", consentId, NATIONAL_ID)
                .replace("\"subject\": {\"name\": \"" + NAME + "\", \"birthDate\": \"" + BIRTH_DATE + "\", \"nationalId\": \"" + NATIONAL_ID + "\"}",
                        "\"subject\": {\"name\": \"Heilt Annan Person\", \"birthDate\": \"2018-07-07\"}");
        assertThat(anotherChild).contains("Heilt Annan Person");

        HttpApi.Response refused = as("REFERRER").post("/referrals", anotherChild);

        assertThat(fieldsOf(refused)).containsExactly("subject");
        assertThat(refused.body()).doesNotContain("Heilt Annan Person").doesNotContain(NAME);
        assertThat(mongo.getCollection("referrals").countDocuments(Filters.eq("consentId", consentId))).isZero();
        // Asked with referral-service's own token, for the consent's child in the caller's municipality.
        String subjectId = consents.find(TestTokens.AUKRA, consentId).orElseThrow().subjectId();
        assertThat(CONSENT_SERVICE.calls)
                .contains("referral-service identity-match /subjects/" + subjectId + "/identity-match?municipality=" + TestTokens.AUKRA);
    }

    @Test
    void takesNoNamedReferralWhileConsentServiceCannotSayWhoTheChildIs() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        CONSENT_SERVICE.failing.add(consents.find(TestTokens.AUKRA, consentId).orElseThrow().subjectId());

        HttpApi.Response refused = as("REFERRER").post("/referrals", namedReferral("arena-1", consentId, NATIONAL_ID));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(mongo.getCollection("referrals").countDocuments(Filters.eq("consentId", consentId))).isZero();
    }

    @Test
    void everyLaterStepChecksTheConsentIsStillAboutTheCasesChild() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String id = submitNamed("arena-1", consentId);
        // consent.events now say the consent is about another child than the one the case was taken for.
        mongo.getCollection("consent_directory").updateOne(Filters.eq("_id", consentId), Updates.set("subjectId", "another-child"));

        assertThat(as("COORDINATOR").post("/referrals/" + id + "/accept", "").status()).isEqualTo(409);
        assertThat(as("GUARDIAN").get("/referrals/" + id + "/personal-data?purpose=GUARDIAN_ACCESS").status()).isEqualTo(409);
        assertThat(as("COORDINATOR").get("/referrals/" + id).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void refusesAnIdentifierInTheFreeTextOfANamedCaseToo() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL", "PPT"));
        String withNumberInText = namedReferral("arena-1", consentId, NATIONAL_ID)
                .replace("har hatt mykje fråvær sidan august", "(fnr " + NATIONAL_ID + ") har hatt mykje fråvær");

        HttpApi.Response refused = as("REFERRER").post("/referrals", withNumberInText);

        // The child's identity has its own fields, validated and sealed; the text is not a second place for it.
        assertThat(fieldsOf(refused)).containsExactly("description");
        assertThat(refused.body()).doesNotContain(NATIONAL_ID);
    }

    @Test
    void guardiansAskingThemselvesComeInOnPathTwoWithTheirConsent() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String request = namedReferral("arena-1", consentId, NATIONAL_ID).replace("\"consentId\"", "\"requestedBy\": \"GUARDIANS\", \"consentId\"");

        HttpApi.Response created = as("REFERRER").post("/referrals", request);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("path").asString()).isEqualTo("GUARDIAN_OR_YOUTH_REQUEST");
        ReferralSubmitted submitted = (ReferralSubmitted) eventsOf(created.json().get("id").asString(), 1).getFirst();
        assertThat(submitted.path()).isEqualTo(no.samhandling.events.referral.IntakePath.GUARDIAN_OR_YOUTH_REQUEST);
        HttpApi.Response anonymousRequest = as("REFERRER").post("/referrals", IntakeComponentTest.referral("Eleven ber sjølv om hjelp")
                .replace("\"guardiansAttend\"", "\"requestedBy\": \"YOUTH\", \"guardiansAttend\""));
        assertThat(fieldsOf(anonymousRequest)).containsExactly("subject");
    }

    @Test
    void anArenaForAnonymousCasesOnlyRefusesANamedOne() {
        arenas.register("arena-anonymous-only", DiscussionMode.ANONYMOUS_ONLY, List.of("ANY_STAFF"), null);
        String consentId = grantConsent("arena-anonymous-only", List.of("SCHOOL"));

        assertThat(fieldsOf(as("REFERRER").post("/referrals", namedReferral("arena-anonymous-only", consentId, NATIONAL_ID))))
                .containsExactly("subject");
    }

    @Test
    void opensThePersonalDataOnlyToThoseWhoNeedToKnowAndAuditsEveryRead() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");

        HttpApi.Response opened = as("COORDINATOR").get("/referrals/" + id + "/personal-data?purpose=MEETING_PREPARATION");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("name").asString()).isEqualTo(NAME);
        assertThat(opened.json().get("nationalId").asString()).isEqualTo(NATIONAL_ID);
        assertThat(opened.json().get("measuresTried").get(0).get("description").asString()).contains(NAME);
        assertThat(as("GUARDIAN").get("/referrals/" + id + "/personal-data?purpose=GUARDIAN_ACCESS").status()).isEqualTo(200);
        assertThat(HttpApi.at(port).as(TestTokens.token("coordinator-elsewhere", TestTokens.AUKRA, "COORDINATOR"))
                .get("/referrals/" + id + "/personal-data?purpose=MEETING").status()).isEqualTo(404);
        assertThat(as("COORDINATOR").get("/referrals/" + id + "/personal-data").status()).isEqualTo(400);

        HttpApi audit = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"));
        HttpApi.Response reads = audit.get("/access-log/reads?subjectId=" + subjectId);
        assertThat(reads.status()).isEqualTo(200);
        assertThat(reads.json().findValuesAsString("userId")).containsExactly("coordinator", "guardian");
        assertThat(reads.json().findValuesAsString("purpose")).containsExactly("MEETING_PREPARATION", "GUARDIAN_ACCESS");
        assertThat(reads.json().findValuesAsString("relation")).containsExactly("ARENA_COORDINATOR", "GUARDIAN");
        assertThat(reads.json().findValuesAsString("resourceId")).containsOnly(id);
        assertThat(reads.json().findValuesAsString("service")).containsOnly("referral-service");
        assertThat(reads.body()).doesNotContain(NAME);
        assertThat(as("ADMIN").get("/access-log/reads?subjectId=" + subjectId).status()).isEqualTo(403);
        assertThat(audit.delete("/access-log/reads?subjectId=" + subjectId).status()).isIn(403, 405);
        assertThat(audit.put("/access-log/reads?subjectId=" + subjectId, "[]").status()).isIn(403, 405);
        assertThat(audit.get("/access-log/reads?subjectId=" + subjectId).json().size()).isEqualTo(2);
        assertThat(audit.get("/access-log/verify?municipality=" + TestTokens.AUKRA).json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void everyRefusedAttemptOnACaseIsInTheAccessLog() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");
        HttpApi stranger = HttpApi.at(port).as(TestTokens.token("curious-coordinator", TestTokens.AUKRA, "COORDINATOR"));

        assertThat(stranger.get("/referrals/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/referrals/" + id + "/personal-data?purpose=MEETING").status()).isEqualTo(404);
        assertThat(stranger.post("/referrals/" + id + "/accept", "{}").status()).isEqualTo(404);
        assertThat(stranger.get("/referrals/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        JsonNode refused = HttpApi.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"))
                .get("/access-log/entries?from=" + today + "&to=" + today).json();
        List<JsonNode> curious = new java.util.ArrayList<>();
        refused.forEach(entry -> {
            if (entry.get("userId").asString().equals("curious-coordinator")) {
                curious.add(entry);
            }
        });
        assertThat(curious).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(entry.get("relation").isNull()).isTrue();
            assertThat(entry.get("resourceKind").asString()).isEqualTo("referral");
        });
        assertThat(curious.subList(0, 3)).allSatisfy(entry -> {
            assertThat(entry.get("resourceId").asString()).isEqualTo(id);
            assertThat(entry.get("subjectId").asString()).isEqualTo(subjectId);
        });
        // Refusals are not reads: the guardians' view of who read the child's data does not list them.
        assertThat(HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit")).get("/access-log/reads?subjectId=" + subjectId)
                .json().findValuesAsString("userId")).doesNotContain("curious-coordinator");
    }

    @Test
    void aReaderMayClaimOnlyAPurposeThatFitsTheirRelationToTheCase() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");
        String path = "/referrals/" + id + "/personal-data?purpose=";

        for (String[] misfit : new String[][] {{"REFERRER", "GUARDIAN_ACCESS"}, {"REFERRER", "MEETING"}, {"MEMBER", "INTAKE_ASSESSMENT"},
                {"GUARDIAN", "MEETING"}, {"COORDINATOR", "GUARDIAN_ACCESS"}}) {
            HttpApi.Response refused = as(misfit[0]).get(path + misfit[1]);
            assertThat(refused.status()).as(String.join(" ", misfit)).isEqualTo(403);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("purpose");
            assertThat(refused.body()).doesNotContain(NAME);
        }
        assertThat(as("REFERRER").get(path + "FOLLOW_UP").status()).isEqualTo(200);
        assertThat(as("MEMBER").get(path + "MEETING").status()).isEqualTo(200);

        HttpApi audit = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"));
        assertThat(audit.get("/access-log/reads?subjectId=" + subjectId).json().findValuesAsString("purpose"))
                .containsExactly("FOLLOW_UP", "MEETING");
        // Each claim refused is in the access log with the purpose claimed, for the privacy officer's review.
        assertThat(entriesAbout(subjectId)).filteredOn(entry -> entry.get("outcome").asString().equals("REFUSED"))
                .extracting(entry -> entry.get("userId").asString() + " " + entry.get("purpose").asString())
                .containsExactly("referrer GUARDIAN_ACCESS", "referrer MEETING", "member INTAKE_ASSESSMENT", "guardian MEETING",
                        "coordinator GUARDIAN_ACCESS");
    }

    /** What referral-service's access log holds about the child today (by the service's clock), oldest first. */
    List<JsonNode> entriesAbout(String subjectId) {
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Oslo")).toString();
        JsonNode entries = HttpApi.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"))
                .get("/access-log/entries?from=" + today + "&to=" + today).json();
        List<JsonNode> about = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (subjectId.equals(entry.get("subjectId").asString())) {
                about.add(entry);
            }
        });
        return about;
    }

    @Autowired
    PersonalDataRetention retention;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void anEndedCaseLosesItsPersonalDataWhenItsRetentionPeriodHasPassedAndNotBefore() {
        String ended = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String open = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        assertThat(as("REFERRER").post("/referrals/" + ended + "/withdraw", "").json().get("status").asString()).isEqualTo("WITHDRAWN");
        double before = meters.counter("samhandling.retention.anonymised", "service", "referral-service", "data", "closed-cases").count();

        Duration almostFiveYears = Duration.ofDays(365 * 5 - 3);
        clock.advance(almostFiveYears);
        try {
            retention.anonymiseExpiredCases();
            assertThat(mongo.getCollection("referrals").find(Filters.eq("_id", ended)).first().get("personalData")).isNotNull();

            clock.advance(Duration.ofDays(10));
            try {
                assertThat(retention.anonymiseExpiredCases()).isPositive();
            } finally {
                clock.advance(Duration.ofDays(-10));
            }
        } finally {
            clock.advance(almostFiveYears.negated());
        }

        ReferralAnonymised anonymised = (ReferralAnonymised) eventsOf(ended, 3).get(2);
        assertThat(anonymised.reason()).isEqualTo(AnonymisationReason.RETENTION_EXPIRED);
        Document stored = mongo.getCollection("referrals").find(Filters.eq("_id", ended)).first();
        assertThat(stored.get("personalData")).isNull();
        assertThat(stored.get("subjectId")).isNull();
        assertThat(mongo.getCollection("referrals").find(Filters.eq("_id", open)).first().get("personalData")).isNotNull();
        assertThat(meters.counter("samhandling.retention.anonymised", "service", "referral-service", "data", "closed-cases").count())
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(meters.get("samhandling.retention.last-run").tags("service", "referral-service", "data", "closed-cases").gauge().value())
                .as("stamped with the time of the run, in seconds").isPositive();
    }

    @Test
    void theReferrersAccessToThePersonalDataEndsAWhileAfterTheCaseEnded() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String path = "/referrals/" + id + "/personal-data?purpose=FOLLOW_UP";
        assertThat(as("REFERRER").post("/referrals/" + id + "/withdraw", "").json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(as("REFERRER").get(path).status()).as("within the grace period").isEqualTo(200);

        clock.advance(Duration.ofDays(31));
        try {
            HttpApi.Response ended = as("REFERRER").get(path);
            assertThat(ended.status()).isEqualTo(403);
            assertThat(ended.body()).doesNotContain(NAME);
            String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");
            assertThat(entriesAbout(subjectId)).last().satisfies(refused -> {
                assertThat(refused.get("userId").asString()).isEqualTo("referrer");
                assertThat(refused.get("outcome").asString()).isEqualTo("REFUSED");
            });
            // The referrer still sees the case itself, and the arena keeps its access to the personal data.
            assertThat(as("REFERRER").get("/referrals/" + id).status()).isEqualTo(200);
            assertThat(as("COORDINATOR").get(path).status()).isEqualTo(200);
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
    }

    @Test
    void theChildsGuardianSeesAndWithdrawsTheCase() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        HttpApi otherGuardian = HttpApi.at(port).as(TestTokens.token("another-guardian", TestTokens.AUKRA, "GUARDIAN"));

        assertThat(otherGuardian.get("/referrals/" + id).status()).isEqualTo(404);
        assertThat(otherGuardian.post("/referrals/" + id + "/withdraw", "").status()).isEqualTo(404);
        assertThat(as("GUARDIAN").get("/referrals/" + id).status()).isEqualTo(200);
        assertThat(as("GUARDIAN").post("/referrals/" + id + "/withdraw", "").json().get("status").asString()).isEqualTo("WITHDRAWN");

        ReferralWithdrawn withdrawn = (ReferralWithdrawn) eventsOf(id, 2).get(1);
        assertThat(withdrawn.withdrawnBy()).isEqualTo(WithdrawingParty.GUARDIAN);
    }

    @Test
    void aConsentArrivingWhileConsentServiceCannotNameItsGuardiansIsKeptAndLearnsThemLater() {
        CONSENT_SERVICE.guardianLoginsDown.set(true);
        String consentId;
        try {
            // Kept at once, not retried into the dead letters: only the guardians wait.
            consentId = grantConsent("arena-1", List.of("SCHOOL", "PPT"));
            ConsentDirectory.KnownConsent kept = consents.find(TestTokens.AUKRA, consentId).orElseThrow();
            assertThat(kept.guardianUserIds()).isEmpty();
            assertThat(kept.pendingGuardians()).hasSize(1);

            // A case keeps the guardians it was taken with, so none is taken while one is unknown.
            HttpApi.Response refused = as("REFERRER").post("/referrals", namedReferral("arena-1", consentId, NATIONAL_ID));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("type").asString()).endsWith("consent-service-unavailable");
        } finally {
            CONSENT_SERVICE.guardianLoginsDown.set(false);
        }

        await().atMost(Duration.ofSeconds(30)).until(() ->
                consents.find(TestTokens.AUKRA, consentId).orElseThrow().pendingGuardians().isEmpty());
        assertThat(consents.find(TestTokens.AUKRA, consentId).orElseThrow().guardianUserIds()).containsExactly("guardian");
        String id = submitNamed("arena-1", consentId);
        assertThat(as("GUARDIAN").get("/referrals/" + id).status()).isEqualTo(200);
    }

    @Test
    void theGuardiansOfAConsentFromBeforePseudonymsAreStillRecognised() {
        String id = submitNamed("arena-1", grantConsent(List.of("arena-1"), List.of("SCHOOL"), false));

        assertThat(as("GUARDIAN").get("/referrals/" + id).status()).isEqualTo(200);
    }

    @Test
    void aWithdrawnConsentLeavesTheCaseAnonymousWhereTheArenaTakesAnonymousCases() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String id = submitNamed("arena-1", consentId);

        publish(new ConsentWithdrawn(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, "ignored", ConsentWithdrawer.GUARDIAN));

        ReferralAnonymised anonymised = (ReferralAnonymised) eventsOf(id, 2).get(1);
        assertThat(anonymised.reason()).isEqualTo(AnonymisationReason.CONSENT_WITHDRAWN);
        assertThat(anonymised.continuesAnonymously()).isTrue();
        HttpApi.Response view = as("COORDINATOR").get("/referrals/" + id);
        assertThat(view.json().get("anonymised").asBoolean()).isTrue();
        assertThat(view.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(as("COORDINATOR").get("/referrals/" + id + "/personal-data?purpose=MEETING").status()).isEqualTo(409);
        Document stored = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first();
        assertThat(stored.get("personalData")).isNull();
        assertThat(stored.get("subjectId")).isNull();
        assertThat(as("GUARDIAN").get("/referrals/" + id).status()).isEqualTo(404);
        // The coordinator's list of incoming cases says so too, as the case page does: nothing is there to open.
        assertThat(rowOf(PageClient.at(port).as(TestTokens.forRole("COORDINATOR")).get("/saker").body(), "/saker/" + id))
                .contains("Anonymt").doesNotContain("Med navn");
        assertThat(as("COORDINATOR").post("/referrals/" + id + "/accept", "").status()).isEqualTo(200);
    }

    /** The table row of a page that links to {@code path}. */
    private static String rowOf(String page, String path) {
        int link = page.indexOf("href=\"" + path + "\"");
        assertThat(link).as("a link to %s", path).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }

    @Test
    void aNarrowedConsentWithdrawsTheCaseFromAnArenaThatOnlyTakesNamedCases() {
        arenas.register("arena-consent-only", DiscussionMode.CONSENT_REQUIRED, List.of("ANY_STAFF"), null);
        String consentId = grantConsent("arena-consent-only", List.of("SCHOOL"));
        String id = submitNamed("arena-consent-only", consentId);

        publish(new ConsentLimited(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, "ignored", List.of("arena-elsewhere"),
                List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", null));

        ReferralAnonymised anonymised = (ReferralAnonymised) eventsOf(id, 2).get(1);
        assertThat(anonymised.continuesAnonymously()).isFalse();
        assertThat(as("COORDINATOR").get("/referrals/" + id).json().get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void theGateIsCheckedAgainAtEveryStepNotOnlyAtIntake() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String id = submitNamed("arena-1", consentId);
        // The consent's end date passed; consent-service's ConsentExpired has not arrived yet.
        mongo.getCollection("consent_directory").updateOne(Filters.eq("_id", consentId),
                Updates.set("validTo", java.util.Date.from(Instant.now().minus(Duration.ofDays(2)))));

        HttpApi.Response refused = as("COORDINATOR").post("/referrals/" + id + "/accept", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(as("COORDINATOR").get("/referrals/" + id).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void escalationNeedsAConsentThatCoversTheArenaAbove() {
        arenas.register("arena-above", DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("ANY_STAFF"), null);
        arenas.register("arena-below", DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("ANY_STAFF"), "arena-above");
        String id = submitNamed("arena-below", grantConsent("arena-below", List.of("SCHOOL")));
        as("COORDINATOR").post("/referrals/" + id + "/accept", "");

        assertThat(as("COORDINATOR").post("/referrals/" + id + "/escalate", "").status()).isEqualTo(409);
    }

    @Test
    void aNamedCaseWhoseConsentCoversTheArenaAboveIsEscalatedWithTheChildStillNamed() {
        arenas.register("arena-top", DiscussionMode.CONSENT_REQUIRED, List.of("ANY_STAFF"), null);
        arenas.register("arena-local", DiscussionMode.ANONYMOUS_OR_CONSENT, List.of("ANY_STAFF"), "arena-top");
        String id = submitNamed("arena-local", grantConsent(List.of("arena-local", "arena-top"), List.of("SCHOOL")));
        as("COORDINATOR").post("/referrals/" + id + "/accept", "");

        HttpApi.Response escalated = as("COORDINATOR").post("/referrals/" + id + "/escalate", "");

        assertThat(escalated.status()).isEqualTo(201);
        assertThat(escalated.json().get("arenaId").asString()).isEqualTo("arena-top");
        assertThat(escalated.json().get("personalDataAvailable").asBoolean()).isTrue();
        String above = escalated.json().get("id").asString();
        assertThat(as("COORDINATOR").get("/referrals/" + above + "/personal-data?purpose=INTAKE_ASSESSMENT").json().get("name").asString())
                .isEqualTo(NAME);
        assertThat(as("COORDINATOR").get("/referrals/" + id).json().get("status").asString()).isEqualTo("ESCALATED");
    }

    @Test
    void erasingTheChildMakesTheSealedDataUnreadableAndAnonymisesTheCase() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");
        Object sealedName = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().get("personalData", Document.class).get("name");

        publish(new SubjectErased(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, subjectId));

        ReferralAnonymised anonymised = (ReferralAnonymised) eventsOf(id, 2).get(1);
        assertThat(anonymised.reason()).isEqualTo(AnonymisationReason.SUBJECT_ERASED);
        assertThat(mongo.getCollection("subject_keys").find(Filters.eq("_id", subjectId)).first().get("wrappedKey")).isNull();
        assertThat(sealedName).isNotNull();
        assertThat(mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().toJson()).doesNotContain(subjectId);
    }

    @Test
    void theAccessLogShowsWhoReadTheChildsCaseWhileTheChildExistsAndLeadsToNeitherChildNorGuardianAfterErasure() {
        String id = submitNamed("arena-1", grantConsent("arena-1", List.of("SCHOOL")));
        String subjectId = mongo.getCollection("referrals").find(Filters.eq("_id", id)).first().getString("subjectId");
        assertThat(as("COORDINATOR").get("/referrals/" + id + "/personal-data?purpose=MEETING_PREPARATION").status()).isEqualTo(200);
        assertThat(as("GUARDIAN").get("/referrals/" + id + "/personal-data?purpose=GUARDIAN_ACCESS").status()).isEqualTo(200);
        HttpApi audit = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"));
        HttpApi officer = HttpApi.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"));
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();

        JsonNode reads = audit.get("/access-log/reads?subjectId=" + subjectId).json();
        assertThat(reads.findValuesAsString("userId")).containsExactly("coordinator", "guardian");
        assertThat(reads.findValuesAsString("resourceId")).containsOnly(id);
        assertThat(entriesAbout(officer.get("/access-log/entries?from=" + today + "&to=" + today).json(), subjectId))
                .extracting(entry -> entry.get("userId").asString(), entry -> entry.get("resourceId").asString())
                .containsExactly(tuple("coordinator", id), tuple("guardian", id));
        assertThat(accessLogText()).as("stored, the log names the child and the case only under the child's key")
                .doesNotContain(subjectId, id);
        assertThat(mongo.getCollection("access_log").distinct("userId", String.class).into(new java.util.ArrayList<>()))
                .contains("coordinator").doesNotContain("guardian");
        List<String> pseudonyms = mongo.getCollection("access_log").distinct("subjectId", String.class).into(new java.util.ArrayList<>());

        publish(new SubjectErased(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, subjectId));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("subject_keys").find(Filters.eq("_id", subjectId)).first().get("wrappedKey") == null);

        assertThat(audit.get("/access-log/reads?subjectId=" + subjectId).json().size()).isZero();
        JsonNode after = officer.get("/access-log/entries?from=" + today + "&to=" + today).json();
        assertThat(after.toString()).doesNotContain(subjectId, id);
        assertThat(entriesAbout(after, pseudonyms))
                .extracting(entry -> entry.get("userId").asString(), entry -> entry.get("resourceId").asString())
                .contains(tuple("coordinator", AccessLogEntry.ERASED), tuple(AccessLogEntry.ERASED, AccessLogEntry.ERASED));
        assertThat(accessLogText()).doesNotContain(subjectId, id);
        assertThat(audit.get("/access-log/verify?municipality=" + TestTokens.AUKRA).json().get("intact").asBoolean()).isTrue();
    }

    /** The reads of the case in the officer's entries, by the child's id as the entries show it. */
    private static List<JsonNode> entriesAbout(JsonNode entries, String subjectId) {
        return entriesAbout(entries, List.of(subjectId));
    }

    private static List<JsonNode> entriesAbout(JsonNode entries, List<String> subjectIds) {
        List<JsonNode> about = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (entry.hasNonNull("subjectId") && subjectIds.contains(entry.get("subjectId").asString())
                    && "READ".equals(entry.get("outcome").asString())) {
                about.add(entry);
            }
        });
        return about;
    }

    private String accessLogText() {
        StringBuilder text = new StringBuilder();
        mongo.getCollection("access_log").find().forEach(document -> text.append(document.toJson()));
        return text.toString();
    }

    @Test
    void erasingTheChildForgetsItsConsentsAndTheirGuardiansAndALateGrantStaysForgotten() {
        String consentId = grantConsent("arena-1", List.of("SCHOOL"));
        String subjectId = consents.find(TestTokens.AUKRA, consentId).orElseThrow().subjectId();

        publish(new SubjectErased(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, subjectId));

        await().atMost(Duration.ofSeconds(30)).until(() -> consents.find(TestTokens.AUKRA, consentId).isEmpty());
        UUID lateGrant = UUID.randomUUID();
        publish(new ConsentGranted(lateGrant, Instant.now(), TestTokens.AUKRA, consentId, subjectId,
                List.of("arena-1"), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1),
                LocalDate.now().plusMonths(6), ConsentGiver.GUARDIANS, List.of("guardian")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("consumer_recent_events").countDocuments(Filters.eq("eventId", lateGrant.toString())) > 0);
        assertThat(consents.find(TestTokens.AUKRA, consentId)).isEmpty();
        assertThat(mongo.getCollection("consent_directory").countDocuments(Filters.eq("subjectId", subjectId))).isZero();
    }

    private void publish(DomainEvent event) {
        try (TestProducer producer = new TestProducer(brokers())) {
            producer.send(codec.toRecord(event));
        }
    }

    private static List<String> fieldsOf(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> recordsOf(String referralId, int count) {
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.REFERRAL_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> referralId.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> referralId.equals(r.key())).toList();
        }
    }

    private List<DomainEvent> eventsOf(String referralId, int count) {
        return recordsOf(referralId, count).stream().map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
    }
}
