package no.samhandling.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Expected;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/**
 * Every endpoint of arena-service, called by every role in every standing towards an arena (its
 * coordinator, a member, a stranger, another municipality), every service scope and no token, held
 * against one table: staff read the catalogue and administrators write it; the arena's coordinator or an
 * administrator grants places, nobody themself; an arena's meetings are seen by its members only and run
 * by its coordinator only, administrators included. An endpoint without a row fails the test.
 *
 * <p>Standings: OWN is the arena's coordinator ({@code kari}, appointed by an administrator), RELATED a
 * member she added ({@code per}), UNRELATED a stranger in the municipality, OTHER_MUNICIPALITY kari in Melhus.
 */
@ServiceTest
class ArenaAuthorisationMatrixTest {

    static final String[] ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);
    static final String[] STAFF = {"REFERRER", "COORDINATOR", "MEMBER", "LEADER", "ADMIN"};
    static final Standing[] IN_THE_MUNICIPALITY = {Standing.OWN, Standing.RELATED, Standing.UNRELATED};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        // The arena is in the catalogue every staff member reads: who may not grant places there is told so (403).
        Rule grants = Rule.roles("COORDINATOR").when(Standing.OWN).and("ADMIN").when(IN_THE_MUNICIPALITY)
                .except("COORDINATOR", Standing.RELATED, Expected.FORBIDDEN).except("COORDINATOR", Standing.UNRELATED, Expected.FORBIDDEN);
        Rule readsMeetings = Rule.roles("COORDINATOR", "MEMBER", "ADMIN").when(Standing.OWN, Standing.RELATED);
        // Members see the meeting and are told they may not run it (403): its coordinator runs it, with a coordinator's login.
        Rule runsMeetings = Rule.roles("COORDINATOR").when(Standing.OWN).and("ADMIN").when()
                .except("COORDINATOR", Standing.RELATED, Expected.FORBIDDEN)
                .except("ADMIN", Standing.OWN, Expected.FORBIDDEN).except("ADMIN", Standing.RELATED, Expected.FORBIDDEN);
        Rule ownContact = Rule.roles(ROLES).when(Standing.OWN);
        for (String role : ROLES) {
            ownContact.except(role, Standing.RELATED, Expected.FORBIDDEN).except(role, Standing.UNRELATED, Expected.FORBIDDEN);
        }

        AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, List.of(ROLES))
                .scopes("contacts", "audit", "metrics").withPlatformEndpoints()
                .on("GET /arenas").rule(Rule.roles(STAFF).always())
                .on("GET /arenas/{id}").rule(Rule.roles(STAFF).when(IN_THE_MUNICIPALITY))
                .on("POST /arenas").body(entry("{newKey}")).rule(Rule.roles("ADMIN").always())
                .on("PUT /arenas/{id}").body(entry("{externalKey}")).rule(Rule.roles("ADMIN").when(IN_THE_MUNICIPALITY))
                .on("POST /arenas/{id}/retire").rule(Rule.roles("ADMIN").when(IN_THE_MUNICIPALITY))
                .on("POST /arenas/import").body("{\"municipality\": \"" + TestTokens.AUKRA + "\", \"arenas\": [" + entry("{newKey}") + "]}")
                        .rule(Rule.roles("ADMIN").always())
                .on("GET /arenas/{arenaId}/members").rule(Rule.roles("COORDINATOR", "MEMBER").when(Standing.OWN, Standing.RELATED)
                        .and("ADMIN").when(IN_THE_MUNICIPALITY)
                        .except("COORDINATOR", Standing.UNRELATED, Expected.FORBIDDEN).except("MEMBER", Standing.UNRELATED, Expected.FORBIDDEN))
                .on("POST /arenas/{arenaId}/members").body("{\"userId\": \"newcomer\", \"party\": \"SCHOOL\", \"role\": \"MEMBER\"}").rule(grants)
                .on("DELETE /arenas/{arenaId}/members/{userId}").freshPerCall().rule(grants)
                .on("PUT /arenas/{arenaId}/members/{userId}/contact").body("{\"email\": \"kari@aukra.example\", \"channels\": [\"EMAIL\"]}")
                        .rule(ownContact)
                .on("GET /arenas/{arenaId}/members/contacts").query("municipality=" + TestTokens.AUKRA).rule(Rule.scopes("contacts"))
                .on("GET /members/{userId}/contact").query("municipality=" + TestTokens.AUKRA).rule(Rule.scopes("contacts"))
                .on("GET /arenas/{arenaId}/meetings").rule(readsMeetings)
                .on("POST /arenas/{arenaId}/meetings").body(MEETING).rule(runsMeetings)
                .on("GET /meetings/{id}").rule(readsMeetings)
                .on("POST /meetings/{id}/reschedule").body(MEETING).rule(runsMeetings)
                .on("POST /meetings/{id}/cancel").body("{\"reasonCode\": \"OTHER\"}").rule(runsMeetings)
                .on("POST /meetings/{id}/agenda/items").body("{\"referralId\": \"matrix-referral\"}").rule(runsMeetings)
                .on("POST /meetings/{id}/agenda/publish").rule(runsMeetings)
                .on("PUT /meetings/{id}/minutes").body("""
                        {"items": [{"topic": "Rutinar", "outcomeCode": "DISCUSSED", "outcome": "Drøfta"}]}""").rule(runsMeetings)
                .on("POST /meetings/{id}/minutes/close").body("{}").rule(runsMeetings)
                // The pages ask the same services as the API, so the same rules hold; a page lists only the caller's own.
                .on("GET /arenaer").rule(Rule.roles("COORDINATOR", "MEMBER", "ADMIN").always())
                .on("GET /arenaer/{arenaId}").rule(Rule.roles("COORDINATOR", "MEMBER").when(Standing.OWN, Standing.RELATED)
                        .and("ADMIN").when(IN_THE_MUNICIPALITY)
                        .except("COORDINATOR", Standing.UNRELATED, Expected.FORBIDDEN).except("MEMBER", Standing.UNRELATED, Expected.FORBIDDEN))
                .on("POST /arenaer/{arenaId}/medlemmer").form("userId=newcomer&party=SCHOOL&role=MEMBER").rule(grants)
                .on("POST /arenaer/{arenaId}/medlemmer/{userId}/fjern").form("").freshPerCall().rule(grants)
                .on("GET /moter").rule(Rule.roles("COORDINATOR", "MEMBER", "ADMIN").always())
                .on("POST /moter").form(MEETING_FORM).rule(runsMeetings)
                .on("GET /moter/{id}").rule(readsMeetings)
                .on("POST /moter/{id}/publiser").form("").rule(runsMeetings)
                .on("GET /moter/{id}/referat").rule(runsMeetings)
                .on("POST /moter/{id}/referat").form("items%5B0%5D.topic=Rutinar&items%5B0%5D.outcomeCode=DISCUSSED&items%5B0%5D.outcome=Dr%C3%B8fta")
                        .rule(runsMeetings)
                .on("POST /moter/{id}/referat/godkjenn").form("").rule(runsMeetings);

        matrix.verify(new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                String externalKey = key();
                HttpApi.Response arena = admin().post("/arenas", entry(externalKey));
                assertThat(arena.status()).as(arena.body()).isEqualTo(201);
                String arenaId = arena.json().get("id").asString();
                assertThat(admin().post("/arenas/" + arenaId + "/members", """
                        {"userId": "kari", "party": "SCHOOL", "role": "COORDINATOR",
                         "contact": {"email": "kari@aukra.example", "channels": ["EMAIL"]}}""").status()).isEqualTo(201);
                for (String member : List.of("per", "leaver")) {
                    assertThat(as("kari", "COORDINATOR").post("/arenas/" + arenaId + "/members", """
                            {"userId": "%s", "party": "PPT", "role": "MEMBER"}""".formatted(member)).status()).isEqualTo(201);
                }
                HttpApi.Response meeting = as("kari", "COORDINATOR").post("/arenas/" + arenaId + "/meetings", MEETING);
                assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
                Map<String, String> prepared = new HashMap<>();
                prepared.put("arenaId", arenaId);
                prepared.put("id", endpoint.path().startsWith("/meetings/") || endpoint.path().startsWith("/moter/") ? meeting.json().get("id").asString() : arenaId);
                prepared.put("userId", endpoint.method().equals("DELETE") || endpoint.path().endsWith("/fjern") ? "leaver" : "kari");
                prepared.put("externalKey", externalKey);
                prepared.put("newKey", key());
                return prepared;
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (!caller.isPerson()) {
                    return AuthorisationMatrix.machineToken(caller);
                }
                String user = switch (caller.standing()) {
                    case OWN, OTHER_MUNICIPALITY -> "kari";
                    case RELATED -> "per";
                    case UNRELATED -> "stranger";
                };
                String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : TestTokens.AUKRA;
                return TestTokens.token(user, municipality, caller.role());
            }
        });
    }

    private HttpApi admin() {
        return as("admin", "ADMIN");
    }

    private HttpApi as(String user, String role) {
        return HttpApi.at(port).as(TestTokens.token(user, TestTokens.AUKRA, role));
    }

    private static String key() {
        return "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String entry(String externalKey) {
        return """
                {"externalKey": "%s", "name": "Skoleteam", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 18},
                 "mandate": "Saker om elevar", "parties": ["SCHOOL", "PPT"], "meetingFrequency": "kvar veke",
                 "meetingOwner": {"role": "Rektor"}, "discussionMode": "ANONYMOUS_OR_CONSENT"}""".formatted(externalKey);
    }

    /** The page's form for a meeting outside the rhythm, in the arena prepared. */
    static final String MEETING_FORM = "arenaId={arenaId}&date=" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).plusDays(30)
            + "&startTime=09:00&endTime=10:30&location=Aukra%20r%C3%A5dhus";

    static final String MEETING = """
            {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus, møterom 2"}""".formatted(
            Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
            Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(90, ChronoUnit.MINUTES));
}
