package no.samhandling.reporting.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.reporting.projection.Generations;
import no.samhandling.reporting.projection.ProjectedCounters;
import no.samhandling.reporting.projection.ProjectionConsumers;
import no.samhandling.reporting.testdata.SmallMunicipality;

/** Period reports, the dashboard page and the OpenAPI document, through the real HTTP API. */
abstract class ReportsComponentTest {

    static final String MUNICIPALITY = "1520";
    static final int YEAR = 2025;
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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Brokers the data went to: once per broker, not per test. */
    private static final Set<String> PUBLISHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void publishOnce() {
        String bootstrapServers = String.join(",", kafka.getBootstrapServers());
        if (PUBLISHED.add(bootstrapServers)) {
            try (TestProducer producer = new TestProducer(bootstrapServers)) {
                SmallMunicipality.events(MUNICIPALITY, YEAR).forEach(event -> producer.send(codec.toRecord(event)));
            }
        }
        // The year's releases are made at the first read, so every event must be in before it.
        ProjectedCounters.awaitProjected(consumers, generations, SmallMunicipality.events(MUNICIPALITY, YEAR));
        assertThat(leader().get("/reports/figures?year=" + YEAR).json().get("tables").get(0).get("totals").get("total").get("value").asLong())
                .isEqualTo(93);
    }

    @Test
    void theHalfYearPdfShowsTheBigArenasAndHidesTheSmallOne() throws IOException {
        HttpResponse<byte[]> response = download("/reports/periods/" + YEAR + "-HAUST.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("Halvårsrapport til utvalget, Høst " + YEAR);
        List<String> tiny = lines(text, SmallMunicipality.TINY_TITLE);
        assertThat(tiny).isNotEmpty();
        for (String line : tiny) {
            // The tiny arena's 2 referrals (and its partner cells) appear only as the suppression mark.
            assertThat(numbers(line.substring(SmallMunicipality.TINY_TITLE.length()))).doesNotContain("2");
        }
        assertThat(lines(text, SmallMunicipality.TINY_TITLE).get(0)).contains("–");
        assertThat(lines(text, "Tverrfagleg førskuleteam").get(0)).contains("41");
        assertThat(text).doesNotContain("??");
    }

    @Test
    void theYearlyCsvListsEveryPublishedCellWithItsFlagAndNoSuppressedValue() {
        HttpResponse<byte[]> response = download("/reports/periods/" + YEAR + ".csv?lang=nn");
        assertThat(response.statusCode()).isEqualTo(200);
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        List<String[]> rows = csv.lines().skip(1).map(line -> line.split(";", -1)).toList();

        assertThat(csv).startsWith("\uFEFF").contains("Årsrapport til kommunestyret " + YEAR);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(6));
        assertThat(rows).filteredOn(row -> row[5].equals("SUPPRESSED")).isNotEmpty().allSatisfy(row -> assertThat(row[4]).isEmpty());
        assertThat(rows).filteredOn(row -> row[5].equals("SHOWN") && row[1].startsWith("Innmelde saker")).isNotEmpty().allSatisfy(row -> {
            long value = Long.parseLong(row[4].replaceAll("[^0-9]", ""));
            assertThat(value == 0 || value >= 5).as("shown %s", String.join(";", row)).isTrue();
        });
        assertThat(rows).filteredOn(row -> row[2].equals(SmallMunicipality.TINY_TITLE) && row[1].startsWith("Innmelde saker og møte"))
                .isNotEmpty().allSatisfy(row -> assertThat(row[4]).isNotEqualTo("2"));
    }

    @Test
    void periodReportsNeedALeaderAndAValidPeriod() {
        assertThat(HttpApi.at(port).as(TestTokens.token("c", MUNICIPALITY, "COORDINATOR")).get("/reports/periods/2026.pdf").status())
                .isEqualTo(403);
        HttpApi.Response invalid = leader().get("/reports/periods/2026-SUMMER.csv");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("period");
    }

    @Test
    void theDashboardIsServerRenderedForALeaderAndRefusedToOthers() {
        HttpApi.Response page = leader().get("/tall?period=" + YEAR + "-HAUST&lang=nn");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"nn\"", "<caption", "Innmelde saker og møte per arena, Haust " + YEAR,
                "scope=\"col\"", "scope=\"row\"", SmallMunicipality.TINY_TITLE, "Innmeldt førre periode");

        // People sign in at the gateway, which relays their token; without one there is nothing to redirect to here.
        assertThat(get("/tall", null).statusCode()).isEqualTo(401);
        assertThat(HttpApi.at(port).as(TestTokens.token("r", MUNICIPALITY, "REFERRER")).get("/tall").status()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentIsPublicValidAndDescribesExactlyTheApi() {
        HttpResponse<byte[]> response = get("/openapi.yaml", null);
        assertThat(response.statusCode()).isEqualTo(200);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(new String(response.body(), StandardCharsets.UTF_8));
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        Set<String> documented = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));

        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/reports"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + pattern))));
        assertThat(documented).isEqualTo(served);
    }

    private HttpApi leader() {
        return HttpApi.at(port).as(TestTokens.token("leader", MUNICIPALITY, "LEADER"));
    }

    private HttpResponse<byte[]> download(String path) {
        return get(path, TestTokens.token("leader", MUNICIPALITY, "LEADER"));
    }

    private HttpResponse<byte[]> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String text, String start) {
        return text.lines().filter(line -> line.startsWith(start)).toList();
    }

    private static List<String> numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(token -> token.matches("[0-9]+")).collect(Collectors.toList());
    }
}
