package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.client.ServiceTokens;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * consent-service through its real API and topic: subjects, the consent rules, the lifecycle,
 * the guardian view, contacts for notices, and erasure checked on the raw stored and published bytes.
 * Melhus (5028) is configured so that one guardian's consent is enough.
 */
@TestPropertySource(properties = "samhandling.consent.rules.5028.both-guardians-must-consent=false")
@Import(ConsentComponentTest.ServiceToken.class)
abstract class ConsentComponentTest {

    static final String ARENA = "arena-ressursteam";
    static final String OTHER_ARENA = "arena-helsestasjon";
    static final HttpServer REFERRAL_SERVICE = referralServiceStub();
    static final List<String> READ_AUDIT_CALLS = new CopyOnWriteArrayList<>();
    /** Topic ids of the children, remembered before an erasure forgets them. */
    final java.util.Map<String, String> topicIds = new java.util.concurrent.ConcurrentHashMap<>();

    @TestConfiguration
    static class ServiceToken {

        @Bean
        ServiceTokens serviceTokens() {
            return () -> TestTokens.serviceToken("consent-service", "audit");
        }
    }

    @DynamicPropertySource
    static void referralService(DynamicPropertyRegistry registry) {
        registry.add("samhandling.clients.referral.base-url", () -> "http://127.0.0.1:" + REFERRAL_SERVICE.getAddress().getPort());
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaParties arenaParties;

    /** The test's arenas, as arena-service announces them: the services in them are those the family's consents name. */
    @BeforeEach
    void knownArenas() {
        for (String arenaId : List.of(ARENA, OTHER_ARENA)) {
            registerArena(arenaId, List.of("SCHOOL", "HEALTH_STATION"));
        }
    }

    void registerArena(String arenaId, List<String> parties) {
        new KnownArenas(brokers(), codec, arenaParties).ensure(arenaId, parties);
    }

    HttpApi staff() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    HttpApi melhusStaff() {
        return HttpApi.at(port).as(TestTokens.token("melhus-coordinator", TestTokens.MELHUS, "COORDINATOR"));
    }

    HttpApi guardian(String login) {
        return HttpApi.at(port).as(TestTokens.token(login, TestTokens.AUKRA, "GUARDIAN"));
    }

    HttpApi notificationService() {
        return HttpApi.at(port).as(TestTokens.serviceToken("notification-service", "contacts"));
    }

    JsonNode recordConsent(HttpApi api, Family family, String legalArea, String decidedBy) {
        HttpApi.Response response = api.post("/subjects/" + family.subjectId + "/consents", Family.consent(legalArea, decidedBy, ARENA, null));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    // --- subjects ---------------------------------------------------------------------------------

    @Test
    void registersAChildWhoseIdentityIsStoredOnlySealed() {
        Family family = Family.withChildAged(staff(), 9);

        JsonNode subject = staff().get("/subjects/" + family.subjectId).json();

        assertThat(subject.get("name").asString()).isEqualTo(family.childName);
        assertThat(subject.get("hasNationalId").asBoolean()).isTrue();
        assertThat(subject.has("nationalId")).isFalse();
        assertThat(subject.get("guardians")).hasSize(3);
        String stored = rawDocuments();
        assertThat(stored).contains(family.subjectId, family.motherId, family.motherLogin);
        assertThat(stored).doesNotContain(family.childName, family.nationalId, family.motherEmail, family.childName.split(" ")[1]);
    }

    @Test
    void refusesAnInvalidNationalIdNumberNamingTheFieldInBokmalAndNynorsk() {
        String body = "{\"name\": \"Ola Nordmann\", \"nationalId\": \"01020312345\"}";

        HttpApi.Response bokmal = staff().post("/subjects", body);
        HttpApi.Response nynorsk = staff().inLanguage("nn").post("/subjects", body);

        assertThat(bokmal.status()).isEqualTo(400);
        assertThat(bokmal.json().get("errors").get(0).get("field").asString()).isEqualTo("nationalId");
        assertThat(bokmal.json().get("detail").asString()).isEqualTo("er ikke et gyldig fødselsnummer");
        assertThat(nynorsk.json().get("detail").asString()).isEqualTo("er ikkje eit gyldig fødselsnummer");
        assertThat(bokmal.body()).doesNotContain("01020312345");
    }

    @Test
    void needsABirthDateOrANationalIdNumber() {
        HttpApi.Response response = staff().post("/subjects", "{\"name\": \"Ola Nordmann\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
    }

    @Test
    void refusesABadGuardianEmailNamingTheField() {
        HttpApi.Response response = staff().post("/subjects", """
                {"name": "Ola Nordmann", "birthDate": "2015-01-01",
                 "guardians": [{"name": "Mor", "email": "ikke-en-adresse", "parentalResponsibility": true}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("guardians[0].email");
    }

    @Test
    void anotherMunicipalityDoesNotSeeTheChild() {
        Family family = Family.withChildAged(staff(), 9);

        assertThat(melhusStaff().get("/subjects/" + family.subjectId).status()).isEqualTo(404);
        assertThat(melhusStaff().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("EDUCATION", family.guardians(family.motherId), ARENA, null)).status()).isEqualTo(404);
    }

    @Test
    void guardiansCannotUseTheStaffApi() {
        assertThat(guardian("someone").post("/subjects", "{\"name\": \"Ola\", \"birthDate\": \"2015-01-01\"}").status()).isEqualTo(403);
    }

    // --- who must consent -------------------------------------------------------------------------

    @Test
    void withTwoGuardiansOnlyOneConsentingTheConsentStaysPendingUntilTheOtherDoes() {
        Family family = Family.withChildAged(staff(), 9);

        JsonNode pending = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId));

        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("active").asBoolean()).isFalse();
        assertThat(pending.get("awaiting").get("guardianIds").get(0).asString()).isEqualTo(family.fatherId);
        assertThat(contacts(family, ARENA)).isEmpty();

        JsonNode granted = staff().post("/consents/" + pending.get("id").asString() + "/approvals",
                "{\"decidedBy\": " + family.guardians(family.fatherId) + ", \"evidence\": {\"type\": \"DIGITAL_SIGNATURE\", \"reference\": \"sig-1\"}}")
                .json();

        assertThat(granted.get("status").asString()).isEqualTo("GRANTED");
        assertThat(granted.get("active").asBoolean()).isTrue();
        assertThat(granted.get("givenBy").asString()).isEqualTo("GUARDIANS");
        assertThat(granted.get("decisions")).hasSize(2);
        List<DomainEvent> events = eventsOf(pending.get("id").asString(), 1);
        assertThat(events).singleElement().isInstanceOfSatisfying(ConsentGranted.class, event -> {
            // Outside consent-service the child goes by its topic id, never by the id people and this service use.
            assertThat(event.subjectId()).isEqualTo(topicIdOf(family)).isNotEqualTo(family.subjectId);
            assertThat(event.arenaIds()).containsExactly(ARENA);
            assertThat(event.givenBy()).isEqualTo(ConsentGiver.GUARDIANS);
            assertThat(event.guardianUserIds()).hasSize(2).allMatch(PersonalDataCipher::isPseudonym)
                    .doesNotContain(family.motherLogin, family.fatherLogin);
            assertThat(guardianLogins(family, event.guardianUserIds())).containsExactlyInAnyOrder(family.motherLogin, family.fatherLogin);
        });
    }

    @Test
    void theLoginsBehindAConsentsPseudonymsAreTheChildsOwnGuardiansOnlyAndOnlyForTheReferralService() {
        Family family = Family.withChildAged(staff(), 9);
        Family other = Family.withChildAged(staff(), 9);
        ConsentGranted granted = (ConsentGranted) eventsOf(recordConsent(staff(), family, "EDUCATION",
                family.guardians(family.motherId, family.fatherId)).get("id").asString(), 1).getFirst();

        assertThat(guardianLogins(other, granted.guardianUserIds())).as("another child's guardians' pseudonyms").isEmpty();
        assertThat(guardianLogins(family, List.of(family.motherLogin))).as("a login id is no pseudonym").isEmpty();
        String path = "/subjects/" + topicIdOf(family) + "/guardian-logins?municipality=" + TestTokens.AUKRA;
        String asked = "{\"pseudonyms\": " + jsonArray(granted.guardianUserIds()) + "}";
        assertThat(notificationService().post(path, asked).status()).isEqualTo(403);
        assertThat(staff().post(path, asked).status()).isEqualTo(403);
    }

    @Test
    void whereOneGuardianIsEnoughOneGuardiansConsentMakesItActive() {
        Family family = Family.withChildAged(melhusStaff(), 9);

        JsonNode consent = recordConsent(melhusStaff(), family, "EDUCATION", family.guardians(family.fatherId));

        assertThat(consent.get("status").asString()).isEqualTo("GRANTED");
        assertThat(eventsOf(consent.get("id").asString(), 1).getFirst().municipality()).isEqualTo(TestTokens.MELHUS);
    }

    @Test
    void aGuardianWithoutParentalResponsibilityCannotConsent() {
        Family family = Family.withChildAged(staff(), 9);

        HttpApi.Response response = staff().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("EDUCATION", family.guardians(family.stepparentId), ARENA, null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("decidedBy.guardianIds");
    }

    @Test
    void aYouthOf16DecidesAloneAboutHealthButNotAboutSchool() {
        Family family = Family.withChildAged(staff(), 16);

        JsonNode health = recordConsent(staff(), family, "HEALTH", Family.youth());
        JsonNode school = recordConsent(staff(), family, "EDUCATION", Family.youth());

        assertThat(health.get("status").asString()).isEqualTo("GRANTED");
        assertThat(health.get("givenBy").asString()).isEqualTo("YOUTH");
        assertThat(school.get("status").asString()).isEqualTo("PENDING");
        assertThat(school.get("awaiting").get("guardiansNeeded").asInt()).isEqualTo(2);
        ConsentGranted youths = (ConsentGranted) eventsOf(health.get("id").asString(), 1).getFirst();
        assertThat(youths.givenBy()).isEqualTo(ConsentGiver.YOUTH);
        assertThat(youths.guardianUserIds()).isEmpty();
    }

    @Test
    void aYouthOf15DecidesAloneInChildWelfareButNotAboutHealth() {
        Family family = Family.withChildAged(staff(), 15);

        JsonNode childWelfare = recordConsent(staff(), family, "CHILD_WELFARE", Family.youth());
        JsonNode health = recordConsent(staff(), family, "HEALTH", Family.youth());
        JsonNode healthByGuardians = recordConsent(staff(), family, "HEALTH", family.guardians(family.motherId, family.fatherId));

        assertThat(childWelfare.get("status").asString()).isEqualTo("GRANTED");
        assertThat(health.get("status").asString()).isEqualTo("PENDING");
        assertThat(healthByGuardians.get("status").asString()).isEqualTo("GRANTED");
        assertThat(healthByGuardians.get("givenBy").asString()).isEqualTo("GUARDIANS");
    }

    @Test
    void refusesAnUnknownLegalAreaNamingTheField() {
        Family family = Family.withChildAged(staff(), 9);

        HttpApi.Response response = staff().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("POLICE", family.guardians(family.motherId), ARENA, null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("legalArea");
        assertThat(response.json().get("detail").asString()).contains("HEALTH", "CHILD_WELFARE");
    }

    @Test
    void aSignedFormNeedsItsReference() {
        Family family = Family.withChildAged(staff(), 9);
        String body = Family.consent("EDUCATION", family.guardians(family.motherId), ARENA, null)
                .replaceAll("\"reference\": \"[^\"]*\"", "\"reference\": \" \"");

        HttpApi.Response response = staff().post("/subjects/" + family.subjectId + "/consents", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("evidence.reference");
    }

    @Test
    void refusesAnEvidenceReferenceThatHoldsANationalIdNumber() {
        Family family = Family.withChildAged(staff(), 9);
        String body = Family.consent("EDUCATION", family.guardians(family.motherId), ARENA, null)
                .replaceAll("\"reference\": \"[^\"]*\"", "\"reference\": \"Skjema for 010203\u2011123\u202F45\"");

        HttpApi.Response response = staff().inLanguage("nn").post("/subjects/" + family.subjectId + "/consents", body);

        // The reference is shown to staff, and consent-service never returns a national id number.
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("evidence.reference");
        assertThat(response.json().get("errors").get(0).get("message").asString()).startsWith("kan ikkje innehalde eit fødselsnummer");
        assertThat(response.body()).doesNotContain("010203");
    }

    // --- refusals ---------------------------------------------------------------------------------

    @Test
    void keepsARefusalAndARefusalEndsAPendingConsent() {
        Family family = Family.withChildAged(staff(), 9);

        HttpApi.Response refusal = staff().post("/subjects/" + family.subjectId + "/refusals",
                Family.consent("EDUCATION", family.guardians(family.fatherId), ARENA, null));
        JsonNode pending = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId));
        JsonNode refused = staff().post("/consents/" + pending.get("id").asString() + "/refusals",
                "{\"decidedBy\": " + family.guardians(family.fatherId) + ", \"evidence\": {\"type\": \"ORAL\"}}").json();

        assertThat(refusal.status()).isEqualTo(201);
        assertThat(refusal.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(refusal.json().get("decisions").get(0).get("verdict").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        HttpApi.Response approveRefused = staff().post("/consents/" + pending.get("id").asString() + "/approvals",
                "{\"decidedBy\": " + family.guardians(family.fatherId) + ", \"evidence\": {\"type\": \"ORAL\"}}");
        assertThat(approveRefused.status()).isEqualTo(409);
        assertThat(approveRefused.json().get("currentStatus").asString()).isEqualTo("REFUSED");
        HttpApi.Response limitRefused = staff().post("/consents/" + pending.get("id").asString() + "/limit",
                "{\"parties\": [\"POLICE\"]}");
        assertThat(limitRefused.status()).isEqualTo(409);
        assertThat(limitRefused.json().get("currentStatus").asString()).isEqualTo("REFUSED");
        assertThat(staff().get("/subjects/" + family.subjectId + "/consents").json()).hasSize(2);
    }

    // --- limitation and withdrawal ------------------------------------------------------------------

    @Test
    void limitsAConsentToFewerArenasAndAnEarlierEndButNeverWidensIt() {
        Family family = Family.withChildAged(staff(), 9);
        String body = Family.consent("EDUCATION", family.guardians(family.motherId, family.fatherId), ARENA, null)
                .replace("[\"" + ARENA + "\"]", "[\"" + ARENA + "\", \"" + OTHER_ARENA + "\"]");
        String consentId = staff().post("/subjects/" + family.subjectId + "/consents", body).json().get("id").asString();
        String end = LocalDate.now(ZoneId.of("Europe/Oslo")).plusMonths(3).toString();

        HttpApi.Response widened = staff().post("/consents/" + consentId + "/limit", "{\"parties\": [\"SCHOOL\", \"POLICE\"]}");
        JsonNode limited = staff().post("/consents/" + consentId + "/limit",
                "{\"arenaIds\": [\"" + ARENA + "\"], \"validTo\": \"" + end + "\"}").json();

        assertThat(widened.status()).isEqualTo(400);
        assertThat(widened.json().get("errors").get(0).get("field").asString()).isEqualTo("parties");
        assertThat(limited.get("status").asString()).isEqualTo("LIMITED");
        assertThat(limited.get("active").asBoolean()).isTrue();
        assertThat(limited.get("scope").get("arenaIds")).hasSize(1);
        assertThat(limited.get("limitations").get(0).get("previousScope").get("arenaIds")).hasSize(2);
        ConsentLimited event = (ConsentLimited) eventsOf(consentId, 2).get(1);
        assertThat(event.arenaIds()).containsExactly(ARENA);
        assertThat(event.validTo()).isEqualTo(LocalDate.parse(end));
        assertThat(contacts(family, OTHER_ARENA)).isEmpty();
        assertThat(contacts(family, ARENA)).isNotEmpty();
    }

    @Test
    void staffRecordAnOralWithdrawalByAGuardianAndItIsPublished() {
        Family family = Family.withChildAged(staff(), 9);
        String consentId = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId))
                .get("id").asString();

        JsonNode withdrawn = staff().post("/consents/" + consentId + "/withdraw",
                "{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"" + family.fatherId + "\"}").json();

        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("active").asBoolean()).isFalse();
        assertThat(withdrawn.get("withdrawal").get("evidenceType").asString()).isEqualTo("ORAL");
        assertThat(withdrawn.get("withdrawal").get("recordedBy").asString()).isEqualTo("coordinator");
        ConsentWithdrawn event = (ConsentWithdrawn) eventsOf(consentId, 2).get(1);
        assertThat(event.withdrawnBy()).isEqualTo(ConsentWithdrawer.GUARDIAN);
        HttpApi.Response again = staff().post("/consents/" + consentId + "/withdraw",
                "{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"" + family.motherId + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("WITHDRAWN");
        assertThat(contacts(family, ARENA)).isEmpty();
    }

    @Test
    void onlyTheYouthWithdrawsWhatTheYouthDecidedAlone() {
        Family family = Family.withChildAged(staff(), 16);
        String health = recordConsent(staff(), family, "HEALTH", Family.youth()).get("id").asString();
        String school = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId))
                .get("id").asString();

        HttpApi.Response byGuardian = staff().post("/consents/" + health + "/withdraw",
                "{\"withdrawnBy\": \"GUARDIAN\", \"guardianId\": \"" + family.motherId + "\"}");
        HttpApi.Response byYouthOnGuardians = staff().post("/consents/" + school + "/withdraw", "{\"withdrawnBy\": \"YOUTH\"}");
        JsonNode byYouth = staff().post("/consents/" + health + "/withdraw", "{\"withdrawnBy\": \"YOUTH\"}").json();

        assertThat(byGuardian.status()).isEqualTo(400);
        assertThat(byGuardian.json().get("errors").get(0).get("field").asString()).isEqualTo("withdrawnBy");
        assertThat(byYouthOnGuardians.status()).isEqualTo(400);
        assertThat(byYouth.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(((ConsentWithdrawn) eventsOf(health, 2).get(1)).withdrawnBy()).isEqualTo(ConsentWithdrawer.YOUTH);
    }

    @Test
    void aWithdrawalNeedsToSayWho() {
        Family family = Family.withChildAged(staff(), 9);
        String consentId = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId)).get("id").asString();

        HttpApi.Response response = staff().post("/consents/" + consentId + "/withdraw", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("withdrawnBy");
    }

    // --- guardian view ------------------------------------------------------------------------------

    @Test
    void aGuardianSeesOnlyTheirOwnChildrenAndNotTheYouthsOwnConsents() {
        Family ours = Family.withChildAged(staff(), 16);
        Family theirs = Family.withChildAged(staff(), 9);
        recordConsent(staff(), ours, "EDUCATION", ours.guardians(ours.motherId, ours.fatherId));
        recordConsent(staff(), ours, "HEALTH", Family.youth());
        recordConsent(staff(), theirs, "EDUCATION", theirs.guardians(theirs.motherId));

        JsonNode children = guardian(ours.motherLogin).get("/guardian/children").json();

        assertThat(children).hasSize(1);
        assertThat(children.get(0).get("subjectId").asString()).isEqualTo(ours.subjectId);
        assertThat(children.get(0).get("name").asString()).isEqualTo(ours.childName);
        assertThat(children.get(0).get("consents")).hasSize(1);
        assertThat(children.get(0).get("consents").get(0).get("legalArea").asString()).isEqualTo("EDUCATION");
        assertThat(children.get(0).get("consents").get(0).get("decisions").get(0).get("evidenceReference").isNull()).isTrue();
        assertThat(guardian("ste-" + ours.motherLogin.substring(4)).get("/guardian/children").json()).isEmpty();
        assertThat(guardian(ours.motherLogin).post("/guardian/children/" + theirs.subjectId + "/withdraw", "").status()).isEqualTo(404);
        assertThat(guardian(ours.motherLogin).get("/guardian/children/" + theirs.subjectId + "/reads").status()).isEqualTo(404);
        assertThat(staff().get("/guardian/children").status()).isEqualTo(403);
    }

    @Test
    void aGuardianWithdrawsEveryConsentOfTheirChildInOneCall() {
        Family family = Family.withChildAged(staff(), 9);
        String granted = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId)).get("id").asString();
        String pending = recordConsent(staff(), family, "HEALTH", family.guardians(family.motherId)).get("id").asString();

        JsonNode withdrawn = guardian(family.fatherLogin).post("/guardian/children/" + family.subjectId + "/withdraw", "").json();

        assertThat(withdrawn).hasSize(2);
        assertThat(staff().get("/consents/" + granted).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(staff().get("/consents/" + pending).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(staff().get("/consents/" + granted).json().get("withdrawal").get("evidenceType").asString()).isEqualTo("GUARDIAN_VIEW");
        assertThat(staff().get("/consents/" + granted).json().get("withdrawal").get("guardianId").asString()).isEqualTo(family.fatherId);
        assertThat(eventsOf(granted, 2).get(1)).isInstanceOf(ConsentWithdrawn.class);
    }

    @Test
    void aGuardianWithdrawsOneConsent() {
        Family family = Family.withChildAged(staff(), 9);
        String consentId = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId)).get("id").asString();
        Family other = Family.withChildAged(staff(), 9);

        assertThat(guardian(other.motherLogin).post("/guardian/consents/" + consentId + "/withdraw", "").status()).isEqualTo(404);
        JsonNode withdrawn = guardian(family.motherLogin).post("/guardian/consents/" + consentId + "/withdraw", "").json();

        assertThat(withdrawn.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(guardian(family.motherLogin).post("/guardian/consents/" + consentId + "/withdraw", "").status()).isEqualTo(409);
    }

    @Test
    void aGuardianSeesWhoReadTheChildsDataFromTheReadAuditLog() {
        Family family = Family.withChildAged(staff(), 9);

        JsonNode reads = guardian(family.motherLogin).get("/guardian/children/" + family.subjectId + "/reads").json();

        JsonNode referralRead = reads.get(reads.size() - 1);
        assertThat(referralRead.get("service").asString()).isEqualTo("referral-service");
        assertThat(referralRead.get("relation").asString()).isEqualTo("ARENA_MEMBER");
        assertThat(referralRead.get("resourceId").asString()).isEqualTo("referral-for-" + topicIdOf(family));
        assertThat(referralRead.get("readAt").asString()).isEqualTo("2026-11-20T09:15:00Z");
        // The other services know the child by its topic id only.
        assertThat(READ_AUDIT_CALLS).contains("subjectId=" + topicIdOf(family)).doesNotContain("subjectId=" + family.subjectId);
    }

    // --- identity match for referral-service -------------------------------------------------------------

    @Test
    void tellsReferralServiceOnlyWhetherTheClaimedChildIsTheRegisteredOne() {
        Family family = Family.withChildAged(staff(), 9);
        HttpApi referralService = HttpApi.at(port).as(TestTokens.serviceToken("referral-service", "identity-match"));
        String path = "/subjects/" + topicIdOf(family) + "/identity-match?municipality=" + TestTokens.AUKRA;
        String spaced = family.nationalId.substring(0, 6) + " " + family.nationalId.substring(6);

        HttpApi.Response same = referralService.post(path, """
                {"name": "%s", "nationalId": "%s"}""".formatted(family.childName.toUpperCase(), spaced));
        HttpApi.Response another = referralService.post(path, """
                {"name": "Heilt Annan Person", "nationalId": "%s"}""".formatted(family.nationalId));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("match").asBoolean()).isTrue();
        assertThat(another.json().get("match").asBoolean()).isFalse();
        // The answer is a yes or a no: nothing of the child comes back.
        assertThat(another.body()).isEqualTo("{\"match\":false}");
        assertThat(referralService.post("/subjects/" + topicIdOf(family) + "/identity-match?municipality=" + TestTokens.MELHUS, """
                {"name": "%s", "nationalId": "%s"}""".formatted(family.childName, family.nationalId)).json().get("match").asBoolean())
                .isFalse();
        assertThat(referralService.post("/subjects/unknown/identity-match?municipality=" + TestTokens.AUKRA, """
                {"name": "%s", "nationalId": "%s"}""".formatted(family.childName, family.nationalId)).json().get("match").asBoolean())
                .isFalse();
        // Both checks used the child's identity: the access log has them, and the guardians see them among the reads.
        JsonNode reads = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"))
                .get("/access-log/reads?subjectId=" + family.subjectId).json();
        assertThat(reads.valueStream().filter(read -> read.get("userId").asString().equals("referral-service"))
                .map(read -> read.get("relation").asString() + " " + read.get("purpose").asString()))
                .containsExactly("SERVICE IDENTITY_MATCH", "SERVICE IDENTITY_MATCH");
    }

    @Test
    void refusesTheIdentityMatchToAllButReferralServicesScope() {
        Family family = Family.withChildAged(staff(), 9);
        String path = "/subjects/" + topicIdOf(family) + "/identity-match?municipality=" + TestTokens.AUKRA;
        String claim = """
                {"name": "%s", "nationalId": "%s"}""".formatted(family.childName, family.nationalId);

        assertThat(HttpApi.at(port).post(path, claim).status()).isEqualTo(401);
        assertThat(staff().post(path, claim).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("ADMIN")).post(path, claim).status()).isEqualTo(403);
        assertThat(notificationService().post(path, claim).status()).isEqualTo(403);
    }

    @Test
    void thePrivacyOfficersReviewGathersEveryServicesLogAndItsChainCheck() {
        HttpApi officer = HttpApi.at(port).as(TestTokens.token("privacy-officer", TestTokens.AUKRA, "PRIVACY_OFFICER"));

        JsonNode review = officer.get("/access-review?from=2026-11-01&to=2026-11-30").json();

        assertThat(review.get("chains").findValuesAsString("service")).containsExactly("consent-service", "referral-service");
        assertThat(review.get("chains").get(1).get("intact").asBoolean()).isFalse();
        assertThat(review.get("chains").get(1).get("problem").asString()).isEqualTo("ALTERED");
        JsonNode nightReader = null;
        for (JsonNode user : review.get("users")) {
            if (user.get("userId").asString().equals("night-reader")) {
                nightReader = user;
            }
        }
        assertThat(nightReader).isNotNull();
        assertThat(nightReader.get("reads").asInt()).isEqualTo(1);
        assertThat(READ_AUDIT_CALLS).contains("/access-log/entries?municipality=1547&from=2026-11-01&to=2026-11-30",
                "/access-log/verify?municipality=1547");
    }

    // --- contacts for notification-service ------------------------------------------------------------

    @Test
    void givesNoticesOnlyTheGuardiansWithParentalResponsibilityWhileTheirConsentCoversTheArena() {
        Family family = Family.withChildAged(staff(), 9);
        recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId));

        JsonNode contacts = notificationService().get("/subjects/" + topicIdOf(family) + "/guardian-contacts?arenaId=" + ARENA).json();

        assertThat(contacts).hasSize(2);
        List<String> ids = new ArrayList<>();
        contacts.forEach(contact -> ids.add(contact.get("guardianId").asString()));
        assertThat(ids).containsExactlyInAnyOrder(family.motherId, family.fatherId);
        JsonNode mother = contacts.get(0).get("guardianId").asString().equals(family.motherId) ? contacts.get(0) : contacts.get(1);
        assertThat(mother.get("email").asString()).isEqualTo(family.motherEmail);
        assertThat(mother.get("phone").asString()).isEqualTo("+47 912 34 567");
        assertThat(mother.get("language").asString()).isEqualTo("nn");
        assertThat(contacts(family, OTHER_ARENA)).isEmpty();
        assertThat(notificationService().get("/subjects/unknown-subject/guardian-contacts?arenaId=" + ARENA).json()).isEmpty();
        assertThat(staff().get("/subjects/" + family.subjectId + "/guardian-contacts?arenaId=" + ARENA).status()).isEqualTo(403);
    }

    @Test
    void givesNoContactsForAnArenaWithAServiceTheConsentLeavesOutOrAnArenaItHasNotHeardOf() {
        String withPolice = "arena-slt-" + UUID.randomUUID().toString().substring(0, 8);
        registerArena(withPolice, List.of("SCHOOL", "POLICE"));
        Family family = Family.withChildAged(staff(), 9);
        HttpApi.Response recorded = staff().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("EDUCATION", family.guardians(family.motherId, family.fatherId), withPolice, null)
                        .replace("\"arenaIds\": [\"" + withPolice + "\"]", "\"arenaIds\": [\"" + withPolice + "\", \"arena-unheard-of\"]"));
        assertThat(recorded.json().get("status").asString()).isEqualTo("GRANTED");

        // The consent names the arena, but lets SCHOOL and HEALTH_STATION share, not POLICE, who sit in it too.
        assertThat(contacts(family, withPolice)).isEmpty();
        assertThat(contacts(family, "arena-unheard-of")).isEmpty();
    }

    @Test
    void aYouthsOwnConsentGivesNoGuardianContacts() {
        Family family = Family.withChildAged(staff(), 16);
        recordConsent(staff(), family, "HEALTH", Family.youth());

        assertThat(contacts(family, ARENA)).isEmpty();
    }

    // --- erasure ----------------------------------------------------------------------------------------

    @Test
    void erasingAChildLeavesNoReadableNameOrNationalIdNumberStoredOrPublished() {
        Family family = Family.withChildAged(staff(), 9);
        String consentId = recordConsent(staff(), family, "EDUCATION", family.guardians(family.motherId, family.fatherId))
                .get("id").asString();
        ConsentGranted granted = (ConsentGranted) eventsOf(consentId, 1).getFirst();
        assertThat(guardianLogins(family, granted.guardianUserIds())).hasSize(2);
        HttpApi admin = HttpApi.at(port).as(TestTokens.forRole("ADMIN"));

        assertThat(staff().post("/subjects/" + family.subjectId + "/erase", "").status()).isEqualTo(403);
        String topicId = topicIdOf(family);
        JsonNode erased = admin.post("/subjects/" + family.subjectId + "/erase", "").json();

        assertThat(erased.get("status").asString()).isEqualTo("ERASED");
        List<ConsumerRecord<String, byte[]>> published = awaitRecord(topicId);
        assertThat(published.stream().filter(r -> topicId.equals(r.key()))
                .map(r -> CloudEventCodec.decode(r.headers(), r.value()))).singleElement().isInstanceOf(SubjectErased.class);
        JsonNode subject = staff().get("/subjects/" + family.subjectId).json();
        assertThat(subject.get("status").asString()).isEqualTo("ERASED");
        assertThat(subject.get("name").isNull()).isTrue();
        // The consent's bare record names no child any more, so nobody is related to it.
        assertThat(staff().get("/consents/" + consentId).status()).isEqualTo(404);
        assertThat(contacts(family, ARENA)).isEmpty();
        assertThat(staff().post("/subjects/" + family.subjectId + "/guardians",
                "{\"name\": \"Ny\", \"parentalResponsibility\": true}").status()).isEqualTo(409);
        assertThat(guardian(family.motherLogin).get("/guardian/children").json()).isEmpty();
        assertThat(admin.post("/subjects/" + family.subjectId + "/erase", "").status()).isEqualTo(200);
        Document tombstone = mongo.getCollection("subject_keys").find(new Document("_id", family.subjectId)).first();
        assertThat(tombstone.getBoolean("erased")).isTrue();
        assertThat(tombstone.containsKey("wrappedKey")).isFalse();

        String stored = rawDocuments();
        String topic = rawTopic(published);
        // The child's id stays only in its tombstones here (the stripped subject, subject_keys, and the access log of who
        // read it); its topic id only on the topic and in the erasure notice, which holds nothing else.
        assertThat(stored).contains(family.subjectId, consentId);
        assertThat(collectionsHolding(topicId)).containsExactly("erasure_notices");
        assertThat(mongo.getCollection("erasure_notices").find(new Document("_id", topicId)).first().toJson())
                .doesNotContain(family.subjectId);
        assertThat(mongo.getCollection("consents").find(new Document("_id", consentId)).first().toJson()).doesNotContain(family.subjectId);
        assertThat(topic).contains(topicId).doesNotContain(family.subjectId);
        assertThat(guardianLogins(family, granted.guardianUserIds())).as("the pseudonyms are unlinkable once the key is gone").isEmpty();
        for (String personal : List.of(family.childName, family.childName.split(" ")[1], family.nationalId, family.motherEmail,
                family.motherLogin, family.fatherLogin)) {
            assertThat(stored).doesNotContain(personal);
            assertThat(topic).doesNotContain(personal);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** The id the child goes by outside consent-service: on the topics, and in referral-, arena- and notification-service. */
    String topicIdOf(Family family) {
        return topicIds.computeIfAbsent(family.subjectId,
                id -> mongo.getCollection("subjects").find(new Document("_id", id)).first().getString("topicId"));
    }

    private List<String> guardianLogins(Family family, List<String> pseudonyms) {
        HttpApi.Response response = HttpApi.at(port).as(TestTokens.serviceToken("referral-service", "guardian-logins"))
                .post("/subjects/" + topicIdOf(family) + "/guardian-logins?municipality="
                        + TestTokens.AUKRA,
                        "{\"pseudonyms\": " + jsonArray(pseudonyms) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("userIds").spliterator(), false).map(JsonNode::asString).toList();
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private JsonNode contacts(Family family, String arenaId) {
        HttpApi.Response response = notificationService().get("/subjects/" + topicIdOf(family) + "/guardian-contacts?arenaId=" + arenaId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The collections of this service with a document that holds the text. */
    private List<String> collectionsHolding(String text) {
        return mongo.getCollectionNames().stream().filter(collection -> mongo.getCollection(collection).find().into(new java.util.ArrayList<>())
                .stream().anyMatch(document -> document.toJson().contains(text))).toList();
    }

    /** Every document of every collection of this service, as JSON text. */
    private String rawDocuments() {
        StringBuilder all = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                all.append(document.toJson()).append('\n');
            }
        }
        return all.toString();
    }

    /** The raw bytes of records as they sit on the topic, headers included. */
    private static String rawTopic(List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder all = new StringBuilder();
        for (ConsumerRecord<String, byte[]> record : records) {
            all.append(record.key()).append(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(header -> all.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8)));
        }
        return all.toString();
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecord(String key) {
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.CONSENT_EVENTS)) {
            return probe.awaitRecord(record -> key.equals(record.key()), Duration.ofSeconds(30));
        }
    }

    List<DomainEvent> eventsOf(String key, int count) {
        try (TopicProbe probe = new TopicProbe(brokers(), Topics.CONSENT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    probe.drain(Duration.ofMillis(300)).stream().filter(r -> key.equals(r.key())).count() >= count);
            return probe.drain(Duration.ZERO).stream().filter(r -> key.equals(r.key()))
                    .map(r -> CloudEventCodec.decode(r.headers(), r.value())).toList();
        }
    }

    String brokers() {
        return String.join(",", kafka.getBootstrapServers());
    }

    /** Answers with the JSON to a service token only, noting the query. */
    private static void answer(com.sun.net.httpserver.HttpExchange exchange, List<String> calls, String json) throws IOException {
        calls.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean serviceToken = authorization != null && authorization.startsWith("Bearer ey");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(serviceToken ? 200 : 401, serviceToken ? body.length : -1);
        if (serviceToken) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static HttpServer referralServiceStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/access-log/reads", exchange -> {
                String query = exchange.getRequestURI().getQuery();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                READ_AUDIT_CALLS.add(query);
                boolean serviceToken = authorization != null && authorization.startsWith("Bearer ey");
                String subjectId = query.substring(query.indexOf('=') + 1);
                byte[] body = ("[{\"service\": \"referral-service\", \"municipality\": \"1547\", \"sequence\": 1, \"at\": \"2026-11-20T09:15:00Z\","
                        + " \"userId\": \"member\", \"relation\": \"ARENA_MEMBER\", \"outcome\": \"READ\", \"resourceKind\": \"referral\","
                        + " \"resourceId\": \"referral-for-" + subjectId + "\", \"subjectId\": \"" + subjectId + "\","
                        + " \"purpose\": \"MEETING_PREPARATION\", \"previousHash\": \"0\", \"hash\": \"1\"}]")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(serviceToken ? 200 : 401, serviceToken ? body.length : -1);
                if (serviceToken) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.createContext("/access-log/entries", exchange -> answer(exchange, READ_AUDIT_CALLS,
                    "[{\"service\": \"referral-service\", \"municipality\": \"1547\", \"sequence\": 1, \"at\": \"2026-11-20T09:15:00Z\","
                            + " \"userId\": \"night-reader\", \"relation\": \"ARENA_MEMBER\", \"outcome\": \"READ\","
                            + " \"resourceKind\": \"referral\", \"resourceId\": \"r-1\", \"subjectId\": \"c-1\", \"purpose\": \"MEETING\","
                            + " \"previousHash\": \"0\", \"hash\": \"1\"}]"));
            server.createContext("/access-log/verify", exchange -> answer(exchange, READ_AUDIT_CALLS,
                    "{\"service\": \"referral-service\", \"municipality\": \"1547\", \"entries\": 1, \"intact\": false,"
                            + " \"firstBrokenSequence\": 1, \"problem\": \"ALTERED\", \"lastHash\": null}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
