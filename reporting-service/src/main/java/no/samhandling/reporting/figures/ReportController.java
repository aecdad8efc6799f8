package no.samhandling.reporting.figures;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.reporting.releases.Release;
import no.samhandling.reporting.releases.ReleasePeriod;
import no.samhandling.reporting.releases.Releases;

/** Figures for the leadership team of the caller's municipality, as its releases published them. */
@RestController
@RequestMapping("/reports")
@Validated
class ReportController {

    private final FigureService figures;
    private final Releases releases;
    private final Clock clock;

    ReportController(FigureService figures, Releases releases, Clock clock) {
        this.figures = figures;
        this.releases = releases;
        this.clock = clock;
    }

    /** Every figure of a year or half-year; {@code arenaId} narrows the tables per arena to that arena. */
    @GetMapping("/figures")
    @PreAuthorize("hasRole('LEADER')")
    FiguresReport figures(@RequestParam(required = false) @Pattern(regexp = "\\d{4}") String year,
            @RequestParam(required = false) @Pattern(regexp = "VAR|HAUST") String half,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String arenaId, Caller caller) {
        int reportYear = year != null ? Integer.parseInt(year) : Period.halfContaining(clock.instant()).year();
        Period period = new Period(reportYear, half == null ? null : Period.Half.valueOf(half));
        return figures.report(caller.municipality(), period, arenaId);
    }

    /** The releases of a year published so far, in publication order, each exactly as published. */
    @GetMapping("/releases")
    @PreAuthorize("hasRole('LEADER')")
    List<Release> releases(@RequestParam(required = false) @Pattern(regexp = "\\d{4}") String year, Caller caller) {
        int releaseYear = year != null ? Integer.parseInt(year) : Period.halfContaining(clock.instant()).year();
        return releases.ofYear(caller.municipality(), releaseYear);
    }

    /** One release ({@code 2026-03}, {@code 2026-VAR}, {@code 2026}) exactly as published; 404 until it is. */
    @GetMapping("/releases/{period}")
    @PreAuthorize("hasRole('LEADER')")
    Release release(@PathVariable String period, Caller caller) {
        ReleasePeriod parsed = ReleasePeriod.parse(period);
        if (parsed == null) {
            throw ProblemException.invalid("period", "reporting.release.invalid");
        }
        return releases.release(caller.municipality(), parsed)
                .orElseThrow(() -> ProblemException.notFound("release", parsed.code()));
    }
}
