package no.samhandling.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.testapp.TestApplication;
import tools.jackson.databind.JsonNode;

/** Every service's access log endpoints, and the authorisation matrix that every service's table is checked by. */
@ServiceTest
@ContextConfiguration(classes = TestApplication.class)
class AccessLogEndpointsTest {

    static final ResourceKind CHILD = new ResourceKind("subject", "Barn");

    @LocalServerPort
    int port;

    @Autowired
    AccessLog log;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccessLogPruning pruning;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KeyedChildLinks links;

    @Test
    void aPrivacyOfficerChecksTheChainAndReadsTheEntriesOfTheirOwnMunicipality() {
        String child = UUID.randomUUID().toString();
        log.append(TestTokens.AUKRA, "coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CHILD.of(child).about(child), "MEETING");
        String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();

        JsonNode check = officer(TestTokens.AUKRA).get("/access-log/verify").json();
        JsonNode entries = officer(TestTokens.AUKRA).get("/access-log/entries?from=" + today + "&to=" + today).json();

        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("service").asString()).isEqualTo("platform-test");
        assertThat(check.get("entries").asLong()).isPositive();
        assertThat(entries.findValuesAsString("subjectId")).contains(child);
        assertThat(officer(TestTokens.MELHUS).get("/access-log/entries?from=" + today + "&to=" + today).json()
                .findValuesAsString("subjectId")).doesNotContain(child);
        assertThat(officer(TestTokens.AUKRA).get("/access-log/verify?municipality=5028").status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("LEADER")).get("/access-log/verify").status()).isEqualTo(403);
        assertThat(officer(TestTokens.AUKRA).get("/access-log/reads?subjectId=" + child).status()).isEqualTo(403);
    }

    @Test
    void aServiceWithTheAuditScopeNamesTheMunicipalityAndReadsAChildsReads() {
        String child = UUID.randomUUID().toString();
        log.append(TestTokens.AUKRA, "member", Relation.ARENA_MEMBER, Outcome.READ, CHILD.of(child).about(child), "MEETING");
        log.append(TestTokens.AUKRA, "stranger", null, Outcome.REFUSED, CHILD.of(child).about(child), null);
        HttpApi audit = HttpApi.at(port).as(TestTokens.serviceToken("consent-service", "audit"));

        HttpApi.Response withoutMunicipality = audit.get("/access-log/verify");
        JsonNode reads = audit.get("/access-log/reads?subjectId=" + child).json();

        assertThat(withoutMunicipality.status()).isEqualTo(400);
        assertThat(withoutMunicipality.json().get("errors").get(0).get("field").asString()).isEqualTo("municipality");
        assertThat(audit.get("/access-log/verify?municipality=1547").json().get("intact").asBoolean()).isTrue();
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).get("userId").asString()).isEqualTo("member");
        assertThat(reads.get(0).get("relation").asString()).isEqualTo("ARENA_MEMBER");
        assertThat(HttpApi.at(port).as(TestTokens.serviceToken("notification-service", "contacts")).get("/access-log/reads?subjectId=" + child)
                .status()).isEqualTo(403);
    }

    @Test
    void thePruningJobRemovesOldEntriesReportsItInMetricsAndTheChainStillChecksOut() {
        String molde = "1506";
        AccessLog yearsAgo = new AccessLog(mongo, "platform-test", Clock.fixed(Instant.now().minus(Duration.ofDays(6 * 365)), ZoneOffset.UTC),
                links);
        for (int i = 0; i < 4; i++) {
            yearsAgo.append(molde, "coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CHILD.of("child-" + i).about("child-" + i), "MEETING");
        }
        log.append(molde, "coordinator", Relation.ARENA_COORDINATOR, Outcome.READ, CHILD.of("child-9").about("child-9"), "MEETING");
        double prunedBefore = meters.counter("samhandling.retention.pruned", "service", "platform-test", "data", "access-log").count();

        assertThat(pruning.pruneExpiredEntries()).isGreaterThanOrEqualTo(4);

        JsonNode check = officer(molde).get("/access-log/verify").json();
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("entries").asLong()).isEqualTo(1);
        assertThat(check.get("pruned").asLong()).isEqualTo(4);
        assertThat(meters.counter("samhandling.retention.pruned", "service", "platform-test", "data", "access-log").count())
                .isGreaterThanOrEqualTo(prunedBefore + 4);
        assertThat(meters.get("samhandling.retention.last-run").tags("service", "platform-test", "data", "access-log").gauge().value())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60.0));
        // Tagged by the service and the kind of data only (and the common application tag), never by a municipality or an id.
        assertThat(meters.find("samhandling.retention.pruned").meters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .extracting(io.micrometer.core.instrument.Tag::getKey).isSubsetOf("application", "service", "data"));

        mongo.getCollection("access_log").updateOne(com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("municipality", molde), com.mongodb.client.model.Filters.eq("sequence", 5L)),
                com.mongodb.client.model.Updates.set("purpose", "FOLLOW_UP"));
        JsonNode altered = officer(molde).get("/access-log/verify").json();
        assertThat(altered.get("intact").asBoolean()).isFalse();
        assertThat(altered.get("firstBrokenSequence").asLong()).isEqualTo(5);
        assertThat(altered.get("problem").asString()).isEqualTo("ALTERED");
    }

    @Test
    void aPeriodEndsAfterItBegins() {
        HttpApi.Response reversed = officer(TestTokens.AUKRA).get("/access-log/entries?from=2026-11-20&to=2026-11-01");

        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @Test
    void theMatrixHoldsEveryEndpointToItsRule() {
        matrix().verify(world());
    }

    @Test
    void theMatrixFailsOnAnEndpointWithoutARule() {
        AuthorisationMatrix incomplete = AuthorisationMatrix.of(context, port, roles()).scopes("audit").withPlatformEndpoints();
        incomplete.on("POST /concerns").body(CONCERN).rule(Rule.roles(roles().toArray(String[]::new)).always());

        assertThatThrownBy(() -> incomplete.verify(world()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Endpoints without a rule: [GET /concerns/{id}]");
    }

    @Test
    void theMatrixFailsWhenAnAnswerIsNotWhatTheTableSays() {
        AuthorisationMatrix wrong = AuthorisationMatrix.of(context, port, roles()).scopes("audit").withPlatformEndpoints();
        wrong.on("POST /concerns").body(CONCERN).rule(Rule.roles(roles().toArray(String[]::new)).always());
        // The test application shows a concern to everyone of the municipality, not only to its own.
        wrong.on("GET /concerns/{id}").rule(Rule.roles(roles().toArray(String[]::new)).when(Standing.OWN));

        assertThatThrownBy(() -> wrong.verify(world()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /concerns/{id} as REFERRER/UNRELATED: expected HIDDEN, got 200");
    }

    static final String CONCERN = """
            {"arenaId": "arena-1", "ageBand": {"from": 6, "to": 12}}""";

    private AuthorisationMatrix matrix() {
        String[] all = roles().toArray(String[]::new);
        return AuthorisationMatrix.of(context, port, roles()).scopes("audit", "contacts").withPlatformEndpoints()
                .on("POST /concerns").body(CONCERN).rule(Rule.roles(all).always())
                .on("GET /concerns/{id}").rule(Rule.roles(all).when(Standing.OWN, Standing.RELATED, Standing.UNRELATED));
    }

    private AuthorisationMatrix.World world() {
        return new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                String id = HttpApi.at(port).as(TestTokens.forRole("REFERRER")).post("/concerns", CONCERN).json().get("id").asString();
                return Map.of("id", id);
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (caller.isPerson()) {
                    String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : TestTokens.AUKRA;
                    return TestTokens.token(caller.role().toLowerCase() + "-" + caller.standing(), municipality, caller.role());
                }
                return AuthorisationMatrix.machineToken(caller);
            }
        };
    }

    private static java.util.List<String> roles() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    private HttpApi officer(String municipality) {
        return HttpApi.at(port).as(TestTokens.token("privacy-officer", municipality, "PRIVACY_OFFICER"));
    }
}
