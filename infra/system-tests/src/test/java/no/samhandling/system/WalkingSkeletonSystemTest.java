package no.samhandling.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import no.samhandling.kafka.KafkaAccess;
import no.samhandling.local.RunningSystem;
import no.samhandling.local.Service;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TopicProbe;

/**
 * The whole system as the README's run command starts it (real Kafka broker, MongoDB wire server,
 * authorization server, all five services, demo data), driven only through public interfaces:
 * tokens from the authorization server, REST, and Kafka as any client reads it.
 */
@ExtendWith(LocalSystemExtension.class)
class WalkingSkeletonSystemTest {

    static final String PRESCHOOL_TEAM = "aukra-0-6-tverrfagleg-forskoleteam";

    static RunningSystem system;

    @BeforeAll
    static void start() {
        system = LocalSystemExtension.system();
    }

    /**
     * A referral goes out on the broker as a CloudEvent, readable with the external read-only
     * credentials, and the leader's figures do not move with it: they come from releases, and the
     * running month is shown only coarsely and the same all day (issue 12).
     */
    @Test
    void aSubmittedReferralReachesTheBrokerAndTheLeadersFiguresDoNotMoveWithIt() {
        HttpApi referrer = HttpApi.at(Service.REFERRAL.baseUrl()).as(system.accessToken("demo-referrer", "demo"));
        HttpApi leader = HttpApi.at(Service.REPORTING.baseUrl()).as(system.accessToken("demo-leader", "demo"));
        String arenaId = HttpApi.at(Service.ARENA.baseUrl()).as(system.accessToken("demo-referrer", "demo"))
                .get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0).get("id").asString();
        String before = await().atMost(Duration.ofSeconds(30)).until(() -> leader.get("/reports/figures"), read -> read.status() == 200)
                .body();

        HttpApi.Response created = referrer.post("/referrals", """
                {"arenaId": "%s", "referrerUnit": "Barnebo barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["LANGUAGE"], "preventionLevel": "GREEN",
                 "measuresTried": [{"description": "Språkgruppe", "period": "haust 2026", "effect": "Lite endring"}],
                 "guardiansAttend": true}""".formatted(arenaId));

        assertThat(created.status()).isEqualTo(201);
        String referralId = created.json().get("id").asString();

        // Read as another system would, with the read-only credentials the README describes.
        try (TopicProbe probe = new TopicProbe(system.kafkaClientProperties(KafkaAccess.EXTERNAL_READER),
                KafkaAccess.EXTERNAL_READER, "referral.events")) {
            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> referralId.equals(r.key()), Duration.ofSeconds(10))
                    .stream().filter(r -> referralId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("referral.submitted.v1");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/samhandling/referral-service");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(referralId);
            assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
            assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
        }
        // Held for a few seconds after the record is on the topic, long past the projection's usual delay.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> leader.get("/reports/figures").body().equals(before));
    }

    @Test
    void theBrokerHoldsTheFourEventTopics() throws Exception {
        try (Admin admin = Admin.create(system.kafkaClientProperties(KafkaAccess.ADMIN))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("arena.events", "referral.events", "consent.events", "notification.events");
        }
    }

    @Test
    void everyServiceIsHealthyAndExposesPrometheusToItsScraper() {
        String prometheus = system.accessToken("prometheus", "prometheus");
        for (Service service : Service.values()) {
            assertThat(HttpApi.at(service.baseUrl()).get("/actuator/health").json().get("status").asString())
                    .as(service.name()).isEqualTo("UP");
            assertThat(HttpApi.at(service.baseUrl()).as(prometheus).get("/actuator/prometheus").body())
                    .as(service.name()).contains("jvm_memory_used_bytes");
        }
        // The authorization server's metrics are the scraper's alone, not any valid token's.
        assertThat(HttpApi.at(Service.AUTH_SERVER.baseUrl()).as(system.accessToken("demo-admin", "demo"))
                .get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void theWholeAukraCatalogueIsLoaded() {
        JsonNode arenas = HttpApi.at(Service.ARENA.baseUrl()).as(system.accessToken("demo-coordinator", "demo")).get("/arenas").json();

        assertThat(arenas.size()).isGreaterThanOrEqualTo(20);
        assertThat(arenas.findValuesAsString("externalKey")).contains(PRESCHOOL_TEAM);
    }

    @Test
    void everyAukraArenaWithAFixedRhythmListsItsMeetingsForTheComingHalfYear() {
        HttpApi coordinator = HttpApi.at(Service.ARENA.baseUrl()).as(system.accessToken("demo-coordinator", "demo"));
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant horizon = now.plus(Duration.ofDays(183));
        int withMeetings = 0;
        for (JsonNode arena : coordinator.get("/arenas").json()) {
            String pattern = arena.path("rhythm").path("pattern").asString();
            JsonNode meetings = coordinator.get("/arenas/" + arena.get("id").asString() + "/meetings?from=" + now + "&to=" + horizon).json();
            if (pattern.equals("ON_DEMAND") || pattern.equals("AGREED_AT_MEETING")) {
                assertThat(meetings.size()).as(arena.get("externalKey").asString()).isZero();
            } else {
                assertThat(meetings.size()).as(arena.get("externalKey").asString()).isPositive();
                assertThat(meetings.get(0).get("participants").findValuesAsString("userId")).contains("coordinator", "member");
                withMeetings++;
            }
        }
        assertThat(withMeetings).isGreaterThanOrEqualTo(18);
    }

    @Test
    void aReferralGoesOnAMeetingsAgendaAndTheMinutesMoveItToFollowUp() {
        HttpApi referrer = HttpApi.at(Service.REFERRAL.baseUrl()).as(system.accessToken("demo-referrer", "demo"));
        String coordinatorToken = system.accessToken("demo-coordinator", "demo");
        HttpApi referrals = HttpApi.at(Service.REFERRAL.baseUrl()).as(coordinatorToken);
        HttpApi arenas = HttpApi.at(Service.ARENA.baseUrl()).as(coordinatorToken);
        String arenaId = arenas.get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0).get("id").asString();
        // A meeting about to begin: scheduling takes a meeting still to come, closing minutes one that has begun.
        java.time.Instant startsAt = java.time.Instant.now().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String meetingId = arenas.post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus"}""".formatted(startsAt, startsAt.plus(Duration.ofHours(1))))
                .json().get("id").asString();

        String referralId = referrer.post("/referrals", """
                {"arenaId": "%s", "referrerUnit": "Bergetippen barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["BEHAVIOUR"], "preventionLevel": "YELLOW", "guardiansAttend": false,
                 "measuresTried": [{"description": "Tett oppfølging i avdelinga", "period": "haust 2026", "effect": "Lite endring"}]}"""
                .formatted(arenaId)).json().get("id").asString();
        assertThat(referrals.post("/referrals/" + referralId + "/accept", "").status()).isEqualTo(200);
        // referral-service learns of the new meeting from arena.events within moments.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                referrals.post("/referrals/" + referralId + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}").status() == 200);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                arenas.get("/meetings/" + meetingId).json().get("agenda").toString().contains(referralId));
        arenas.put("/meetings/" + meetingId + "/minutes", """
                {"items": [{"referralId": "%s", "outcomeCode": "MEASURES_AGREED", "outcome": "PPT observerer i avdelinga.",
                  "assignment": {"responsibleService": "PPT", "task": "Observasjon og rettleiing", "dueDate": "2027-01-20",
                                 "followUpDate": "2027-02-10"}}]}""".formatted(referralId));
        assertThat(arenas.post("/meetings/" + meetingId + "/minutes/close", "{}").status()).as("before the meeting began").isEqualTo(409);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                arenas.post("/meetings/" + meetingId + "/minutes/close", "{}").status() == 200);
        assertThat(arenas.get("/meetings/" + meetingId).json().get("status").asString()).isEqualTo("HELD");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                referrals.get("/referrals/" + referralId).json().get("status").asString().equals("FOLLOW_UP"));
        assertThat(referrals.post("/referrals/" + referralId + "/close", "{\"reasonCode\": \"RESOLVED\"}").json().get("status").asString())
                .isEqualTo("CLOSED");
    }

    /**
     * Issue 4, 5 and 12 end to end: a child registered with a consent in consent-service is referred by
     * name, read under the audit, seen by the guardian, scheduled to a meeting its guardians are invited to
     * and told of, and discussed with minutes that name it; then erased. After that, neither the name, the
     * national id number, nor the guardians' names, email addresses, phone numbers or login id is anywhere:
     * not in any service's MongoDB documents, not in any Kafka record (event topics and dead-letter topics
     * alike), read as raw bytes. The child's subject id is left only in the tombstones the README lists.
     *
     * <p>Both guardians' logins are their own, so that finding one means something: the mother's
     * ({@code systemprove-mor-5519}) never signs in; the father's is the demo login {@code second-guardian}, which
     * signs in, reads the case's personal data and sees who read the child's data, so every service's access log
     * records him next to the child and its case. After erasure the access logs hold neither the child's ids nor
     * his login, only what no key opens any more.
     */
    @Test
    void aNamedChildIsReferredUnderConsentAuditedAndAfterErasureFoundNowhere() throws Exception {
        String name = "Systemprøve Eirasdotter";
        String nationalId = "14052250170";
        String motherLogin = "systemprove-mor-5519";
        String fatherLogin = "second-guardian";
        String coordinatorToken = system.accessToken("demo-coordinator", "demo");
        HttpApi consents = HttpApi.at(Service.CONSENT.baseUrl()).as(coordinatorToken);
        HttpApi referrals = HttpApi.at(Service.REFERRAL.baseUrl()).as(coordinatorToken);
        HttpApi referrer = HttpApi.at(Service.REFERRAL.baseUrl()).as(system.accessToken("demo-referrer", "demo"));
        String fatherToken = system.accessToken("demo-" + fatherLogin, "demo");
        HttpApi guardian = HttpApi.at(Service.CONSENT.baseUrl()).as(fatherToken);
        JsonNode arena = HttpApi.at(Service.ARENA.baseUrl()).as(coordinatorToken).get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0);
        String arenaId = arena.get("id").asString();

        HttpApi.Response subject = consents.post("/subjects", """
                {"name": "%s", "birthDate": "2022-05-14", "nationalId": "%s",
                 "guardians": [{"name": "Systemprøve Mor", "email": "mor@example.test", "phone": "+4741234567",
                                "parentalResponsibility": true, "userId": "%s", "language": "nn"},
                               {"name": "Systemprøve Farsen", "email": "farsen@example.test", "phone": "+4792345678",
                                "parentalResponsibility": true, "userId": "%s", "language": "nb"}]}"""
                .formatted(name, nationalId, motherLogin, fatherLogin));
        assertThat(subject.status()).as(subject.body()).isEqualTo(201);
        String subjectId = subject.json().get("id").asString();
        List<String> guardianIds = subject.json().get("guardians").findValuesAsString("guardianId");
        HttpApi.Response consent = consents.post("/subjects/" + subjectId + "/consents", """
                {"legalArea": "OTHER", "decidedBy": {"guardianIds": ["%s", "%s"]},
                 "scope": {"arenaIds": ["%s"], "parties": %s, "purposeCode": "INTERDISCIPLINARY_DISCUSSION"},
                 "evidence": {"type": "SIGNED_FORM", "reference": "Arkivsak 2026/1234"}}"""
                .formatted(guardianIds.get(0), guardianIds.get(1), arenaId, arena.get("parties").toString()));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        String consentId = consent.json().get("id").asString();
        // Outside consent-service the child goes by another id, its topic id, which the consent's event carries.
        String topicId;
        try (TopicProbe probe = new TopicProbe(system.kafkaClientProperties(KafkaAccess.EXTERNAL_READER), KafkaAccess.EXTERNAL_READER,
                "consent.events")) {
            ConsumerRecord<String, byte[]> granted = probe.awaitRecord(r -> consentId.equals(r.key()), Duration.ofSeconds(10)).stream()
                    .filter(r -> consentId.equals(r.key())).findFirst().orElseThrow();
            topicId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(granted.value()).get("subjectId").asString();
        }
        assertThat(topicId).isNotEqualTo(subjectId);

        String named = """
                {"arenaId": "%s", "referrerUnit": "Barnebo barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["LANGUAGE"], "preventionLevel": "YELLOW", "guardiansAttend": true,
                 "measuresTried": [{"description": "Språkgruppe for %s", "period": "haust 2026", "effect": "Lite endring"}],
                 "description": "%s snakkar lite i barnehagen", "subject": {"name": "%s", "nationalId": "%s"}, "consentId": "%s"}"""
                .formatted(arenaId, name, name, name, nationalId, consentId);
        // The consent reaches referral-service through consent.events within moments.
        HttpApi.Response created = await().atMost(Duration.ofSeconds(20)).until(() -> referrer.post("/referrals", named),
                response -> response.status() == 201);
        String referralId = created.json().get("id").asString();
        assertThat(referrals.post("/referrals/" + referralId + "/accept", "").status()).isEqualTo(200);
        assertThat(referrals.get("/referrals/" + referralId + "/personal-data?purpose=INTAKE_ASSESSMENT").json().get("name").asString())
                .isEqualTo(name);
        // The father reads his child's case (referral-service learns the consent's guardians within moments) and who read it.
        HttpApi fatherAtReferrals = HttpApi.at(Service.REFERRAL.baseUrl()).as(fatherToken);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                fatherAtReferrals.get("/referrals/" + referralId + "/personal-data?purpose=GUARDIAN_ACCESS").status() == 200);
        JsonNode reads = await().atMost(Duration.ofSeconds(10)).until(
                () -> guardian.get("/guardian/children/" + subjectId + "/reads"), response -> response.status() == 200).json();
        assertThat(reads.findValuesAsString("purpose")).contains("INTAKE_ASSESSMENT");

        // The case is scheduled to a meeting about to begin, its guardians invited and told, and discussed with minutes
        // that name the child.
        HttpApi arenas = HttpApi.at(Service.ARENA.baseUrl()).as(coordinatorToken);
        java.time.Instant startsAt = java.time.Instant.now().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String meetingId = arenas.post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus"}""".formatted(startsAt, startsAt.plus(Duration.ofHours(1))))
                .json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                referrals.post("/referrals/" + referralId + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}").status() == 200);
        // The guardians take part under pseudonyms of their logins for this child, never the logins themselves.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                arenas.get("/meetings/" + meetingId).json().get("participants").findValuesAsString("kind").contains("GUARDIAN"));
        assertThat(arenas.get("/meetings/" + meetingId).json().get("participants").findValuesAsString("userId"))
                .doesNotContain(fatherLogin, motherLogin);
        assertThat(arenas.post("/meetings/" + meetingId + "/agenda/publish", "").status()).isEqualTo(200);
        assertThat(arenas.put("/meetings/" + meetingId + "/minutes", """
                {"items": [{"referralId": "%s", "topic": "Språket til %s", "outcomeCode": "MEASURES_AGREED",
                  "outcome": "%s får språkgruppe.",
                  "assignment": {"responsibleService": "PPT", "task": "Rettleie personalet rundt %s", "dueDate": "2027-01-20",
                                 "followUpDate": "2027-02-10"}}]}""".formatted(referralId, name, name, name)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                arenas.post("/meetings/" + meetingId + "/minutes/close", "{}").status() == 200);
        // The members read what the minutes say of the child; MongoDB holds it only sealed under the child's key.
        assertThat(arenas.get("/meetings/" + meetingId).json().get("minutes").get(0).get("outcome").asString())
                .isEqualTo(name + " får språkgruppe.");
        assertThat(RawCopies.mongoDocumentsContaining(system.mongoUri(), name)).as("the minutes, before erasure")
                .noneMatch(found -> found.startsWith("arena-service."));

        HttpApi admin = HttpApi.at(Service.CONSENT.baseUrl()).as(system.accessToken("demo-admin", "demo"));
        assertThat(admin.post("/subjects/" + subjectId + "/erase", "").status()).isIn(200, 202, 204);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                referrals.get("/referrals/" + referralId).json().get("anonymised").asBoolean());
        assertThat(referrals.get("/referrals/" + referralId + "/personal-data?purpose=MEETING").status()).isEqualTo(409);
        List<String> identifying = List.of(name, nationalId, "Systemprøve Mor", "Systemprøve Farsen", "mor@example.test",
                "farsen@example.test", "+4741234567", "41234567", "+4792345678", "92345678", motherLogin, fatherLogin);
        // Every service has handled SubjectErased once the last read model let go of the child's name.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(RawCopies.mongoDocumentsContaining(system.mongoUri(), identifying.toArray(String[]::new))).isEmpty());
        List<String> sought = new java.util.ArrayList<>(identifying);
        sought.addAll(List.of(subjectId, topicId));
        Map<String, List<String>> inMongo = RawCopies.mongoDocumentsContainingEach(system.mongoUri(), sought.toArray(String[]::new));
        Map<String, List<String>> inKafka = RawCopies.kafkaRecordsContainingEach(system.kafkaClientProperties(KafkaAccess.ADMIN),
                sought.toArray(String[]::new));
        SoftAssertions.assertSoftly(softly -> {
            for (String text : identifying) {
                softly.assertThat(inMongo.get(text)).as("MongoDB: " + text).isEmpty();
                softly.assertThat(inKafka.get(text)).as("Kafka: " + text).isEmpty();
            }
            // The subject id never left consent-service, where it stays only in tombstones: the stripped subject and its
            // subject_keys entry. Its access log knows the child only by a pseudonym no key turns back any more.
            softly.assertThat(inKafka.get(subjectId)).as("Kafka: the subject id").isEmpty();
            softly.assertThat(inMongo.get(subjectId)).as("MongoDB: the subject id").isNotEmpty().allMatch(found ->
                    found.equals("consent-service.subjects/" + subjectId) || found.equals("consent-service.subject_keys/" + subjectId));
            // The topic id is on the topics for good, but no document leads from it to the child any more: only tombstones
            // hold it (each service's subject_keys entry, consent-service's erasure notice), no access log.
            softly.assertThat(inKafka.get(topicId)).as("Kafka: the topic id").isNotEmpty();
            softly.assertThat(inMongo.get(topicId)).as("MongoDB: the topic id").isNotEmpty().allMatch(found ->
                    found.endsWith(".subject_keys/" + topicId) || found.equals("consent-service.erasure_notices/" + topicId));
        });
        // The scans saw the case: the same scans find the opaque ids that stay.
        assertThat(RawCopies.kafkaRecordsContaining(system.kafkaClientProperties(KafkaAccess.ADMIN), referralId)).isNotEmpty();
        assertThat(RawCopies.mongoDocumentsContaining(system.mongoUri(), referralId)).isNotEmpty();
    }

    /**
     * A guardian withdraws consent while the named case is on a meeting's agenda: the case loses the
     * child's identity and goes on anonymously, and the guardian is taken off the meeting.
     */
    @Test
    void aGuardianWithdrawingConsentWhileTheCaseIsOnAnAgendaLeavesItAnonymousAndTheGuardianUninvited() {
        String coordinatorToken = system.accessToken("demo-coordinator", "demo");
        HttpApi consents = HttpApi.at(Service.CONSENT.baseUrl()).as(coordinatorToken);
        HttpApi referrals = HttpApi.at(Service.REFERRAL.baseUrl()).as(coordinatorToken);
        HttpApi arenas = HttpApi.at(Service.ARENA.baseUrl()).as(coordinatorToken);
        HttpApi referrer = HttpApi.at(Service.REFERRAL.baseUrl()).as(system.accessToken("demo-referrer", "demo"));
        HttpApi guardian = HttpApi.at(Service.CONSENT.baseUrl()).as(system.accessToken("demo-guardian", "demo"));
        JsonNode arena = arenas.get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0);
        String arenaId = arena.get("id").asString();
        // The last planned meeting, so that no other test's agenda or minutes meet this one.
        JsonNode coming = arenas.get("/arenas/" + arenaId + "/meetings?from=" + java.time.Instant.now()).json();
        String meetingId = coming.get(coming.size() - 1).get("id").asString();

        JsonNode subject = consents.post("/subjects", """
                {"name": "Systemprøve Agendasen", "birthDate": "2022-03-01",
                 "guardians": [{"name": "Systemprøve Far", "email": "far@example.test", "parentalResponsibility": true,
                                "userId": "guardian", "language": "nb"}]}""").json();
        String subjectId = subject.get("id").asString();
        String consentId = consents.post("/subjects/" + subjectId + "/consents", """
                {"legalArea": "OTHER", "decidedBy": {"guardianIds": ["%s"]},
                 "scope": {"arenaIds": ["%s"], "parties": %s, "purposeCode": "INTERDISCIPLINARY_DISCUSSION"},
                 "evidence": {"type": "DIGITAL_SIGNATURE", "reference": "signering-4711"}}"""
                .formatted(subject.get("guardians").get(0).get("guardianId").asString(), arenaId, arena.get("parties").toString()))
                .json().get("id").asString();
        String named = """
                {"arenaId": "%s", "referrerUnit": "Bergetippen barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["DEVELOPMENT"], "preventionLevel": "GREEN", "guardiansAttend": true,
                 "measuresTried": [{"description": "Observasjon", "period": "haust 2026", "effect": "Uklart"}],
                 "subject": {"name": "Systemprøve Agendasen", "birthDate": "2022-03-01"}, "consentId": "%s"}"""
                .formatted(arenaId, consentId);
        String referralId = await().atMost(Duration.ofSeconds(20)).until(() -> referrer.post("/referrals", named),
                response -> response.status() == 201).json().get("id").asString();
        referrals.post("/referrals/" + referralId + "/accept", "");
        assertThat(referrals.post("/referrals/" + referralId + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}").status())
                .isEqualTo(200);
        // The guardian takes part under a pseudonym of their login for this child, never the login itself.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                arenas.get("/meetings/" + meetingId).json().get("participants").findValuesAsString("kind").contains("GUARDIAN"));
        assertThat(arenas.get("/meetings/" + meetingId).json().get("participants").findValuesAsString("userId")).doesNotContain("guardian");

        assertThat(guardian.post("/guardian/children/" + subjectId + "/withdraw", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                referrals.get("/referrals/" + referralId).json().get("anonymised").asBoolean());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !arenas.get("/meetings/" + meetingId).json().get("participants").findValuesAsString("kind").contains("GUARDIAN"));
        assertThat(arenas.get("/meetings/" + meetingId).json().get("agenda").toString()).contains(referralId);
        assertThat(referrals.get("/referrals/" + referralId).json().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(referrals.get("/referrals/" + referralId + "/personal-data?purpose=MEETING").status()).isEqualTo(409);
    }

    /**
     * Issue 6 end to end: a meeting scheduled in arena-service reaches each participant once by
     * email, with an iCalendar invitation; moving it and calling it off update the same calendar
     * entry. The local post office stands in for the SMTP server and the SMS gateway.
     */
    @Test
    void aScheduledMeetingReachesEachParticipantOnceAndMovingOrCancellingItUpdatesTheSameCalendarEntry() {
        HttpApi arenas = HttpApi.at(Service.ARENA.baseUrl()).as(system.accessToken("demo-coordinator", "demo"));
        String arenaId = arenas.get("/arenas?externalKey=" + PRESCHOOL_TEAM).json().get(0).get("id").asString();
        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

        HttpApi.Response created = arenas.post("/arenas/" + arenaId + "/meetings", """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus, møterom 2"}"""
                .formatted(start, start.plus(Duration.ofMinutes(90))));
        assertThat(created.status()).isEqualTo(201);
        String uid = "UID:meeting-" + created.json().get("id").asString() + "@samhandling.no";

        // Behind the invitations to every planned meeting of the demo arenas, sent at 20 a second.
        List<Invitation> invitations = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Invitation.received(system.receivedMail(), uid, "REQUEST"), sent -> sent.size() >= 2);
        assertThat(invitations).extracting(Invitation::recipient)
                .containsExactlyInAnyOrder("coordinator@aukra.example", "member@aukra.example");
        assertThat(invitations).allSatisfy(invitation -> assertThat(invitation.calendar()).contains("SEQUENCE:0"));
        await().atMost(Duration.ofMinutes(3)).until(() -> system.receivedSms().stream().anyMatch(sms -> sms.contains("4740000001")));

        arenas.post("/meetings/" + created.json().get("id").asString() + "/reschedule", """
                {"startsAt": "%s", "endsAt": "%s"}""".formatted(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(90))));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> Invitation.received(system.receivedMail(), uid, "REQUEST").stream()
                .filter(invitation -> invitation.calendar().contains("SEQUENCE:1")).count() == 2);

        arenas.post("/meetings/" + created.json().get("id").asString() + "/cancel", "{\"reasonCode\": \"ARENA_UNAVAILABLE\"}");
        List<Invitation> cancellations = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Invitation.received(system.receivedMail(), uid, "CANCEL"), sent -> sent.size() >= 2);
        assertThat(cancellations).allSatisfy(cancellation -> assertThat(cancellation.calendar()).contains("SEQUENCE:2"));
        assertThat(Invitation.received(system.receivedMail(), uid, "REQUEST")).hasSize(4);
    }

    /**
     * Issues 7 and 12 end to end: the leader's dashboard shows the released figures and, of the
     * running month (where the demo's referrals are), only the coarse count; the period reports
     * download; and a rebuild from the topics changes no published release.
     */
    @Test
    void theLeaderSeesTheReleasesDownloadsTheReportsAndARebuildChangesNoRelease() {
        HttpApi leader = HttpApi.at(Service.REPORTING.baseUrl()).as(system.accessToken("demo-leader", "demo"));
        HttpApi admin = HttpApi.at(Service.REPORTING.baseUrl()).as(system.accessToken("demo-admin", "demo"));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));
        String half = today.getYear() + (today.getMonthValue() <= 6 ? "-VAR" : "-HAUST");
        HttpApi.Response dashboard = await().atMost(Duration.ofSeconds(30)).until(() -> leader.get("/tall"), page -> page.status() == 200);
        assertThat(dashboard.body()).contains("id=\"runningMonth\"", "Måneden publiseres");
        HttpApi.Response pdf = leader.get("/reports/periods/" + today.getYear() + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        HttpApi.Response csv = leader.get("/reports/periods/" + half + ".csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");

        String before = leader.get("/reports/releases?year=" + today.getYear()).body();
        HttpApi.Response started = admin.post("/reports/rebuild", "");
        assertThat(started.status()).isEqualTo(202);
        int generation = started.json().get("lastRebuild").get("generation").asInt();
        await().atMost(Duration.ofSeconds(120)).until(() -> admin.get("/reports/rebuild").json().get("currentGeneration").asInt() == generation);
        assertThat(leader.get("/reports/releases?year=" + today.getYear()).body()).isEqualTo(before);
    }
}
