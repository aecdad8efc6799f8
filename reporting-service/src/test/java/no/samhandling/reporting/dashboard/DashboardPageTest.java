package no.samhandling.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.reporting.projection.Generations;
import no.samhandling.reporting.projection.ProjectedCounters;
import no.samhandling.reporting.projection.ProjectionConsumers;
import no.samhandling.reporting.testdata.EventMother;
import no.samhandling.web.GatewayHeaders;

/**
 * The leaders' dashboard as the gateway asks for it (the leader's token relayed, the language in
 * {@code Accept-Language}), and the reports it links to: every defect a leader met in a real
 * browser, each pinned here.
 */
@ServiceTest
class DashboardPageTest {

    static final String MELHUS = "5028";
    static final int YEAR = 2025;
    static final String LONG_TITLE = "Tverrfagleg samarbeidsteam for barn og unge i overgangen frå barnehage til skule";
    /** Age bands in the order a text sort gives them; the dashboard must show them by age. */
    static final List<String> AGE_BANDS = List.of("0-5", "13-15", "16-18", "6-12");
    static final List<String> THEMES = List.of("SCHOOL_ENVIRONMENT", "VIOLENCE_ABUSE", "LIVING_CONDITIONS", "SOCIAL_RELATIONS");

    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();
    private static final List<DomainEvent> EVENTS = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ProjectionConsumers consumers;

    @Autowired
    Generations generations;

    @BeforeEach
    void publishOnce() {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        if (PUBLISHED.add(bootstrapServers)) {
            List<DomainEvent> events = new ArrayList<>();
            events.add(EventMother.arena(MELHUS, "arena-long", LONG_TITLE));
            for (int band = 0; band < AGE_BANDS.size(); band++) {
                for (int i = 0; i < 6; i++) {
                    events.add(EventMother.submitted(MELHUS, "arena-long", UUID.randomUUID().toString(), EventMother.at(YEAR, 3, 1 + i),
                            AGE_BANDS.get(band), "SCHOOL", List.of(THEMES.get(band)), PreventionLevel.GREEN, DiscussionBasis.ANONYMOUS));
                }
            }
            try (TestProducer producer = new TestProducer(bootstrapServers)) {
                events.forEach(event -> producer.send(codec.toRecord(event)));
            }
            EVENTS.addAll(events);
        }
        // The year's releases are made at the first read, so every event must be in before it.
        ProjectedCounters.awaitProjected(consumers, generations, EVENTS);
    }

    @Test
    void theBokmalPageIsInBokmalAndNamesTheMunicipality() {
        String page = page("nb");

        assertThat(page).contains("<html lang=\"nb\"").contains("<title>Samhandlingstall – Året " + YEAR + "</title>")
                .contains("Samlede tall for samhandlingsteamet i Melhus kommune")
                .doesNotContain("Samhandlingstal –").doesNotContain("kommune " + MELHUS);
    }

    @Test
    void everyThemeHasItsNorwegianLabelInBothLanguages() {
        String bokmal = page("nb");
        String nynorsk = page("nn");

        assertThat(bokmal).contains("Mobbing og skole- eller barnehagemiljø", "Vold, overgrep og negativ sosial kontroll",
                "Levekår og økonomi", "Vennskap og sosiale relasjoner", "Skole");
        assertThat(nynorsk).contains("<html lang=\"nn\"", "Samhandlingstal – Året " + YEAR, "Mobbing og skule- eller barnehagemiljø",
                "Vald, overgrep og negativ sosial kontroll", "Venskap og sosiale relasjonar");
        for (String theme : THEMES) {
            assertThat(bokmal).doesNotContain(">" + theme + "<");
            assertThat(nynorsk).doesNotContain(">" + theme + "<");
        }
    }

    @Test
    void ageBandsAreInOrderOfAge() {
        String table = section(page("nb"), "referralsByAgeBand");

        assertThat(table.indexOf(">0-5<")).isPositive().isLessThan(table.indexOf(">6-12<"));
        assertThat(table.indexOf(">6-12<")).isLessThan(table.indexOf(">13-15<"));
        assertThat(table.indexOf(">13-15<")).isLessThan(table.indexOf(">16-18<"));
    }

    @Test
    void theRunningMonthIsShownOnlyCoarselyWithTheDayItsReleaseIsMade() {
        String running = section(page("nb"), "runningMonth");

        // Melhus has no case this month: fewer than the step, and no breakdown of any kind.
        assertThat(running).contains("Måneden som pågår", "Færre enn 10 nye saker så langt i måneden", "Måneden publiseres")
                .doesNotContain("<table");
        assertThat(section(page("nn"), "runningMonth")).contains("Månaden som går no", "Færre enn 10 nye saker");
    }

    @Test
    void theFormsOfThePageCarryTheGatewaysCsrfToken() {
        String page = get("/tall?period=" + YEAR, "nb", "token-from-the-gateway").body();

        assertThat(page).contains("<input type=\"hidden\" name=\"_csrf\" value=\"token-from-the-gateway\"");
    }

    @Test
    void theCsvHeaderIsNorwegian() {
        String csv = new String(download("/tall/rapporter/" + YEAR + ".csv"), StandardCharsets.UTF_8);

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFRapport;Tabell;Rad;Kolonne;Verdi;Status");
    }

    @Test
    void thePdfWrapsLongArenaNamesAndHeadingsInsteadOfCuttingThem() throws IOException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(download("/tall/rapporter/" + YEAR + ".pdf"))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        // The figures stand on the first line of a wrapped name; without them the name reads whole.
        String words = java.util.Arrays.stream(text.split(" ")).filter(word -> !word.matches("\\d+|–|\\.\\.")).collect(
                java.util.stream.Collectors.joining(" "));

        assertThat(words).contains(LONG_TITLE);
        assertThat(text).contains("Punkter uten", "ansvarsfordeling", "Melhus kommune.",
                "Innmeldte saker etter tema, Året " + YEAR + " (en sak kan ha flere tema)");
    }

    @Test
    void anotherRoleGetsTheAccessDeniedPageAndNobodyWithoutATokenGetsIn() {
        HttpResponse<String> referrer = get("/tall", "nb", null, TestTokens.token("referrer", MELHUS, "REFERRER"));
        assertThat(referrer.statusCode()).isEqualTo(403);
        assertThat(referrer.body()).contains("Du har ikke tilgang til denne siden").contains("Melhus kommune");

        assertThat(get("/tall", "nb", null, null).statusCode()).isEqualTo(401);
    }

    private String page(String lang) {
        HttpResponse<String> response = get("/tall?period=" + YEAR, lang, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path, String lang, String csrf) {
        return get(path, lang, csrf, leaderToken());
    }

    private HttpResponse<String> get(String path, String lang, String csrf, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", lang);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (csrf != null) {
            request.header(GatewayHeaders.CSRF_TOKEN, csrf);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] download(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + leaderToken()).header("Accept-Language", "nb").build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String leaderToken() {
        return TestTokens.token("melhus-leader", MELHUS, "LEADER");
    }
}
