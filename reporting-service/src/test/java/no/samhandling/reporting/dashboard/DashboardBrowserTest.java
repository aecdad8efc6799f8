package no.samhandling.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;
import no.samhandling.reporting.testdata.SmallMunicipality;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver). The leader's
 * token is injected as a request header through the DevTools protocol, which stands in for the
 * sign-in at the authorization server. Skipped when Chromium is not installed.
 */
@ServiceTest
class DashboardBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String MUNICIPALITY = "1521";
    private static final int YEAR = 2026;

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium is not installed (apt-get install -y chromium chromium-driver): the browser test is skipped");
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            SmallMunicipality.events(MUNICIPALITY, YEAR).forEach(event -> producer.send(codec.toRecord(event)));
        }
        HttpApi leader = HttpApi.at(port).as(token());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                leader.get("/reports/figures?year=" + YEAR).json().get("tables").get(0).get("totals").get("total").get("value").asLong() >= 93);

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,2400", "--lang=nb");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + token())));
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aLeaderSeesTablesAndChartsWithSmallCellsHiddenAndCanFilterAndSwitchToNynorsk() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/dashboard?period=" + YEAR + "-HAUST");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Samhandlingstal – Høst " + YEAR);
        assertThat(browser.findElement(By.id("perArena-heading")).getText()).isEqualTo("Innmeldte saker og møter per arena, Høst " + YEAR);
        WebElement perArena = browser.findElement(By.id("perArena-table"));
        assertThat(perArena.findElement(By.tagName("caption")).getAttribute("textContent")).isEqualTo("Innmeldte saker og møter per arena, Høst " + YEAR);
        WebElement tiny = row(perArena, SmallMunicipality.TINY_TITLE);
        List<WebElement> tinyCells = tiny.findElements(By.tagName("td"));
        assertThat(tinyCells.get(0).getAttribute("data-flag")).isEqualTo("SUPPRESSED");
        assertThat(tinyCells.get(0).findElement(By.cssSelector("span[aria-hidden=true]")).getText()).isEqualTo("–");
        assertThat(tinyCells.get(0).findElement(By.className("visually-hidden")).getAttribute("textContent")).startsWith("skjult");
        assertThat(row(perArena, "Tverrfagleg førskuleteam").findElements(By.tagName("td")).get(0).getText()).isEqualTo("41");

        // Charts are drawn by the page's own script, labelled for screen readers, with the table as fallback.
        WebElement themes = browser.findElement(By.cssSelector("#referralsByTheme figure.chart"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "true".equals(themes.getAttribute("data-drawn")));
        assertThat(themes.findElement(By.cssSelector("[role=img]")).getAttribute("aria-label")).startsWith("Diagram: ");
        assertThat(themes.findElements(By.cssSelector("svg rect"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#leadTime svg path.line"))).isNotNull();

        // Keyboard: the first Tab reaches the skip link, and the filters have labels.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");
        assertThat(browser.findElement(By.cssSelector("label[for=period]")).getText()).isEqualTo("Periode");
        screenshot("dashboard-bokmal.png");

        browser.findElement(By.cssSelector("#arenaId option[value=arena-big]")).click();
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("arenaId=arena-big"));
        assertThat(browser.findElement(By.id("perArena-table")).findElements(By.cssSelector("tbody tr"))).hasSize(2);

        browser.findElement(By.cssSelector("a[hreflang=nn]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.tagName("html")).getAttribute("lang").equals("nn"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Samhandlingstal – Haust " + YEAR);
        assertThat(browser.findElement(By.cssSelector("#perArena-table caption")).getAttribute("textContent"))
                .isEqualTo("Innmelde saker og møte per arena, Haust " + YEAR);
        screenshot("dashboard-nynorsk.png");
    }

    private static WebElement row(WebElement table, String label) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    private static String token() {
        return TestTokens.token("leader", MUNICIPALITY, "LEADER");
    }
}
