package no.samhandling.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.samhandling.platform.client.ServiceTokens;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.PageClient.Page;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/**
 * "Mitt barn" as the gateway asks for it: a guardian reads their child's consents in plain
 * language, withdraws one only after a confirmation step, and sees who read the child's data and
 * why; nobody else's child, and no raw codes.
 */
@ServiceTest
@Import(GuardianPagesTest.ServiceToken.class)
class GuardianPagesTest {

    static final HttpServer READ_AUDIT = readAudit();
    static final AtomicBoolean READ_AUDIT_DOWN = new AtomicBoolean();

    @TestConfiguration
    static class ServiceToken {

        @Bean
        ServiceTokens serviceTokens() {
            return () -> TestTokens.serviceToken("consent-service", "audit");
        }
    }

    @DynamicPropertySource
    static void referralService(DynamicPropertyRegistry registry) {
        registry.add("samhandling.clients.referral.base-url", () -> "http://127.0.0.1:" + READ_AUDIT.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        READ_AUDIT.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aGuardianReadsTheConsentInPlainLanguageInBothLanguages() {
        Family family = familyWithConsent();

        String bokmal = guardian(family.motherLogin).get("/mitt-barn").body();
        assertThat(bokmal).contains("<h1>Mitt barn</h1>", family.childName, "Gjelder nå",
                "At fagfolk fra flere tjenester kan snakke sammen", "Skole", "Helsestasjon og skolehelsetjeneste",
                "Fravær og oppmøte", "Opplysninger fra helsejournalen", "I ett fast samarbeidsmøte i kommunen",
                "til du trekker det tilbake", "Dere foresatte", "Trekk tilbake samtykket", "Aukra kommune")
                .doesNotContain("INTERDISCIPLINARY_DISCUSSION", "HEALTH_STATION", ">GRANTED<", family.nationalId);
        String nynorsk = guardian(family.motherLogin).inLanguage("nn").get("/mitt-barn").body();
        assertThat(nynorsk).contains("<html lang=\"nn\"", "Gjeld no", "At fagfolk frå fleire tenester", "Skule", "Trekk tilbake samtykket");
    }

    @Test
    void withdrawingAsksFirstAndThenEndsTheConsent() {
        Family family = familyWithConsent();
        String consentId = staff().get("/subjects/" + family.subjectId + "/consents").json().get(0).get("id").asString();
        PageClient mother = guardian(family.motherLogin);

        Page confirmation = mother.get("/mitt-barn/samtykke/" + consentId + "/trekk-tilbake");
        assertThat(confirmation.body()).contains("Vil du trekke tilbake samtykket?", "Ja, trekk tilbake samtykket", "Nei, gå tilbake",
                "kan ikke lenger snakke om " + family.childName + " med navn");
        assertThat(staff().get("/consents/" + consentId).json().get("status").asString()).isEqualTo("GRANTED");

        Page withdrawn = mother.postForm("/mitt-barn/samtykke/" + consentId + "/trekk-tilbake");
        assertThat(withdrawn.status()).isEqualTo(302);
        assertThat(withdrawn.location()).isEqualTo("/mitt-barn?trukket");
        assertThat(staff().get("/consents/" + consentId).json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(mother.get("/mitt-barn?trukket").body()).contains("Samtykket er trukket tilbake", "Trukket tilbake")
                .doesNotContain("/mitt-barn/samtykke/" + consentId + "/trekk-tilbake");
    }

    @Test
    void theReadLogSaysWhoReadWhenAndWhyAndSaysSoWhenItCannotBeAsked() {
        Family family = familyWithConsent();

        guardian(family.motherLogin).get("/mitt-barn");
        String reads = guardian(family.motherLogin).get("/mitt-barn/" + family.subjectId + "/lest").body();
        assertThat(reads).contains("Hvem har lest opplysningene om " + family.childName, "20. november 2026 kl. 10.15",
                "member, fast deltaker i samarbeidsmøtet", "Hva: opplysningene i saken", "for å forberede møtet der saken skal snakkes om")
                .doesNotContain("MEETING_PREPARATION", "ARENA_MEMBER");
        // From every service, consent-service's own log included: who registered the child and recorded the consent.
        assertThat(reads).contains("coordinator, den som registrerte barnet", "Hva: barnets navn og hvem som er foresatte",
                "Hvorfor: barnet ble registrert", "Hvorfor: et samtykke eller et svar ble registrert")
                .doesNotContain("REGISTRATION", "SUBJECT_REGISTRAR");
        // The guardian's own visits to these pages would bury the rest.
        assertThat(reads).doesNotContain("en foresatt så på samtykkene");
        assertThat(reads.indexOf("barnet ble registrert")).as("newest first").isLessThan(reads.indexOf("20. november 2026"));

        READ_AUDIT_DOWN.set(true);
        try {
            Page unavailable = guardian(family.motherLogin).get("/mitt-barn/" + family.subjectId + "/lest");
            assertThat(unavailable.status()).isEqualTo(200);
            assertThat(unavailable.body()).contains("Prøv igjen om litt").doesNotContain("Ingen har lest");
        } finally {
            READ_AUDIT_DOWN.set(false);
        }
    }

    @Test
    void anotherGuardiansChildAndConsentDoNotExistForThemAndOtherRolesAreRefused() {
        Family ours = familyWithConsent();
        Family theirs = familyWithConsent();
        String theirConsent = staff().get("/subjects/" + theirs.subjectId + "/consents").json().get(0).get("id").asString();
        PageClient mother = guardian(ours.motherLogin);

        assertThat(mother.get("/mitt-barn").body()).doesNotContain(theirs.childName);
        assertThat(mother.get("/mitt-barn/" + theirs.subjectId + "/lest").status()).isEqualTo(404);
        assertThat(mother.get("/mitt-barn/samtykke/" + theirConsent + "/trekk-tilbake").status()).isEqualTo(404);
        assertThat(mother.postForm("/mitt-barn/samtykke/" + theirConsent + "/trekk-tilbake").status()).isEqualTo(404);
        assertThat(staff().get("/consents/" + theirConsent).json().get("status").asString()).isEqualTo("GRANTED");

        Page coordinator = PageClient.at(port).as(TestTokens.forRole("COORDINATOR")).get("/mitt-barn");
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.body()).contains("Du har ikke tilgang til denne siden");
    }

    private Family familyWithConsent() {
        Family family = Family.withChildAged(staff(), 9);
        HttpApi.Response consent = staff().post("/subjects/" + family.subjectId + "/consents",
                Family.consent("EDUCATION", family.guardians(family.motherId, family.fatherId), "arena-ressursteam", null));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        return family;
    }

    private HttpApi staff() {
        return HttpApi.at(port).as(TestTokens.forRole("COORDINATOR"));
    }

    private PageClient guardian(String login) {
        return PageClient.at(port).as(TestTokens.token(login, TestTokens.AUKRA, "GUARDIAN"));
    }

    private static HttpServer readAudit() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/access-log/reads", exchange -> {
                if (READ_AUDIT_DOWN.get()) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                String subjectId = exchange.getRequestURI().getQuery().replaceAll(".*subjectId=", "");
                byte[] body = ("[{\"service\": \"referral-service\", \"municipality\": \"1547\", \"sequence\": 1, \"at\": \"2026-11-20T09:15:00Z\","
                        + " \"userId\": \"member\", \"relation\": \"ARENA_MEMBER\", \"outcome\": \"READ\", \"resourceKind\": \"referral\","
                        + " \"resourceId\": \"referral-for-" + subjectId + "\", \"subjectId\": \"" + subjectId + "\","
                        + " \"purpose\": \"MEETING_PREPARATION\", \"previousHash\": \"0\", \"hash\": \"1\"}]")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
