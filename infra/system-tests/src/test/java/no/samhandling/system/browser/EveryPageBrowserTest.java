package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import no.samhandling.system.LocalSystemExtension;

/**
 * Every page of every role, on the demo data of the whole local system, signed in through the real
 * login page: axe-core's WCAG 2.1 A and AA rules find nothing in bokmål and in nynorsk, the skip link
 * is the first Tab stop, no page is wider than a 390 px phone, and each role's main form is reached
 * control by control with the keyboard and a visible focus. Pages are found by following the links a
 * person would, so a new page linked from these is found too. A round fails once, listing every
 * finding ({@link PageAudit}).
 */
@ExtendWith({LocalSystemExtension.class, OpenBrowser.class})
class EveryPageBrowserTest {

    static final String GATEWAY = PageAudit.GATEWAY;
    static final String PRESCHOOL_TEAM = "Tverrfagleg førskoleteam";
    static final String UUID_PATH = "[0-9a-f-]{36}";

    /**
     * The authorization server's login page (and its own language switch, {@code ?lang=}), and the
     * gateway's own 404 page for an unknown address, rendered in the container's error dispatch.
     */
    @Test
    void theLoginPageAndTheGatewaysOwn404PageInBothLanguages(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.go(GATEWAY + "/tall");
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findAll("#username").isEmpty());
        String login = loginPath(browser);
        audit.check(browser, "anyone", login).check(browser, "anyone", login + "?error"); // a wrong password
        browser.signInAt(GATEWAY + "/", "referrer");
        audit.check(browser, "staff", "/finnes-ikke"); // 404 from the gateway: no route
        audit.assertNoFindings();
    }

    @Test
    void theStartPageTheErrorPagesAndSignedOut(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/", "referrer");
        audit.check(browser, "staff", "/")
                .check(browser, "staff", "/tall") // 403: not a leader
                .check(browser, "staff", "/saker/" + UUID.randomUUID()); // 404: no such case, or not theirs
        browser.go(GATEWAY + "/tall");
        assertThat(browser.text("h1")).isEqualTo("Du har ikke tilgang til denne siden");
        browser.go(GATEWAY + "/finnes-ikke");
        assertThat(browser.text("h1")).isEqualTo("Vi finner ikke siden");

        browser.find("form.sign-out button").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.path().equals("/logget-ut"));
        audit.check(browser, "anyone", "/logget-ut");
        audit.assertNoFindings();
    }

    @Test
    void staffMeldInnMineSakerReceiptAndTheChildAndConsentOfANamedCase(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/meld-inn", "referrer");
        audit.check(browser, "staff", "/meld-inn");
        String arenas = "/meld-inn?enhet=KINDERGARTEN&alder=0-5&samtykke=nei";
        audit.check(browser, "staff", arenas);
        browser.go(GATEWAY + arenas);
        String form = pathOf(browser.find("main").findElement(By.linkText("Meld inn til " + PRESCHOOL_TEAM)));
        audit.check(browser, "staff", form)
                // The form sent empty: the error summary and every field's error.
                .check(browser, "staff", form, page -> {
                    page.find("button[value=meldInn]:not(.visually-hidden)").click();
                    await().atMost(Duration.ofSeconds(10)).until(() -> !page.findAll(".error-summary").isEmpty());
                });
        browser.go(GATEWAY + form);
        browser.assertKeyboardReachesEveryControl();

        audit.check(browser, "staff", "/saker");
        browser.go(GATEWAY + "/saker");
        String mine = link(browser, "/saker/" + UUID_PATH);
        audit.check(browser, "staff", mine).check(browser, "staff", mine + "/kvittering");

        String named = form.replace("samtykke=nei", "samtykke=ja");
        audit.check(browser, "staff", named);
        browser.go(GATEWAY + named);
        String children = pathOf(browser.find("main").findElement(By.linkText("Velg barn og samtykke")));
        audit.check(browser, "staff", children);
        browser.go(GATEWAY + children);
        String register = pathOf(browser.find("main").findElement(By.linkText("Registrer et nytt barn")));
        audit.check(browser, "staff", register).check(browser, "staff", register, page -> {
            page.find("main form button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).until(() -> !page.findAll(".error-summary").isEmpty());
        });
        // A child registered on the way, as in a named intake: then the page of the child's consent.
        browser.go(GATEWAY + register);
        browser.find("#name").sendKeys("Ada Sidesjekk");
        browser.driver().executeScript("arguments[0].value = '2020-02-02';", browser.find("#birthDate"));
        browser.find("#guardians-0-name").sendKeys("Kari Sidesjekk");
        browser.find("#guardians-0-email").sendKeys("kari.sidesjekk@aukra.example");
        browser.find("input[name='guardians[0].language'][value=nb]").click();
        browser.find("main form button[type=submit]").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().matches("/barn/" + UUID_PATH + "/samtykke"));
        audit.check(browser, "staff", here(browser));
        browser.go(GATEWAY + here(browser));
        browser.assertKeyboardReachesEveryControl();
        audit.assertNoFindings();
    }

    @Test
    void theCoordinatorsCasesCasePageCalendarMeetingMinutesAndMembers(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/saker", "coordinator");
        audit.check(browser, "coordinator", "/saker");
        String namedCase = namedCaseOfTheDemoGuardian(browser);
        audit.check(browser, "coordinator", namedCase)
                // The child's data opened for a stated purpose.
                .check(browser, "coordinator", namedCase, page -> {
                    page.find("#purpose input[type=radio]").click();
                    page.find("form[action$='/personopplysninger'] button").click();
                    await().atMost(Duration.ofSeconds(10)).until(() -> !page.findAll("#personopplysninger dl.facts").isEmpty());
                });
        browser.go(GATEWAY + namedCase);
        browser.assertKeyboardReachesEveryControl();
        browser.go(GATEWAY + "/saker");
        audit.check(browser, "coordinator", link(browser, "/saker/" + UUID_PATH));

        audit.check(browser, "coordinator", "/moter");
        browser.go(GATEWAY + "/moter");
        String meeting = link(browser, "/moter/" + UUID_PATH);
        audit.check(browser, "coordinator", meeting).check(browser, "coordinator", meeting + "/referat");
        browser.go(GATEWAY + meeting + "/referat");
        browser.assertKeyboardReachesEveryControl();

        audit.check(browser, "coordinator", "/arenaer");
        browser.go(GATEWAY + "/arenaer");
        String arena = link(browser, "/arenaer/" + UUID_PATH);
        audit.check(browser, "coordinator", arena).check(browser, "coordinator", "/moter?arena=" + arena.substring("/arenaer/".length()));
        browser.go(GATEWAY + arena);
        browser.assertKeyboardReachesEveryControl();
        audit.assertNoFindings();
    }

    @Test
    void theMembersArenasMeetingsAndCases(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/moter", "member");
        audit.check(browser, "member", "/moter").check(browser, "member", "/arenaer");
        browser.go(GATEWAY + "/arenaer");
        audit.check(browser, "member", link(browser, "/arenaer/" + UUID_PATH));
        browser.go(GATEWAY + "/moter");
        String meeting = link(browser, "/moter/" + UUID_PATH);
        audit.check(browser, "member", meeting);
        browser.go(GATEWAY + meeting);
        browser.assertKeyboardReachesEveryControl();
        audit.check(browser, "member", "/saker");
        browser.go(GATEWAY + "/saker");
        audit.check(browser, "member", link(browser, "/saker/" + UUID_PATH));
        audit.assertNoFindings();
    }

    @Test
    void theGuardiansAndTheYouthsMittBarn(Browser guardian) {
        PageAudit audit = new PageAudit();
        guardian.signInAt(GATEWAY + "/mitt-barn", "guardian");
        mittBarn(guardian, "guardian", audit);
        try (Browser youth = Browser.open()) {
            youth.signInAt(GATEWAY + "/mitt-barn", "youth");
            mittBarn(youth, "youth", audit);
        }
        audit.assertNoFindings();
    }

    private static void mittBarn(Browser browser, String who, PageAudit audit) {
        audit.check(browser, who, "/mitt-barn");
        browser.go(GATEWAY + "/mitt-barn");
        browser.assertKeyboardReachesEveryControl();
        audit.check(browser, who, link(browser, "/mitt-barn/" + UUID_PATH + "/lest"));
        browser.go(GATEWAY + "/mitt-barn");
        audit.check(browser, who, link(browser, "/mitt-barn/samtykke/" + UUID_PATH + "/trekk-tilbake"));
    }

    @Test
    void theLeadersFiguresSystemCasesAndDeviationsInAukraAndMelhus(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/tall", "leader");
        // The demo's past months are published: the dashboard shows the latest release, not an empty page.
        browser.screenshot("leader");
        audit.check(browser, "leader", "/tall");
        browser.go(GATEWAY + "/tall");
        List<String> periods = browser.findAll("#period option").stream().map(option -> option.getAttribute("value")).toList();
        for (String period : periods) {
            audit.check(browser, "leader", "/tall?period=" + period);
        }
        audit.check(browser, "leader", "/systemsaker");
        browser.go(GATEWAY + "/systemsaker");
        String systemCase = link(browser, "/systemsaker/" + UUID_PATH);
        audit.check(browser, "leader", systemCase);
        audit.check(browser, "leader", "/avvik");
        browser.go(GATEWAY + "/avvik");
        String deviation = link(browser, "/avvik/" + UUID_PATH);
        audit.check(browser, "leader", deviation);
        browser.go(GATEWAY + deviation);
        browser.assertKeyboardReachesEveryControl();

        try (Browser melhus = Browser.open()) {
            melhus.signInAt(GATEWAY + "/tall", "melhus-leader");
            assertThat(melhus.text(".brand__municipality")).isEqualTo("Melhus kommune");
            melhus.screenshot("leader-melhus");
            audit.check(melhus, "melhus-leader", "/tall");
        }
        audit.assertNoFindings();
    }

    @Test
    void thePrivacyOfficersReview(Browser browser) {
        PageAudit audit = new PageAudit();
        browser.signInAt(GATEWAY + "/tilgangslogg", "privacy-officer");
        audit.check(browser, "privacy-officer", "/tilgangslogg");
        browser.go(GATEWAY + "/tilgangslogg");
        audit.check(browser, "privacy-officer", pathOf(browser.find("main").findElement(By.linkText("coordinator"))));
        audit.assertNoFindings();
    }

    /** The demo guardian's accepted case in the preschool team, the one named case of the demo data. */
    private static String namedCaseOfTheDemoGuardian(Browser coordinator) {
        coordinator.go(GATEWAY + "/saker");
        for (WebElement row : coordinator.findAll("main tbody tr")) {
            if (row.getText().contains("Med samtykke") || row.getText().contains("Med namn") || row.getText().contains("Med navn")) {
                return pathOf(row.findElement(By.cssSelector("a[href*='/saker/']")));
            }
        }
        throw new AssertionError("no named case on the coordinator's /saker:\n" + coordinator.text("main"));
    }

    /** The first link on the page's main content whose path matches. */
    private static String link(Browser browser, String pathPattern) {
        return browser.findAll("main a[href]").stream().map(EveryPageBrowserTest::pathOf)
                .filter(path -> URI.create(GATEWAY + path).getPath().matches(pathPattern)).findFirst()
                .orElseThrow(() -> new AssertionError("no link to " + pathPattern + " on " + browser.driver().getCurrentUrl()));
    }

    /** The path and query of a link, without the language, which the audit chooses. */
    private static String pathOf(WebElement link) {
        return pathOf(URI.create(link.getAttribute("href")));
    }

    private static String pathOf(URI uri) {
        String query = uri.getRawQuery() == null ? null : String.join("&",
                java.util.Arrays.stream(uri.getRawQuery().split("&")).filter(part -> !part.startsWith("lang=")).toList());
        return uri.getRawPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** Where the browser is, as a path and query without the language. */
    private static String here(Browser browser) {
        return pathOf(URI.create(browser.driver().getCurrentUrl()));
    }

    private static String loginPath(Browser browser) {
        URI uri = URI.create(browser.driver().getCurrentUrl());
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
    }
}
