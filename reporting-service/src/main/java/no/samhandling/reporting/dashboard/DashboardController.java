package no.samhandling.reporting.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.platform.security.Caller;
import no.samhandling.reporting.figures.FigureService;
import no.samhandling.reporting.figures.FiguresReport;
import no.samhandling.reporting.figures.Labels;
import no.samhandling.reporting.figures.Period;
import no.samhandling.reporting.figures.ReportViews;
import no.samhandling.reporting.figures.TableView;
import no.samhandling.reporting.projection.Counters;
import no.samhandling.reporting.releases.RunningMonth;
import no.samhandling.web.Municipalities;
import no.samhandling.web.PageController;

/**
 * The leaders' dashboard ({@code /tall}, behind the gateway): the chosen half-year (the current one
 * by default) beside the one before, as server-rendered tables with small charts drawn over them
 * in the browser. The caller's municipality comes from the relayed token, as for the API. Every
 * figure is a published release's; of the month still running only a coarse count is shown, or
 * nothing (see {@link RunningMonth}), with the day its release will be made.
 */
@PageController
class DashboardController {

    private final FigureService figures;
    private final ReportViews views;
    private final Labels labels;
    private final Municipalities municipalities;
    private final Clock clock;

    DashboardController(FigureService figures, ReportViews views, Labels labels, Municipalities municipalities, Clock clock) {
        this.figures = figures;
        this.views = views;
        this.labels = labels;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/tall")
    @PreAuthorize("hasRole('LEADER')")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String arenaId,
            Caller caller, Model model) {
        String municipality = caller.municipality();
        Locale locale = LocaleContextHolder.getLocale();
        Period current = Period.halfContaining(clock.instant());
        Period chosen = parse(period, current);
        Map<String, String> arenas = figures.arenaOptions(municipality, chosen.year());
        String arena = arenaId != null && arenas.containsKey(arenaId) ? arenaId : null;
        FiguresReport report = figures.report(municipality, chosen, arena);
        FiguresReport previous = figures.report(municipality, chosen.previousHalf(), arena);
        List<TableView> tables = views.tables(report, previous, chosen, locale);

        model.addAttribute("municipalityName", municipalities.displayName(municipality, locale));
        model.addAttribute("threshold", figures.threshold());
        model.addAttribute("period", chosen.code());
        model.addAttribute("periodName", labels.period(chosen, locale));
        model.addAttribute("periods", periodOptions(current, locale));
        model.addAttribute("arenas", arenas);
        model.addAttribute("arenaId", arena);
        model.addAttribute("tables", tables);
        model.addAttribute("running", running(report.runningMonth(), locale));
        return "dashboard";
    }

    /** The running month as the page words it: its name, the coarse count if shown, and the day its release is made. */
    private static Running running(RunningMonth month, Locale locale) {
        YearMonth yearMonth = YearMonth.parse(month.month());
        String name = yearMonth.format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
        String publishedOn = month.publishedFrom().atZone(Counters.OSLO).toLocalDate().format(DateTimeFormatter.ofPattern("d. MMMM yyyy", locale));
        return new Running(name, month.atLeast(), month.fewerThan(), publishedOn);
    }

    private List<Option> periodOptions(Period current, Locale locale) {
        List<Option> options = new ArrayList<>();
        Period half = current;
        for (int i = 0; i < 6; i++) {
            options.add(new Option(half.code(), labels.period(half, locale)));
            half = half.previousHalf();
        }
        for (int year = current.year(); year > current.year() - 3; year--) {
            options.add(new Option(String.valueOf(year), labels.period(Period.year(year), locale)));
        }
        return options;
    }

    static Period parse(String code, Period fallback) {
        if (code == null || code.isBlank()) {
            return fallback;
        }
        if (code.matches("\\d{4}")) {
            return Period.year(Integer.parseInt(code));
        }
        if (code.matches("\\d{4}-(VAR|HAUST)")) {
            return new Period(Integer.parseInt(code.substring(0, 4)), Period.Half.valueOf(code.substring(5)));
        }
        return fallback;
    }

    record Option(String value, String label) {
    }

    /** @param atLeast and {@code fewerThan}: both null when the running month is not shown at all */
    record Running(String month, Long atLeast, Long fewerThan, String publishedOn) {
    }
}
