package no.samhandling.reporting.figures;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import no.samhandling.platform.security.Caller;

/**
 * Figures for the leadership team. Only per-cell counts are published and no totals, so with
 * small counts suppressed no hidden cell can be worked out from the others.
 */
@RestController
@RequestMapping("/reports")
@Validated
class ReportController {

    private final ReferralFigures figures;
    private final Clock clock;
    private final int threshold;

    ReportController(ReferralFigures figures, Clock clock,
            @Value("${samhandling.reporting.suppression-threshold:5}") int threshold) {
        this.figures = figures;
        this.clock = clock;
        this.threshold = threshold;
    }

    @GetMapping("/referrals")
    @PreAuthorize("hasRole('LEADER')")
    ReferralReport referrals(@RequestParam(required = false) @Pattern(regexp = "\\d{4}") String year, Caller caller) {
        String reportYear = year != null ? year : String.valueOf(clock.instant().atZone(ZoneId.of("Europe/Oslo")).getYear());
        return new ReferralReport(caller.municipality(), reportYear, threshold,
                figures.submittedPerArenaAndMonth(caller.municipality(), reportYear).stream()
                        .map(cell -> cell.count() < threshold
                                ? new FigureCell(cell.arenaId(), cell.month(), null, FigureCell.Flag.SUPPRESSED)
                                : new FigureCell(cell.arenaId(), cell.month(), cell.count(), FigureCell.Flag.SHOWN))
                        .toList());
    }
}
