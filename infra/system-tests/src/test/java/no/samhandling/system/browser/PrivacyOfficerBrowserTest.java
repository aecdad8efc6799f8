package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import no.samhandling.local.Service;
import no.samhandling.system.LocalSystemExtension;

/**
 * The privacy officer of Aukra reviews the access logs in a browser, against the whole local
 * system: every service's chain checked, the users of the last 30 days with the demo's reads among
 * them, and one user's entries, in both languages and on a phone.
 */
@ExtendWith({LocalSystemExtension.class, OpenBrowser.class})
class PrivacyOfficerBrowserTest {

    static final String GATEWAY = Service.GATEWAY.browserUrl();

    @Test
    void thePrivacyOfficerSeesEveryServicesChainIntactAndWhoReadWhat(Browser browser) {
        browser.signInAt(GATEWAY + "/tilgangslogg", "privacy-officer");
        assertThat(browser.text("h1")).isEqualTo("Tilgangslogg");
        assertThat(browser.text("main")).contains("consent-service", "referral-service", "Urørt", "coordinator")
                .doesNotContain("Brutt fra", "Sofie Demodatter");
        browser.assertAccessible();
        browser.assertKeyboardReachesEveryControl();
        browser.screenshot("privacy-officer-review");

        browser.find("main").findElement(By.linkText("coordinator")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("h1").equals("Tilgangslogg for coordinator"));
        assertThat(browser.text("main")).contains("Lest", "referral-service", "INTAKE_ASSESSMENT", "Leder samarbeidsmøtet");
        browser.assertAccessible();
        browser.phone().assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("privacy-officer-user-phone");

        browser.desktop().find("a.language-switch").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "nn".equals(browser.lang()));
        assertThat(browser.text("main")).contains("Oppføringar, eldste først");
        browser.assertAccessible();
    }
}
