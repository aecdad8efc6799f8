package no.samhandling.arena.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestTokens;

/** Members' contact details: normalised when given, changed only by the member, read only with the contacts scope. */
abstract class MembershipContactsComponentTest {

    @LocalServerPort
    int port;

    HttpApi admin() {
        return HttpApi.at(port).as(TestTokens.forRole("ADMIN"));
    }

    HttpApi notificationService() {
        return HttpApi.at(port).as(TestTokens.serviceToken("notification-service", "contacts"));
    }

    String arena() {
        String key = "arena-" + UUID.randomUUID().toString().substring(0, 8);
        return admin().post("/arenas", """
                {"externalKey": "%s", "name": "Skoleteam", "level": "INDIVIDUAL", "ageBand": {"from": 6, "to": 18},
                 "mandate": "Alle saker blir drøfta anonymt", "parties": ["PPT", "SCHOOL"], "meetingFrequency": "kvar veke",
                 "meetingOwner": {"role": "Rektor"}, "discussionMode": "ANONYMOUS_ONLY"}""".formatted(key)).json().get("id").asString();
    }

    HttpApi.Response join(String arenaId, String userId, String contact) {
        return admin().post("/arenas/" + arenaId + "/members", """
                {"userId": "%s", "party": "SCHOOL", "role": "COORDINATOR", "contact": %s}""".formatted(userId, contact));
    }

    @Test
    void givesNormalisedContactDetailsToTheNotificationServiceOnly() {
        String arenaId = arena();
        assertThat(join(arenaId, "coordinator", """
                {"email": "coordinator@aukra.example", "phone": "400 00 001", "channels": ["EMAIL", "SMS"], "language": "nn"}""")
                .status()).isEqualTo(201);
        assertThat(join(arenaId, "member", "null").status()).isEqualTo(201);

        HttpApi.Response contacts = notificationService().get("/arenas/" + arenaId + "/members/contacts?municipality=" + TestTokens.AUKRA);

        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.json().size()).isEqualTo(1);
        JsonNode contact = contacts.json().get(0);
        assertThat(contact.get("userId").asString()).isEqualTo("coordinator");
        assertThat(contact.get("email").asString()).isEqualTo("coordinator@aukra.example");
        assertThat(contact.get("phone").asString()).isEqualTo("+4740000001");
        assertThat(contact.get("channels").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("EMAIL", "SMS");
        assertThat(contact.get("language").asString()).isEqualTo("nn");
        assertThat(contact.get("role").asString()).isEqualTo("COORDINATOR");

        String members = HttpApi.at(port).as(TestTokens.forRole("COORDINATOR")).get("/arenas/" + arenaId + "/members").body();
        assertThat(members).contains("coordinator").doesNotContain("aukra.example").doesNotContain("4740000001");
    }

    @Test
    void refusesContactDetailsToEveryoneWithoutTheContactsScope() {
        String arenaId = arena();
        String path = "/arenas/" + arenaId + "/members/contacts?municipality=" + TestTokens.AUKRA;

        assertThat(HttpApi.at(port).get(path).status()).isEqualTo(401);
        assertThat(admin().get(path).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.forRole("COORDINATOR")).get(path).status()).isEqualTo(403);
        assertThat(HttpApi.at(port).as(TestTokens.metricsToken()).get(path).status()).isEqualTo(403);
        assertThat(admin().get("/members/coordinator/contact?municipality=" + TestTokens.AUKRA).status()).isEqualTo(403);
    }

    @Test
    void doesNotGiveAnotherMunicipalitysArenaContacts() {
        String arenaId = arena();
        join(arenaId, "coordinator", """
                {"email": "coordinator@aukra.example"}""");

        assertThat(notificationService().get("/arenas/" + arenaId + "/members/contacts?municipality=" + TestTokens.MELHUS).status())
                .isEqualTo(404);
    }

    @Test
    void namesTheFieldOfAnInvalidOrMissingPhoneNumberAndStoresNothing() {
        String arenaId = arena();

        HttpApi.Response invalid = join(arenaId, "coordinator", """
                {"phone": "12", "channels": ["SMS"]}""");
        HttpApi.Response missing = join(arenaId, "coordinator", """
                {"email": "coordinator@aukra.example", "channels": ["SMS"]}""");
        HttpApi.Response badEmail = join(arenaId, "coordinator", """
                {"email": "ikkje ei adresse"}""");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("contact.phone");
        assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("contact.phone");
        assertThat(badEmail.json().get("errors").findValuesAsString("field")).containsExactly("contact.email");
        assertThat(admin().get("/arenas/" + arenaId + "/members").json().size()).isZero();
    }

    @Test
    void memberChangesTheirOwnContactDetailsAndNobodyElseCan() {
        String arenaId = arena();
        String userId = "member-" + UUID.randomUUID();
        join(arenaId, userId, """
                {"email": "member@aukra.example"}""");

        HttpApi.Response own = HttpApi.at(port).as(TestTokens.token(userId, TestTokens.AUKRA, "MEMBER"))
                .put("/arenas/" + arenaId + "/members/" + userId + "/contact", """
                {"phone": "+47 400 00 002", "channels": ["SMS"], "language": "nb"}""");
        HttpApi.Response others = admin().put("/arenas/" + arenaId + "/members/" + userId + "/contact", """
                {"email": "someone@else.example"}""");

        assertThat(own.status()).isEqualTo(200);
        assertThat(others.status()).isEqualTo(403);
        JsonNode contact = notificationService().get("/members/" + userId + "/contact?municipality=" + TestTokens.AUKRA).json();
        assertThat(contact.get("phone").asString()).isEqualTo("+4740000002");
        assertThat(contact.get("channels").valueStream().map(JsonNode::asString)).containsExactly("SMS");
        assertThat(contact.has("email") && !contact.get("email").isNull()).isFalse();
    }
}
