package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import no.samhandling.local.Service;
import no.samhandling.platform.test.HttpApi;
import no.samhandling.system.LocalSystemExtension;
import tools.jackson.databind.JsonNode;

/**
 * The demo guardian of Aukra on a phone, against the whole local system: signs in through the
 * real login page, reads "Mitt barn" and who read the child's data in both languages, and
 * withdraws a consent by keyboard alone, after the confirmation step.
 */
@ExtendWith({LocalSystemExtension.class, OpenBrowser.class})
class GuardianPagesBrowserTest {

    static final String GATEWAY = Service.GATEWAY.browserUrl();
    static final String DEMO_CHILD = "Sofie Demodatter";

    @Test
    void theGuardianReadsTheConsentAndWhoReadTheChildsDataOnAPhoneInBothLanguages(Browser browser) {
        browser.phone();
        browser.signInAt(GATEWAY + "/mitt-barn", "guardian");

        WebElement child = section(browser, DEMO_CHILD);
        assertThat(child.getText()).contains("Gjelder nå", "At fagfolk fra flere tjenester kan snakke sammen",
                "I ett fast samarbeidsmøte i kommunen", "Språk", "Opplysninger fra helsejournalen", "Trekk tilbake samtykket");
        assertThat(browser.text(".brand__municipality")).isEqualTo("Aukra kommune");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("guardian-mitt-barn");
        browser.assertKeyboardReachesEveryControl();

        child.findElement(By.partialLinkText("Se hvem som har lest")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().endsWith("/lest"));
        assertThat(browser.text("main")).contains("Hvem har lest opplysningene om " + DEMO_CHILD, "coordinator, den som leder samarbeidsmøtet",
                "for å vurdere om samarbeidsmøtet skal ta saken");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("guardian-reads");

        browser.find("a.language-switch").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "nn".equals(browser.lang()));
        assertThat(browser.text("h1")).isEqualTo("Kven har lese opplysningane om " + DEMO_CHILD);
        browser.assertAccessible();
        browser.go(GATEWAY + "/mitt-barn");
        assertThat(browser.text("main")).contains("Gjeld no", "At fagfolk frå fleire tenester");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("guardian-mitt-barn-nynorsk");
    }

    @Test
    void theGuardianWithdrawsAConsentByKeyboardAfterTheConfirmationStep(Browser browser) {
        String childName = "Nettlesarprøve " + UUID.randomUUID().toString().substring(0, 6);
        String consentId = childWithConsent(childName);
        browser.phone();
        browser.signInAt(GATEWAY + "/mitt-barn", "guardian");

        browser.pressByKeyboard(section(browser, childName).findElement(By.linkText("Trekk tilbake samtykket")));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().endsWith("/trekk-tilbake"));
        assertThat(browser.text("h1")).isEqualTo("Vil du trekke tilbake samtykket?");
        assertThat(browser.text("main")).contains("kan ikke lenger snakke om " + childName + " med navn");
        assertThat(consentStatus(consentId)).isEqualTo("GRANTED");
        browser.assertNoHorizontalScroll().assertAccessible();
        browser.screenshot("guardian-withdraw-confirmation");

        browser.pressByKeyboard(browser.find("button.button--danger"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/mitt-barn"));
        assertThat(browser.text("main")).contains("Samtykket er trukket tilbake");
        assertThat(section(browser, childName).getText()).contains("Trukket tilbake").doesNotContain("Trekk tilbake samtykket");
        assertThat(consentStatus(consentId)).isEqualTo("WITHDRAWN");
        browser.assertAccessible();
    }

    private static WebElement section(Browser browser, String childName) {
        return browser.findAll("section.child").stream().filter(section -> section.findElement(By.tagName("h2")).getText().equals(childName))
                .findFirst().orElseThrow(() -> new AssertionError("no child " + childName + " on " + browser.driver().getCurrentUrl()));
    }

    /** Staff register a child of the demo guardian with a consent, as the intake does. */
    private static String childWithConsent(String name) {
        HttpApi staff = HttpApi.at(Service.CONSENT.baseUrl()).as(LocalSystemExtension.system().accessToken("demo-coordinator", "demo"));
        JsonNode subject = staff.post("/subjects", """
                {"name": "%s", "birthDate": "2020-02-02",
                 "guardians": [{"name": "Kari Demodatter", "email": "guardian@aukra.example", "parentalResponsibility": true,
                                "userId": "guardian", "language": "nb"}]}""".formatted(name)).json();
        HttpApi.Response consent = staff.post("/subjects/" + subject.get("id").asString() + "/consents", """
                {"legalArea": "EDUCATION", "decidedBy": {"guardianIds": ["%s"]},
                 "scope": {"arenaIds": ["arena-som-nettlesarprøva-gjeld"], "parties": ["SCHOOL", "PPT"], "purposeCode": "INTERDISCIPLINARY_DISCUSSION"},
                 "evidence": {"type": "SIGNED_FORM", "reference": "Nettlesarprøve"}}"""
                .formatted(subject.get("guardians").get(0).get("guardianId").asString()));
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        return consent.json().get("id").asString();
    }

    private static String consentStatus(String consentId) {
        return HttpApi.at(Service.CONSENT.baseUrl()).as(LocalSystemExtension.system().accessToken("demo-coordinator", "demo"))
                .get("/consents/" + consentId).json().get("status").asString();
    }
}
