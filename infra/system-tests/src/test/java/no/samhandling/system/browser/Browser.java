package no.samhandling.system.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * A person at a browser: Debian's Chromium, headless, driven by Selenium. Signs in through the
 * real login page of the authorization server (no test hands a browser a token), and checks each
 * page the way the law asks: axe-core's WCAG 2.1 A and AA rules with no violation, every control
 * reachable by keyboard with a visible focus, and no sideways scrolling on a 390 px phone.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The WCAG 2.1 levels Norwegian law requires of public-sector web solutions (A and AA). */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, saying why, where Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium is not installed (apt-get install -y chromium chromium-driver): the browser tests are skipped");
    }

    /** A fresh browser (no cookies, no history), in bokmål unless the page says otherwise. */
    public static Browser open() {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=nb");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
            Browser browser = new Browser(new ChromeDriver(service, options), profile);
            browser.desktop();
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Opens {@code url}; the gateway sends a stranger to the login page, where this signs in as
     * {@code user} (password "demo") as a person would, and the gateway then shows {@code url}.
     */
    public Browser signInAt(String url, String user) {
        driver.get(url);
        await().atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        String path = java.net.URI.create(url).getPath();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> java.net.URI.create(driver.getCurrentUrl()).getPath().equals(path));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(user + " signed in for " + url + " but is at " + driver.getCurrentUrl() + ": "
                    + driver.findElements(By.cssSelector("h1")).stream().map(WebElement::getText).findFirst().orElse("(no heading)"), e);
        }
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String lang() {
        return find("html").getAttribute("lang");
    }

    /** A desktop screen of 1366 × 900, the most common laptop size. */
    public Browser desktop() {
        return viewport(1366, 900, false);
    }

    /** A phone 390 px wide (iPhone 12 to 15). */
    public Browser phone() {
        return viewport(390, 844, true);
    }

    private Browser viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        return this;
    }

    /** axe-core's WCAG 2.1 A and AA rules find nothing on the page as it is now. */
    public Browser assertAccessible() {
        List<Rule> violations = accessibilityViolations();
        assertThat(violations).as("WCAG 2.1 AA violations on %s:%n%s", driver.getCurrentUrl(), describe(violations)).isEmpty();
        return this;
    }

    /** What axe-core's WCAG 2.1 A and AA rules find on the page as it is now. */
    public List<Rule> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        return results.getViolations();
    }

    /** The width of the whole document, scrolled sideways to its end, in CSS pixels. */
    public long pageWidth() {
        return ((Number) driver.executeScript("return document.scrollingElement.scrollWidth;")).longValue();
    }

    /** The innermost elements that reach beyond the window's right edge, as {@code tag#id.class (right edge)}, for a finding. */
    @SuppressWarnings("unchecked")
    public List<String> widerThanTheWindow() {
        return (List<String>) driver.executeScript("""
                // On a phone the window widens to what sticks out; the page's own width is the device's.
                const edge = Math.min(window.innerWidth, document.documentElement.clientWidth, screen.width);
                const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > edge + 0.5
                    && !e.closest('.skip-link'));
                return out.filter(e => !out.some(o => o !== e && e.contains(o))).slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
                        ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');""");
    }

    /** The width of the window's layout viewport, in CSS pixels. */
    public long windowWidth() {
        return ((Number) driver.executeScript("return window.innerWidth;")).longValue();
    }

    /** Whether the page moved the focus away from its start as it loaded (an element marked {@code data-focus-on-load}). */
    public boolean focusMovedOnLoad() {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.activeElement !== null && document.activeElement !== document.body || !!document.querySelector('[data-focus-on-load]');"));
    }

    /**
     * The first Tab from the top of the page reaches the skip link, with a visible focus, and Enter on
     * it puts the focus on the main content; empty when so, else what went wrong.
     */
    public java.util.Optional<String> skipLinkProblem() {
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keyboard = new Actions(driver);
        keyboard.sendKeys(Keys.TAB).perform();
        WebElement first = driver.switchTo().activeElement();
        if (!String.valueOf(first.getAttribute("class")).contains("skip-link")) {
            return java.util.Optional.of("the first Tab reaches " + describe(first) + ", not the skip link");
        }
        if (!focusIsVisible(first) || first.getRect().getX() < 0) {
            return java.util.Optional.of("the skip link has the focus but is not seen");
        }
        keyboard.sendKeys(Keys.ENTER).perform();
        String focused = driver.switchTo().activeElement().getTagName();
        return "main".equals(focused) ? java.util.Optional.empty()
                : java.util.Optional.of("Enter on the skip link puts the focus on " + focused + ", not main");
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                + rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    /** Nothing sticks out sideways: the page is no wider than the window. */
    public Browser assertNoHorizontalScroll() {
        long window = windowWidth();
        assertThat(pageWidth()).as("page width at a window of %d px on %s", window, driver.getCurrentUrl()).isLessThanOrEqualTo(window);
        return this;
    }

    /**
     * Tab from the top of the page through all of it: every link, button and field is reached in
     * the order of the page, and each shows where the focus is. A group of radio buttons is one stop,
     * as browsers make it (the arrow keys move within it, see {@link #chooseByKeyboard}). Returns
     * what got the focus, in order.
     */
    public List<String> assertKeyboardReachesEveryControl() {
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) driver.executeScript("""
                const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
                const tabStop = e => { if (e.type !== 'radio' || !e.name) return true;
                  const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === e.name && r.form === e.form);
                  return e === (group.find(r => r.checked) || group[0]); };
                return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
                  .filter(e => e.tabIndex >= 0 && !e.disabled && (visible(e) || e.classList.contains('skip-link')) && tabStop(e))
                  .map((e, i) => { e.setAttribute('data-control', String(i)); return String(i); });""");
        List<String> reached = new ArrayList<>();
        Actions keyboard = new Actions(driver);
        // A date field takes one Tab per part (day, month, year), so the budget allows a few per control.
        for (int i = 0; i < controls.size() * 4 + 5 && reached.size() < controls.size(); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            String control = focused.getAttribute("data-control");
            if (control == null || reached.contains(control)) {
                continue;
            }
            reached.add(control);
            assertThat(focusIsVisible(focused)).as("visible focus on %s of %s", describe(focused), driver.getCurrentUrl()).isTrue();
        }
        assertThat(reached).as("controls reached by Tab on %s", driver.getCurrentUrl()).containsExactlyElementsOf(controls);
        return reached;
    }

    /** Reaches {@code target} with Tab alone, from the top of the page, and presses Enter on it, as a keyboard user does. */
    public Browser pressByKeyboard(WebElement target) {
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 300; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(target)) {
                assertThat(focusIsVisible(target)).as("visible focus on %s", describe(target)).isTrue();
                keyboard.sendKeys(Keys.ENTER).perform();
                return this;
            }
        }
        throw new AssertionError("Tab never reached " + describe(target) + " on " + driver.getCurrentUrl());
    }

    /** Reaches the field with Tab alone and types into it. */
    public Browser typeByKeyboard(WebElement field, String text) {
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 300; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(field)) {
                keyboard.sendKeys(text).perform();
                return this;
            }
        }
        throw new AssertionError("Tab never reached " + describe(field) + " on " + driver.getCurrentUrl());
    }

    /**
     * Types a date into a date field as a keyboard user does: day, month and year as digits, in the
     * order the browser's own language shows them (Norwegian 31.12.2026; 12/31/2026 where Chromium
     * has only its English locale installed).
     */
    public Browser typeDateByKeyboard(WebElement field, java.time.LocalDate date) {
        String order = (String) driver.executeScript("""
                return new Intl.DateTimeFormat(undefined, {day: '2-digit', month: '2-digit', year: 'numeric'})
                  .formatToParts(new Date(2021, 8, 3)).filter(p => p.type !== 'literal').map(p => p.type).join(',');""");
        StringBuilder keys = new StringBuilder();
        for (String part : order.split(",")) {
            keys.append(switch (part) {
                case "day" -> String.format("%02d", date.getDayOfMonth());
                case "month" -> String.format("%02d", date.getMonthValue());
                default -> String.valueOf(date.getYear());
            });
        }
        typeByKeyboard(field, keys.toString());
        assertThat(field.getAttribute("value")).as("date typed into %s as %s", describe(field), order).isEqualTo(date.toString());
        return this;
    }

    /**
     * Types a time of day into a time field as a keyboard user does: hours and minutes as digits
     * (14:05 is 1405), or, where the browser's language counts hours in twelves, 0205 and PM.
     */
    public Browser typeTimeByKeyboard(WebElement field, java.time.LocalTime time) {
        boolean twelve = "h12".equals(driver.executeScript("return new Intl.DateTimeFormat(undefined, {hour: 'numeric'}).resolvedOptions().hourCycle;"));
        typeByKeyboard(field, twelve
                ? time.format(java.time.format.DateTimeFormatter.ofPattern("hhmm", java.util.Locale.ROOT)) + (time.getHour() < 12 ? "AM" : "PM")
                : time.format(java.time.format.DateTimeFormatter.ofPattern("HHmm")));
        assertThat(field.getAttribute("value")).as("time typed into %s", describe(field))
                .isEqualTo(time.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
        return this;
    }

    /** Reaches a checkbox with Tab alone and ticks (or unticks) it with the space bar. */
    public Browser toggleByKeyboard(WebElement checkbox) {
        focusByKeyboard(checkbox);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        return this;
    }

    /**
     * Chooses a radio button as a keyboard user does: Tab into its group, then the arrow keys until
     * it is the one chosen.
     */
    public Browser chooseByKeyboard(WebElement radio) {
        String group = radio.getAttribute("name");
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 300; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if ("radio".equals(focused.getAttribute("type")) && group.equals(focused.getAttribute("name"))) {
                keyboard.sendKeys(Keys.SPACE).perform();
                for (int step = 0; step < 20 && !driver.switchTo().activeElement().equals(radio); step++) {
                    keyboard.sendKeys(Keys.ARROW_DOWN).perform();
                }
                assertThat(radio.isSelected()).as("chose %s by keyboard", describe(radio)).isTrue();
                return this;
            }
        }
        throw new AssertionError("Tab never reached the group " + group + " on " + driver.getCurrentUrl());
    }

    /** Reaches a list box with Tab alone and moves through it with the arrow keys to the option with this text. */
    public Browser selectByKeyboard(WebElement select, String optionText) {
        focusByKeyboard(select);
        org.openqa.selenium.support.ui.Select options = new org.openqa.selenium.support.ui.Select(select);
        Actions keyboard = new Actions(driver);
        for (int step = 0; step < 60 && !options.getFirstSelectedOption().getText().equals(optionText); step++) {
            keyboard.sendKeys(Keys.ARROW_DOWN).perform();
        }
        assertThat(options.getFirstSelectedOption().getText()).as("chose by keyboard in %s", describe(select)).isEqualTo(optionText);
        return this;
    }

    private void focusByKeyboard(WebElement target) {
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 300; i++) {
            keyboard.sendKeys(Keys.TAB).perform();
            if (driver.switchTo().activeElement().equals(target)) {
                assertThat(focusIsVisible(target)).as("visible focus on %s", describe(target)).isTrue();
                return;
            }
        }
        throw new AssertionError("Tab never reached " + describe(target) + " on " + driver.getCurrentUrl());
    }

    private boolean focusIsVisible(WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript("""
                const s = getComputedStyle(arguments[0]);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');""",
                element));
    }

    private static String describe(WebElement element) {
        String text = element.getText();
        return element.getTagName() + (text == null || text.isBlank() ? "" : " \"" + text.strip() + "\"");
    }

    /** What the person sees in the window now, as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).isGreaterThan(5_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind harms nothing.
        }
    }
}
