package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.PageClient.Page;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/**
 * The child and the consent of a named case, as the intake sends staff through them: register the
 * child and its guardians, record the consent for the arena with every service in it, and go back
 * to the intake form with the consent chosen; the children a staff member registered are offered
 * next time with the consents that cover the arena. Another staff member finds none of it.
 */
@ServiceTest
class ChildPagesTest {

    static final List<String> PARTIES = List.of("KINDERGARTEN", "HEALTH_STATION");

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaParties arenaParties;

    String arena;
    String back;

    @BeforeEach
    void arena() {
        arena = "arena-" + UUID.randomUUID();
        new KnownArenas(String.join(",", kafka.getBootstrapServers()), codec, arenaParties).ensure(arena, PARTIES);
        back = "/meld-inn/" + arena + "?enhet=KINDERGARTEN&alder=0-5&samtykke=ja";
    }

    @Test
    void staffRegisterTheChildAndTheConsentAndGoBackToTheIntakeWithItChosen() {
        String referrer = "referrer-" + UUID.randomUUID();
        PageClient staff = staff(referrer);
        assertThat(staff.get("/barn?arena=" + arena + "&tilbake=" + encode(back)).body())
                .contains("Barnet og samtykket", "Registrer et nytt barn", "Du har ikke registrert noen barn ennå.", "Tilbake til innmeldingen");

        Page missing = staff.postForm("/barn/ny", "arena", arena, "tilbake", back, "name", "", "birthDate", "2021-04-12",
                "guardians[0].name", "Kari Prøvedatter", "guardians[0].parentalResponsibility", "true");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("href=\"#name\"", "id=\"name-error\"", "value=\"Kari Prøvedatter\"");

        Page registered = staff.postForm("/barn/ny", "arena", arena, "tilbake", back, "name", "Ada Prøvedatter", "birthDate", "2021-04-12",
                "guardians[0].name", "Kari Prøvedatter", "guardians[0].email", "kari@example.org", "guardians[0].parentalResponsibility", "true",
                "guardians[0].userId", "guardian-" + referrer, "guardians[0].language", "nn", "guardians[1].name", "");
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).matches("/barn/[^/]+/samtykke\\?arena=.*&tilbake=.*&registrert");
        String consentPage = registered.location().substring(0, registered.location().indexOf('?'));

        String form = staff.get(registered.location()).body();
        assertThat(form).contains("Samtykke for Ada Prøvedatter", "Ada Prøvedatter er registrert", "Kari Prøvedatter", "Barnehage",
                "Helsestasjon og skolehelsetjeneste", "Barnehage og opplæring");
        String guardianId = form.replaceAll("(?s).*name=\"decidedBy.guardianIds\" value=\"([^\"]+)\".*", "$1");

        Page nobody = staff.postForm(consentPage, "arena", arena, "tilbake", back, "legalArea", "EDUCATION", "evidence.type", "SIGNED_FORM",
                "evidence.reference", "Arkiv 2026/7");
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.body()).contains("href=\"#decidedBy\"");

        Page recorded = staff.postForm(consentPage, "arena", arena, "tilbake", back, "legalArea", "EDUCATION",
                "decidedBy.guardianIds", guardianId, "scope.informationIncluded", "LANGUAGE", "evidence.type", "SIGNED_FORM",
                "evidence.reference", "Arkiv 2026/7");
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.location()).startsWith(back + "&samtykkeId=");
        String consentId = recorded.location().substring(recorded.location().indexOf("samtykkeId=") + "samtykkeId=".length());
        HttpApi api = HttpApi.at(port).as(TestTokens.token(referrer, TestTokens.AUKRA, "REFERRER"));
        assertThat(api.get("/consents/" + consentId).json().get("status").asString()).isEqualTo("GRANTED");
        assertThat(api.get("/consents/" + consentId).json().get("scope").get("parties").toString()).contains("KINDERGARTEN", "HEALTH_STATION");

        String chooser = staff.inLanguage("nn").get("/barn?arena=" + arena + "&tilbake=" + encode(back)).body();
        assertThat(chooser).contains("<html lang=\"nn\"", "Ada Prøvedatter", "Meld inn saka om Ada Prøvedatter med dette samtykket",
                "samtykkeId=" + consentId);
    }

    @Test
    void anotherStaffMemberFindsNeitherTheChildNorItsConsentPageAndNoLinkLeavesTheSite() {
        String referrer = "referrer-" + UUID.randomUUID();
        String location = staff(referrer).postForm("/barn/ny", "arena", arena, "tilbake", "https://elsewhere.example/steal", "name", "Bo Prøvesen",
                "birthDate", "2020-02-02", "guardians[0].name", "Per Prøvesen", "guardians[0].parentalResponsibility", "true").location();
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8)).doesNotContain("elsewhere.example");
        String consentPage = location.substring(0, location.indexOf('?'));

        PageClient stranger = staff("referrer-" + UUID.randomUUID());
        assertThat(stranger.get("/barn").body()).doesNotContain("Bo Prøvesen");
        assertThat(stranger.get(consentPage + "?arena=" + arena).status()).isEqualTo(404);
        assertThat(PageClient.at(port).as(TestTokens.forRole("GUARDIAN")).get("/barn").status()).isEqualTo(403);
    }

    private PageClient staff(String userId) {
        return PageClient.at(port).as(TestTokens.token(userId, TestTokens.AUKRA, "REFERRER"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
