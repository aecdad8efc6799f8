package no.samhandling.reporting.figures;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import no.samhandling.platform.security.Caller;
import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.disclosure.Flag;
import no.samhandling.reporting.disclosure.ProtectedTable;

/** Figures for the leadership team of the caller's municipality, after disclosure control. */
@RestController
@RequestMapping("/reports")
@Validated
class ReportController {

    private final FigureService figures;
    private final Clock clock;

    ReportController(FigureService figures, Clock clock) {
        this.figures = figures;
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

    /** Referrals per arena and month of a year, one cell each; shown zeros are left out. */
    @GetMapping("/referrals")
    @PreAuthorize("hasRole('LEADER')")
    ReferralCells referrals(@RequestParam(required = false) @Pattern(regexp = "\\d{4}") String year, Caller caller) {
        int reportYear = year != null ? Integer.parseInt(year) : Period.halfContaining(clock.instant()).year();
        ProtectedTable table = figures.referralsByArenaAndMonth(caller.municipality(), reportYear);
        List<ReferralCells.ArenaMonth> cells = new ArrayList<>();
        for (int row = 0; row < table.rows().size(); row++) {
            for (int column = 0; column < table.columns().size(); column++) {
                Cell cell = table.cell(row, column);
                if (cell.flag() != Flag.SHOWN || cell.count() != 0) {
                    cells.add(new ReferralCells.ArenaMonth(table.rows().get(row), table.columns().get(column), cell.count(), cell.flag()));
                }
            }
        }
        return new ReferralCells(caller.municipality(), String.valueOf(reportYear), figures.threshold(), cells);
    }

    record ReferralCells(String municipality, String year, int suppressionThreshold, List<ArenaMonth> cells) {

        record ArenaMonth(String arenaId, String month, Long value, Flag flag) {
        }
    }
}
