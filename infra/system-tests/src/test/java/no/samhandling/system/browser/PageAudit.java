package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.deque.html.axecore.results.Rule;

/**
 * Checks pages the way Norwegian law asks of public-sector web solutions, in both written languages:
 * axe-core's WCAG 2.1 A and AA rules find nothing, the skip link is the first Tab stop and leads to the
 * main content, and on a 390 px phone the page is no wider than the window. Every finding of a whole
 * round of pages is gathered before the test fails, so one run shows them all; what was checked is
 * kept too, for the report.
 */
final class PageAudit {

    static final String GATEWAY = no.samhandling.local.Service.GATEWAY.browserUrl();
    /** Nynorsk first, so that the browser is left in bokmål, as it started. */
    static final List<String> LANGUAGES = List.of("nn", "nb");
    static final int PHONE_WIDTH = 390;

    private final List<String> findings = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    /** The page at {@code path} (on the gateway), in bokmål and in nynorsk. */
    PageAudit check(Browser browser, String who, String path) {
        return check(browser, who, path, null);
    }

    /**
     * The page at {@code path} in each language, after {@code then} has done something on it (a form
     * sent, a step taken); the page it leads to is what is checked.
     */
    PageAudit check(Browser browser, String who, String path, Consumer<Browser> then) {
        for (String lang : LANGUAGES) {
            browser.desktop().go(address(path, lang));
            try {
                await().atMost(Duration.ofSeconds(20)).until(browser::lang, org.hamcrest.Matchers.equalTo(lang));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                found("Language on " + who + " " + path + ": asked for " + lang + ", the page is in " + browser.lang());
            }
            if (then != null) {
                then.accept(browser);
            }
            String where = who + " " + browser.path() + " (" + lang + ")";
            checked.add(where);
            List<Rule> violations = browser.accessibilityViolations();
            if (!violations.isEmpty()) {
                found("WCAG 2.1 AA on " + where + ":\n" + Browser.describe(violations));
            }
            // A page that puts the focus somewhere itself (an error summary, a receipt's notice) starts the keyboard there.
            if (lang.equals(LANGUAGES.getFirst()) && !browser.focusMovedOnLoad()) {
                browser.skipLinkProblem().ifPresent(problem -> found("Keyboard on " + where + ": " + problem));
            }
            if (then == null) {
                browser.phone().go(address(path, lang));
            } else {
                browser.phone();
            }
            long width = browser.pageWidth();
            if (width > PHONE_WIDTH) {
                found("Phone on " + where + ": the page is " + width + " px wide in a window of " + PHONE_WIDTH + " px; sticking out: "
                        + browser.widerThanTheWindow());
            }
            browser.desktop();
        }
        return this;
    }

    /** A finding, kept for the end of the round and shown at once, should the round stop before its end. */
    private void found(String finding) {
        findings.add(finding);
        System.out.println("Finding: " + finding);
    }

    List<String> checked() {
        return checked;
    }

    /** Fails with every finding of the round at once. */
    void assertNoFindings() {
        System.out.println("Pages checked (axe WCAG 2.1 AA, skip link, " + PHONE_WIDTH + " px):\n  " + String.join("\n  ", checked));
        assertThat(findings).as("%d findings on %d pages:%n%s", findings.size(), checked.size(), String.join("\n", findings)).isEmpty();
    }

    /** A path on the gateway, or a whole address (the authorization server's login page), in the language. */
    static String address(String path, String lang) {
        return (path.startsWith("http") ? "" : GATEWAY) + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }
}
