package no.samhandling.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Expected;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.consents.ConsentDirectory;

/**
 * Every endpoint and page of referral-service, called by every role in every standing towards a named
 * case (its referrer, the arena's coordinator and members, a stranger, another municipality), every
 * service scope and no token, held against one table. A case is seen by its referrer, its arena's
 * coordinator and members and its child's guardians, and moved on by the arena's coordinator only;
 * system cases and deviations by the leaders and whoever registered them. An endpoint without a row
 * fails the test.
 *
 * <p>Standings: OWN is the case's referrer (for a guardian: the guardian who gave the consent), who also
 * registered the system case and reported the deviation; RELATED is the arena's coordinator for the
 * COORDINATOR role and its member for every other staff role (for a guardian: a guardian of another
 * child); UNRELATED a stranger in the municipality; OTHER_MUNICIPALITY the referrer in Melhus.
 */
@ServiceTest
@Import(NamedReferralComponentTest.ServiceToken.class)
// The demo-only history import is on, so that it has its row too.
@org.springframework.test.context.TestPropertySource(properties = "samhandling.referral.demo-history.enabled=true")
class ReferralAuthorisationMatrixTest {

    static final String ARENA = "matrix-arena";
    static final ConsentServiceStub CONSENT_SERVICE = new ConsentServiceStub();

    @DynamicPropertySource
    static void consentService(DynamicPropertyRegistry registry) {
        registry.add("samhandling.clients.consent.base-url", CONSENT_SERVICE::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaDirectory directory;

    @Autowired
    ArenaRoster roster;

    @Autowired
    ConsentDirectory consents;

    @Test
    void everyEndpointAndPageAnswersEveryCallerAsTheTableSays() {
        new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, directory, roster).ensure(ARENA);
        String consentId = consentForTheArena();
        String[] staff = {"REFERRER", "COORDINATOR", "MEMBER"};
        Rule leaders = Rule.roles("LEADER").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED);
        // A case: its referrer (registered with the REFERRER or COORDINATOR role), its arena's coordinator and members, its guardian.
        Rule caseReaders = Rule.roles("REFERRER").when(Standing.OWN).and("COORDINATOR").when(Standing.OWN, Standing.RELATED)
                .and("MEMBER").when(Standing.RELATED).and("GUARDIAN").when(Standing.OWN);
        Rule staffCaseReaders = Rule.roles("REFERRER").when(Standing.OWN).and("COORDINATOR").when(Standing.OWN, Standing.RELATED)
                .and("MEMBER").when(Standing.RELATED);
        // Only the arena's coordinator moves a case on; its referrer, who sees it, is told they may not (403).
        Rule arenaCoordinator = Rule.roles("COORDINATOR").when(Standing.RELATED).except("COORDINATOR", Standing.OWN, Expected.FORBIDDEN);
        // An arena's list of cases is for its coordinator and members; the arena itself is public in the catalogue (403).
        Rule arenaList = Rule.roles("COORDINATOR", "MEMBER").when(Standing.RELATED);
        for (String role : List.of("COORDINATOR", "MEMBER")) {
            for (Standing standing : List.of(Standing.OWN, Standing.UNRELATED, Standing.OTHER_MUNICIPALITY)) {
                arenaList.except(role, standing, Expected.FORBIDDEN);
            }
        }

        AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, Arrays.stream(Role.values()).map(Role::name).toList())
                .scopes("contacts", "audit", "metrics").withPlatformEndpoints()
                .on("POST /referrals").body(ANONYMOUS_REFERRAL).rule(Rule.roles("REFERRER", "COORDINATOR").always())
                .on("GET /referrals").query("arenaId={arenaId}").rule(arenaList)
                // The demo's past, imported by an administrator (in another municipality the arena is unknown: 400).
                .on("POST /referrals/demo-history").body("{\"referrals\": [{\"referral\": " + ANONYMOUS_REFERRAL
                        + ", \"submittedAt\": \"" + Instant.now().minus(Duration.ofDays(40)) + "\"}]}").rule(Rule.roles("ADMIN").always())
                .on("GET /referrals/{id}").rule(caseReaders)
                // Purposes by relation are NamedReferralComponentTest's; FOLLOW_UP is not the guardian's (403).
                .on("GET /referrals/{id}/personal-data").query("purpose=FOLLOW_UP")
                        .rule(Rule.roles("REFERRER").when(Standing.OWN).and("COORDINATOR").when(Standing.OWN, Standing.RELATED)
                                .and("MEMBER").when(Standing.RELATED).and("GUARDIAN").when(Standing.OWN)
                                .except("GUARDIAN", Standing.OWN, Expected.FORBIDDEN))
                .on("POST /referrals/{id}/accept").rule(arenaCoordinator)
                .on("POST /referrals/{id}/return").body("{\"reasonCode\": \"MEASURES_NOT_TRIED\"}").rule(arenaCoordinator)
                .on("POST /referrals/{id}/schedule").body("{\"meetingId\": \"matrix-meeting\"}").rule(arenaCoordinator)
                .on("POST /referrals/{id}/escalate").rule(arenaCoordinator)
                .on("POST /referrals/{id}/close").body("{\"reasonCode\": \"RESOLVED\"}").rule(arenaCoordinator)
                // The referrer or the guardian withdraws; the arena's coordinator sees the case but does not (403).
                .on("POST /referrals/{id}/withdraw").rule(Rule.roles("REFERRER", "GUARDIAN").when(Standing.OWN)
                        .and("COORDINATOR").when(Standing.OWN).except("COORDINATOR", Standing.RELATED, Expected.FORBIDDEN))
                .on("GET /themes").rule(Rule.roles(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new)).always()
                        .orScopes("contacts", "audit", "metrics"))
                .on("POST /system-cases").body(SYSTEM_CASE).rule(Rule.roles("LEADER", "COORDINATOR").always())
                .on("GET /system-cases").rule(Rule.roles("LEADER", "COORDINATOR").always())
                .on("GET /system-cases/codes").rule(Rule.roles(staff).always().and("LEADER").always())
                .on("GET /system-cases/{id}").rule(Rule.roles("LEADER").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED)
                        .and("COORDINATOR").when(Standing.OWN))
                .on("POST /system-cases/{id}/follow-ups").body("{\"note\": \"Tas opp i neste møte\"}").rule(leaders)
                .on("POST /system-cases/{id}/close").body(CLOSE_SYSTEM_CASE).rule(leaders)
                .on("GET /systemsaker").rule(Rule.roles("LEADER", "COORDINATOR").always())
                .on("POST /systemsaker").form("category=CAPACITY&title=Ventetid+til+PPT&description=Lang+ventetid")
                        .rule(Rule.roles("LEADER", "COORDINATOR").always())
                .on("GET /systemsaker/{id}").rule(Rule.roles("LEADER").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED)
                        .and("COORDINATOR").when(Standing.OWN))
                .on("POST /systemsaker/{id}/oppfolging").form("note=Tas+opp+i+neste+m%C3%B8te").rule(leaders)
                .on("POST /systemsaker/{id}/lukk").form("actionCode=ROUTINE_CHANGED&actionTaken=Ny+rutine").rule(leaders)
                .on("POST /deviations").body(DEVIATION).rule(Rule.roles(staff).always().and("LEADER").always())
                .on("GET /deviations").rule(Rule.roles("LEADER").always())
                .on("GET /deviations/codes").rule(Rule.roles(staff).always().and("LEADER").always())
                .on("GET /deviations/{id}").rule(Rule.roles("LEADER").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED)
                        .and(staff).when(Standing.OWN))
                .on("POST /deviations/{id}/recategorise").body("{\"category\": \"MEETING_WITHOUT_MINUTES\"}").rule(leaders)
                .on("POST /deviations/{id}/follow-ups").body("{\"note\": \"Teamleiar minna om rutinen\"}").rule(leaders)
                .on("POST /deviations/{id}/close").body(CLOSE_DEVIATION).rule(leaders)
                // Staff's pages: the same rules as the API, by the same services. The guardian's view of a case is Mitt barn.
                .on("GET /meld-inn").rule(Rule.roles("REFERRER", "COORDINATOR").always())
                // The form of one arena: in the arena's own municipality only.
                .on("GET /meld-inn/{arenaId}").query("enhet=SCHOOL&alder=6-12&samtykke=nei")
                        .rule(Rule.roles("REFERRER", "COORDINATOR").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED))
                .on("POST /meld-inn/{arenaId}").form("enhet=SCHOOL&alder=6-12&samtykke=nei")
                        .rule(Rule.roles("REFERRER", "COORDINATOR").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED))
                .on("GET /saker").rule(Rule.roles(staff).always())
                .on("GET /saker/{id}").rule(staffCaseReaders)
                .on("GET /saker/{id}/kvittering").rule(staffCaseReaders)
                .on("POST /saker/{id}/personopplysninger").form("purpose=FOLLOW_UP").rule(staffCaseReaders)
                .on("POST /saker/{id}/ta-imot").form("").rule(arenaCoordinator)
                .on("POST /saker/{id}/returner").form("reasonCode=MEASURES_NOT_TRIED").rule(arenaCoordinator)
                .on("POST /saker/{id}/sett-opp").form("meetingId=matrix-meeting").rule(arenaCoordinator)
                .on("POST /saker/{id}/loft").form("").rule(arenaCoordinator)
                .on("POST /saker/{id}/lukk").form("reasonCode=RESOLVED").rule(arenaCoordinator)
                .on("GET /avvik").rule(Rule.roles("LEADER").always())
                .on("GET /avvik/{id}").rule(leaders)
                .on("POST /avvik/{id}/kategori").form("category=MEETING_WITHOUT_MINUTES").rule(leaders)
                .on("POST /avvik/{id}/oppfolging").form("note=Teamleiar+minna+om+rutinen").rule(leaders)
                .on("POST /avvik/{id}/lukk").form("actionCode=ROUTINE_CLARIFIED&actionTaken=Rutinen+er+gjennomg%C3%A5tt").rule(leaders);

        matrix.verify(new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                String path = endpoint.path();
                String id;
                if (path.startsWith("/system-cases/") || path.startsWith("/systemsaker/")) {
                    id = created(as("referrer", "COORDINATOR").post("/system-cases", SYSTEM_CASE));
                } else if (path.startsWith("/deviations/") || path.startsWith("/avvik/")) {
                    id = created(as("referrer", "REFERRER").post("/deviations", DEVIATION));
                } else if (path.startsWith("/referrals/") || path.startsWith("/saker/")) {
                    id = created(as("referrer", "REFERRER").post("/referrals", namedReferral(consentId)));
                } else {
                    id = "-";
                }
                return Map.of("id", id, "arenaId", ARENA);
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (!caller.isPerson()) {
                    return AuthorisationMatrix.machineToken(caller);
                }
                boolean guardian = caller.role().equals("GUARDIAN");
                String user = switch (caller.standing()) {
                    case OWN, OTHER_MUNICIPALITY -> guardian ? "guardian" : "referrer";
                    case RELATED -> guardian ? "another-childs-guardian" : caller.role().equals("COORDINATOR") ? "coordinator" : "member";
                    case UNRELATED -> "stranger";
                };
                String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : TestTokens.AUKRA;
                return TestTokens.token(user, municipality, caller.role());
            }
        });
    }

    /** A consent for the arena, given by the guardian whose login is {@code guardian}, for the child consent-service registered. */
    private String consentForTheArena() {
        String consentId = UUID.randomUUID().toString();
        String subjectId = UUID.randomUUID().toString();
        CONSENT_SERVICE.children.put(subjectId, new ConsentServiceStub.Registered(NamedReferralComponentTest.NAME,
                NamedReferralComponentTest.BIRTH_DATE, NamedReferralComponentTest.NATIONAL_ID));
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(new ConsentGranted(UUID.randomUUID(), Instant.now(), TestTokens.AUKRA, consentId, subjectId,
                    List.of(ARENA), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", LocalDate.now().minusDays(1),
                    LocalDate.now().plusMonths(6), ConsentGiver.GUARDIANS, List.of("guardian"))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consents.find(TestTokens.AUKRA, consentId).isPresent());
        return consentId;
    }

    private static String namedReferral(String consentId) {
        return NamedReferralComponentTest.namedReferral(ARENA, consentId, NamedReferralComponentTest.NATIONAL_ID);
    }

    private static String created(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private HttpApi as(String user, String role) {
        return HttpApi.at(port).as(TestTokens.token(user, TestTokens.AUKRA, role));
    }

    static final String ANONYMOUS_REFERRAL = """
            {"arenaId": "{arenaId}", "referrerUnit": "Barnebo barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
             "themes": ["LANGUAGE"], "preventionLevel": "GREEN", "guardiansAttend": true,
             "measuresTried": [{"description": "Språkgruppe", "period": "haust 2026", "effect": "Lite endring"}]}""";
    static final String SYSTEM_CASE = """
            {"category": "CAPACITY", "title": "Ventetid til PPT", "description": "Lang ventetid for utgreiing"}""";
    static final String CLOSE_SYSTEM_CASE = """
            {"actionCode": "ROUTINE_CHANGED", "actionTaken": "Ny rutine for tilvising"}""";
    static final String DEVIATION = """
            {"category": "REFERRAL_NOT_ANSWERED", "unitType": "SCHOOL", "whatHappened": "Innmeldinga vart ikkje svart på",
             "occurredOn": "2026-11-02"}""";
    static final String CLOSE_DEVIATION = """
            {"actionCode": "ROUTINE_CLARIFIED", "actionTaken": "Rutinen er gjennomgått"}""";
}
