package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import no.samhandling.local.RunningSystem;
import no.samhandling.local.Service;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.system.LocalSystemExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every link the system's emails and SMS carry is on the gateway and names a page by the agreed
 * path scheme (README, "Pages and their addresses"): a case /saker/{id}, a meeting /moter/{id},
 * a guardian's page /mitt-barn. A guardian who follows theirs signs in and lands on it.
 */
@ExtendWith(LocalSystemExtension.class)
class NoticeLinksBrowserTest {

    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");
    static final Pattern PAGE = Pattern.compile("/saker/[A-Za-z0-9-]+|/moter/[A-Za-z0-9-]+|/mitt-barn");

    @Test
    void everyLinkInTheNoticesNamesAPageOnTheGatewayAndTheGuardiansLeadsToTheirPage() {
        RunningSystem system = LocalSystemExtension.system();
        agendaWithTheDemoGuardiansCase(system);
        await().atMost(Duration.ofSeconds(60)).until(() -> links(system).stream().anyMatch(link -> link.endsWith("/mitt-barn")));

        Set<String> kinds = new TreeSet<>();
        for (String link : links(system)) {
            URI uri = URI.create(link);
            assertThat(uri.getScheme() + "://" + uri.getAuthority()).as(link).isEqualTo(Service.GATEWAY.browserUrl());
            assertThat(uri.getPath()).as(link).matches(PAGE);
            kinds.add(uri.getPath().equals("/mitt-barn") ? "/mitt-barn" : uri.getPath().replaceAll("/[^/]+$", "/{id}"));
        }
        assertThat(kinds).contains("/saker/{id}", "/moter/{id}", "/mitt-barn");

        try (Browser browser = Browser.open()) {
            String guardians = links(system).stream().filter(link -> link.endsWith("/mitt-barn")).findFirst().orElseThrow();
            browser.phone().signInAt(guardians, "guardian");
            assertThat(browser.text("h1")).isEqualTo("Mitt barn");
            assertThat(browser.text("main")).contains("Sofie Demodatter");
        }
    }

    /** The coordinator's links to a case and to a meeting lead, after sign-in, to the case page and the meeting page. */
    @Test
    void theCoordinatorsLinksToACaseAndAMeetingLeadToThosePages() {
        RunningSystem system = LocalSystemExtension.system();
        await().atMost(Duration.ofSeconds(60)).until(() -> linksTo(system, COORDINATOR_EMAIL).stream().anyMatch(link -> link.contains("/moter/"))
                && linksTo(system, COORDINATOR_EMAIL).stream().anyMatch(link -> link.contains("/saker/")));
        List<String> links = linksTo(system, COORDINATOR_EMAIL);
        String caseLink = links.stream().filter(link -> link.contains("/saker/")).findFirst().orElseThrow();
        String meetingLink = links.stream().filter(link -> link.contains("/moter/")).findFirst().orElseThrow();

        try (Browser browser = Browser.open()) {
            browser.signInAt(caseLink, "coordinator");
            assertThat(browser.text("h1")).startsWith("Sak i ");
            assertThat(browser.text("main")).contains("Meldt inn");
            browser.assertAccessible();
            browser.go(meetingLink);
            assertThat(browser.path()).isEqualTo(URI.create(meetingLink).getPath());
            assertThat(browser.text("main")).contains("Saksliste", "Referat");
            browser.assertAccessible();
        }
    }

    static final String COORDINATOR_EMAIL = "coordinator@aukra.example";

    /** The links in the emails sent to one address. */
    static List<String> linksTo(RunningSystem system, String address) {
        List<String> links = new ArrayList<>();
        for (String raw : system.receivedMail()) {
            try {
                MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
                if (java.util.Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().contains(address))) {
                    Matcher matcher = LINK.matcher(text(mail));
                    while (matcher.find()) {
                        links.add(matcher.group().replaceAll("[.,)]+$", ""));
                    }
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable email in the local post office", e);
            }
        }
        return links;
    }

    /** The demo guardian's named case goes on a coming meeting's agenda, and the agenda is published: they are told. */
    private static void agendaWithTheDemoGuardiansCase(RunningSystem system) {
        String token = system.accessToken("demo-coordinator", "demo");
        HttpApi referrals = HttpApi.at(Service.REFERRAL.baseUrl()).as(token);
        HttpApi arenas = HttpApi.at(Service.ARENA.baseUrl()).as(token);
        JsonNode arena = arenas.get("/arenas?externalKey=aukra-0-6-tverrfagleg-forskoleteam").json().get(0);
        String arenaId = arena.get("id").asString();
        JsonNode cases = referrals.get("/referrals?arenaId=" + arenaId + "&status=ACCEPTED").json();
        String named = null;
        for (JsonNode referral : cases) {
            if ("NAMED".equals(referral.path("basis").asString()) && referral.path("personalDataAvailable").asBoolean()) {
                named = referral.get("id").asString();
            }
        }
        assertThat(named).as("the demo guardian's accepted, named case").isNotNull();
        String caseId = named;
        JsonNode coming = arenas.get("/arenas/" + arenaId + "/meetings?from=" + Instant.now()).json();
        String meetingId = coming.get(coming.size() - 2).get("id").asString();
        assertThat(referrals.post("/referrals/" + caseId + "/schedule", "{\"meetingId\": \"" + meetingId + "\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> arenas.get("/meetings/" + meetingId).json().get("agenda").toString().contains(caseId));
        await().atMost(Duration.ofSeconds(20)).until(() -> arenas.post("/meetings/" + meetingId + "/agenda/publish", "{}").status() == 200);
    }

    /** The links in every email (its text parts, as a mail program shows them) and every SMS sent so far. */
    static List<String> links(RunningSystem system) {
        List<String> texts = new ArrayList<>(system.receivedSms());
        for (String raw : system.receivedMail()) {
            try {
                texts.add(text(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable email in the local post office", e);
            }
        }
        List<String> links = new ArrayList<>();
        for (String text : texts) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group().replaceAll("[.,)]+$", ""));
            }
        }
        return links;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }
}
