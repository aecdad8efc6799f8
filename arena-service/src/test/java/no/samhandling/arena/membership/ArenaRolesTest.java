package no.samhandling.arena.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * A place in an arena gives need-to-know to its meetings and named cases, so it is granted only by
 * someone entitled to grant it: an administrator (here or through the catalogue entry) appoints the
 * coordinator, the coordinator or an administrator adds and removes members, and nobody adds themself.
 */
@ServiceTest
class ArenaRolesTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    HttpApi as(String userId, String... roles) {
        return HttpApi.at(port).as(TestTokens.token(userId, TestTokens.AUKRA, roles));
    }

    HttpApi admin() {
        return as("admin", "ADMIN");
    }

    /** An arena whose coordinator is {@code kari}, appointed by an administrator. */
    String arenaCoordinatedByKari() {
        String arenaId = arena(null);
        assertThat(join(admin(), arenaId, "kari", "COORDINATOR").status()).isEqualTo(201);
        return arenaId;
    }

    String arena(String coordinatorUserId) {
        HttpApi.Response created = admin().post("/arenas", entry("roles-" + UUID.randomUUID().toString().substring(0, 8), coordinatorUserId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static String entry(String externalKey, String coordinatorUserId) {
        return """
                {"externalKey": "%s", "name": "Skoleteam", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 18},
                 "mandate": "Saker om elevar", "parties": ["SCHOOL", "PPT"], "meetingFrequency": "kvar veke",
                 "meetingOwner": {"role": "Rektor"}, "coordinatorUserId": %s, "discussionMode": "ANONYMOUS_OR_CONSENT"}"""
                .formatted(externalKey, coordinatorUserId == null ? "null" : "\"" + coordinatorUserId + "\"");
    }

    static HttpApi.Response join(HttpApi as, String arenaId, String userId, String role) {
        return as.post("/arenas/" + arenaId + "/members", """
                {"userId": "%s", "party": "SCHOOL", "role": "%s"}""".formatted(userId, role));
    }

    List<String> memberIds(String arenaId) {
        return admin().get("/arenas/" + arenaId + "/members").json().valueStream().map(m -> m.get("userId").asString()).toList();
    }

    @Test
    void aCoordinatorCannotEnrolThemselfInAnArenaToReadItsCases() {
        String arenaId = arenaCoordinatedByKari();

        HttpApi.Response selfEnrolled = join(as("ola", "COORDINATOR"), arenaId, "ola", "MEMBER");

        assertThat(selfEnrolled.status()).isEqualTo(403);
        assertThat(selfEnrolled.json().get("type").asString()).isEqualTo("urn:samhandling:problem:forbidden");
        assertThat(memberIds(arenaId)).containsExactly("kari");
    }

    @Test
    void nobodyAddsThemselfNotEvenAnAdministrator() {
        String arenaId = arenaCoordinatedByKari();

        HttpApi.Response admin = join(admin(), arenaId, "admin", "MEMBER");

        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().get("errors").findValuesAsString("field")).containsExactly("userId");
        assertThat(memberIds(arenaId)).containsExactly("kari");
    }

    @Test
    void theArenasCoordinatorAddsAndRemovesMembersButOnlyAnAdministratorAppointsOrRemovesACoordinator() {
        String arenaId = arenaCoordinatedByKari();
        HttpApi kari = as("kari", "COORDINATOR");

        assertThat(join(kari, arenaId, "per", "MEMBER").status()).isEqualTo(201);
        HttpApi.Response coCoordinator = join(kari, arenaId, "ola", "COORDINATOR");
        assertThat(coCoordinator.status()).isEqualTo(403);
        assertThat(coCoordinator.json().get("errors").findValuesAsString("field")).containsExactly("role");
        assertThat(join(admin(), arenaId, "ola", "COORDINATOR").status()).isEqualTo(201);
        assertThat(kari.delete("/arenas/" + arenaId + "/members/ola").status()).isEqualTo(403);
        assertThat(kari.delete("/arenas/" + arenaId + "/members/per").status()).isEqualTo(200);

        assertThat(memberIds(arenaId)).containsExactly("kari", "ola");
        assertThat(admin().get("/arenas/" + arenaId + "/members").json().get(0).get("grantedBy").asString()).isEqualTo("admin");
    }

    @Test
    void aCoordinatorOfAnotherArenaNeitherAddsRemovesNorListsMembers() {
        String arenaId = arenaCoordinatedByKari();
        join(as("kari", "COORDINATOR"), arenaId, "per", "MEMBER");
        String otherArena = arena(null);
        join(admin(), otherArena, "ola", "COORDINATOR");
        HttpApi ola = as("ola", "COORDINATOR");

        assertThat(join(ola, arenaId, "someone", "MEMBER").status()).isEqualTo(403);
        assertThat(ola.delete("/arenas/" + arenaId + "/members/per").status()).isEqualTo(403);
        assertThat(ola.get("/arenas/" + arenaId + "/members").status()).isEqualTo(403);
        // A member sits in the arena, and so sees who else does, but grants no places.
        assertThat(as("per", "MEMBER").get("/arenas/" + arenaId + "/members").status()).isEqualTo(200);
        assertThat(join(as("per", "COORDINATOR"), arenaId, "someone", "MEMBER").status()).isEqualTo(403);
        assertThat(memberIds(arenaId)).containsExactly("kari", "per");
    }

    @Test
    void anotherMunicipalityOrNoTokenGetsNothing() {
        String arenaId = arenaCoordinatedByKari();
        HttpApi melhusAdmin = HttpApi.at(port).as(TestTokens.token("admin-melhus", TestTokens.MELHUS, "ADMIN"));

        assertThat(join(melhusAdmin, arenaId, "someone", "MEMBER").status()).isEqualTo(404);
        assertThat(melhusAdmin.get("/arenas/" + arenaId + "/members").status()).isEqualTo(404);
        assertThat(join(HttpApi.at(port), arenaId, "someone", "MEMBER").status()).isEqualTo(401);
        assertThat(memberIds(arenaId)).containsExactly("kari");
    }

    @Test
    void theCatalogueEntryAppointsTheArenasCoordinatorAndReplacesTheOneItNamedBefore() {
        String arenaId = arena("kari");

        JsonNode coordinator = admin().get("/arenas/" + arenaId + "/members").json().get(0);
        assertThat(coordinator.get("userId").asString()).isEqualTo("kari");
        assertThat(coordinator.get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(coordinator.get("grantedBy").asString()).isEqualTo("catalogue");
        assertThat(coordinator.get("party").asString()).isEqualTo("SCHOOL");
        assertThat(join(as("kari", "COORDINATOR"), arenaId, "per", "MEMBER").status()).isEqualTo(201);

        String key = admin().get("/arenas/" + arenaId).json().get("externalKey").asString();
        assertThat(admin().put("/arenas/" + arenaId, entry(key, "per")).status()).isEqualTo(200);

        JsonNode members = admin().get("/arenas/" + arenaId + "/members").json();
        assertThat(members.valueStream().map(m -> m.get("userId").asString() + ":" + m.get("role").asString()))
                .containsExactly("per:COORDINATOR");
        List<DomainEvent> events = membershipEvents(arenaId, 4);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("MemberJoined", "MemberJoined", "MemberLeft", "MemberJoined");
        assertThat(((MemberLeft) events.get(2)).userId()).isEqualTo("kari");
        assertThat(((MemberJoined) events.get(3)).role()).isEqualTo(MemberRole.COORDINATOR);
    }

    @Test
    void onlyAnAdministratorWritesTheCatalogueWhichNamesTheCoordinator() {
        String key = "roles-" + UUID.randomUUID().toString().substring(0, 8);

        HttpApi.Response byCoordinator = as("ola", "COORDINATOR").post("/arenas", entry(key, "ola"));

        assertThat(byCoordinator.status()).isEqualTo(403);
        assertThat(admin().get("/arenas?externalKey=" + key).json()).isEmpty();
    }

    @Test
    void anAdministratorCannotNameThemselfTheArenasCoordinatorInTheCatalogue() {
        String key = "roles-" + UUID.randomUUID().toString().substring(0, 8);

        HttpApi.Response registered = admin().post("/arenas", entry(key, "admin"));
        String arenaId = arena(null);
        String existingKey = admin().get("/arenas/" + arenaId).json().get("externalKey").asString();
        HttpApi.Response updated = admin().put("/arenas/" + arenaId, entry(existingKey, "admin"));
        HttpApi.Response imported = admin().post("/arenas/import", """
                {"municipality": "%s", "arenas": [%s]}""".formatted(TestTokens.AUKRA, entry(key, "admin")));

        assertThat(registered.status()).isEqualTo(400);
        assertThat(registered.json().get("errors").findValuesAsString("field")).containsExactly("coordinatorUserId");
        assertThat(updated.status()).isEqualTo(400);
        assertThat(updated.json().get("errors").findValuesAsString("field")).containsExactly("coordinatorUserId");
        assertThat(imported.status()).isEqualTo(400);
        assertThat(imported.json().get("errors").findValuesAsString("field")).containsExactly("coordinatorUserId");
        assertThat(admin().get("/arenas?externalKey=" + key).json()).isEmpty();
        assertThat(memberIds(arenaId)).isEmpty();
        // Another administrator may name them.
        assertThat(as("other-admin", "ADMIN").put("/arenas/" + arenaId, entry(existingKey, "admin")).status()).isEqualTo(200);
        assertThat(memberIds(arenaId)).containsExactly("admin");
    }

    private List<DomainEvent> membershipEvents(String arenaId, int count) {
        try (TopicProbe probe = new TopicProbe(String.join(",", kafka.getBootstrapServers()), Topics.ARENA_EVENTS)) {
            java.util.List<DomainEvent> seen = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                probe.drain(Duration.ofMillis(300)).stream().filter(r -> arenaId.equals(r.key()))
                        .map(r -> CloudEventCodec.decode(r.headers(), r.value()))
                        .filter(e -> e instanceof MemberJoined || e instanceof MemberLeft)
                        .forEach(seen::add);
                return seen.size() >= count;
            });
            return seen;
        }
    }
}
