package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import no.samhandling.local.Service;
import no.samhandling.system.LocalSystemExtension;

/**
 * A leader of Aukra in a real browser against the whole local system: signs in at the gateway
 * through the real login page, lands on the page the link named, reads the dashboard in both
 * languages on a laptop and a phone, and signs out of the authorization server too.
 */
@ExtendWith({LocalSystemExtension.class, OpenBrowser.class})
class LeaderPagesBrowserTest {

    static final String GATEWAY = Service.GATEWAY.browserUrl();

    @Test
    void theDashboardFitsALaptopAndAPhoneInBothLanguagesAndPassesAxe(Browser browser) {
        browser.signInAt(GATEWAY + "/tall", "leader");

        assertThat(browser.lang()).isEqualTo("nb");
        assertThat(browser.text("h1")).startsWith("Samhandlingstall – ");
        assertThat(browser.text(".brand__municipality")).isEqualTo("Aukra kommune");
        assertThat(browser.text(".dashboard .lead")).contains("Aukra kommune");
        await().atMost(Duration.ofSeconds(5)).until(() -> "true".equals(browser.find("#referralsByTheme figure.chart").getAttribute("data-drawn")));
        assertLastColumnOfTheArenaTableIsInSight(browser);
        browser.assertAccessible();
        browser.screenshot("leader-dashboard-bokmal");
        List<String> order = browser.assertKeyboardReachesEveryControl();
        assertThat(order).isNotEmpty();

        browser.phone().go(GATEWAY + "/tall");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("leader-dashboard-phone");

        browser.desktop();
        browser.find("a.language-switch").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "nn".equals(browser.lang()));
        assertThat(browser.text("h1")).startsWith("Samhandlingstal – ");
        browser.assertAccessible();
        browser.screenshot("leader-dashboard-nynorsk");
        // The choice is remembered: the next page is in nynorsk without asking again.
        browser.go(GATEWAY + "/");
        assertThat(browser.lang()).isEqualTo("nn");
        assertThat(browser.text("h1")).isEqualTo("Velkomen til Samhandling");
    }

    @Test
    void theLoginPageIsNorwegianAndUsableByKeyboardOnAPhone(Browser browser) {
        browser.phone().go(GATEWAY + "/tall");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findAll("#username").isEmpty());

        assertThat(browser.text("h1")).isEqualTo("Logg inn i Samhandling");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.assertKeyboardReachesEveryControl();
        browser.screenshot("login");
    }

    @Test
    void aLinkToAPageLandsThereAfterSignInAndSigningOutEndsTheAuthorizationServersSessionToo(Browser browser) {
        browser.signInAt(GATEWAY + "/tall?period=2025", "leader");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tall?period=2025");

        browser.find("form.sign-out button").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.path().equals("/logget-ut"));
        assertThat(browser.text("h1")).isEqualTo("Du er logget ut");
        browser.assertAccessible();

        // Signed out everywhere: the gateway asks again, and the authorization server asks for the password again.
        browser.go(GATEWAY + "/tall");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findAll("#username").isEmpty());
    }

    @Test
    void somebodyWithoutTheRoleGetsAPageSayingSoAndUnknownPagesAPageToo(Browser browser) {
        browser.signInAt(GATEWAY + "/", "guardian");

        browser.go(GATEWAY + "/tall");
        assertThat(browser.text("h1")).isEqualTo("Du har ikke tilgang til denne siden");
        browser.assertAccessible();
        browser.screenshot("access-denied");

        browser.go(GATEWAY + "/finnes-ikke");
        assertThat(browser.text("h1")).isEqualTo("Vi finner ikke siden");
        browser.assertAccessible();

    }

    @Test
    void theIconAnswersWithoutSignIn() throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<byte[]> icon = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(GATEWAY + "/favicon.ico"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(icon.statusCode()).isEqualTo(200);
            assertThat(icon.body()).isNotEmpty();
        }
    }

    /** At 1366 px the arena table's last column is on screen, not hidden behind a sideways scroll. */
    private static void assertLastColumnOfTheArenaTableIsInSight(Browser browser) {
        WebElement table = browser.find("#perArena-table");
        List<WebElement> headings = table.findElements(org.openqa.selenium.By.cssSelector("thead th"));
        WebElement last = headings.get(headings.size() - 1);
        Object fits = browser.driver().executeScript("""
                const wrap = arguments[0].closest('.table-wrap'); const cell = arguments[1].getBoundingClientRect();
                return wrap.scrollWidth <= wrap.clientWidth && cell.right <= wrap.getBoundingClientRect().right + 0.5
                    && cell.right <= window.innerWidth;""", table, last);
        assertThat(fits).as("the arena table's last column (%s) is in sight at 1366 px", last.getText()).isEqualTo(true);
    }
}
