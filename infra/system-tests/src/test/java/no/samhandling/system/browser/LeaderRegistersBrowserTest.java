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
 * The leader of Aukra works through the fixed agenda in a browser: the register of system cases
 * and of deviation reports, a follow-up written and saved by keyboard alone (the form's CSRF token
 * comes from the gateway's session and goes back through it).
 */
@ExtendWith({LocalSystemExtension.class, OpenBrowser.class})
class LeaderRegistersBrowserTest {

    static final String GATEWAY = Service.GATEWAY.browserUrl();

    @Test
    void theLeaderFollowsUpASystemCaseByKeyboardAndReadsTheDeviationReports(Browser browser) {
        browser.signInAt(GATEWAY + "/systemsaker", "leader");
        assertThat(browser.text("h1")).isEqualTo("Systemsaker");
        assertThat(browser.text("main")).contains("Ingen arena for ungdom mellom 16 og 18 år", "Mangler arena for et behov");
        browser.assertAccessible();
        browser.screenshot("leader-system-cases");

        browser.find("main").findElement(By.linkText("Ingen arena for ungdom mellom 16 og 18 år")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("h1").equals("Ingen arena for ungdom mellom 16 og 18 år"));
        assertThat(browser.text("main")).contains("Fulgt opp", "Rektor ved vidaregåande skule og NAV er inviterte");
        browser.assertAccessible();
        browser.assertKeyboardReachesEveryControl();

        browser.typeByKeyboard(browser.find("#note"), "Møte med vidaregåande skule er avtalt i januar.");
        browser.pressByKeyboard(browser.find("#oppfolging button[type=submit]"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver().getCurrentUrl().contains("fulgtOpp"));
        assertThat(browser.text("main")).contains("Oppfølgingen er lagret.", "Møte med vidaregåande skule er avtalt i januar.");
        browser.phone().assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("leader-system-case-phone");

        browser.desktop().go(GATEWAY + "/avvik");
        assertThat(browser.text("main")).contains("Møte holdt uten referat", "Skole", "Meldt");
        browser.assertAccessible();
        browser.find("main").findElement(By.linkText("Møte holdt uten referat")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.text("h1").equals("Møte holdt uten referat"));
        assertThat(browser.text("main")).contains("Møtet i skuleteamet vart halde utan at det vart skrive referat.");
        browser.assertAccessible();
        browser.screenshot("leader-deviation");
    }
}
