package no.samhandling.reporting.exports;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.reporting.figures.FigureService;
import no.samhandling.reporting.figures.FiguresReport;
import no.samhandling.reporting.figures.Labels;
import no.samhandling.reporting.figures.Period;
import no.samhandling.reporting.figures.ReportViews;
import no.samhandling.reporting.figures.TableView;
import no.samhandling.web.Municipalities;

/**
 * The yearly report for the municipal council ({@code 2026}) and the half-year report for the
 * committee ({@code 2026-VAR}, {@code 2026-HAUST}), as PDF and CSV, with the same disclosure
 * control as every other figure. Served under the API and under the leaders' pages
 * ({@code /tall/rapporter/…}, through the gateway).
 */
@RestController
class PeriodReportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final List<String> CSV_COLUMNS = List.of("report", "table", "row", "column", "value", "flag");

    private final FigureService figures;
    private final ReportViews views;
    private final Labels labels;
    private final Municipalities municipalities;

    PeriodReportController(FigureService figures, ReportViews views, Labels labels, Municipalities municipalities) {
        this.figures = figures;
        this.views = views;
        this.labels = labels;
        this.municipalities = municipalities;
    }

    @GetMapping({"/reports/periods/{period}.pdf", "/tall/rapporter/{period}.pdf"})
    @PreAuthorize("hasRole('LEADER')")
    ResponseEntity<byte[]> pdf(@PathVariable String period, @RequestParam(required = false) String lang,
            @RequestHeader(value = "Accept-Language", required = false) String accept, Caller caller) {
        Report report = report(period, lang != null ? lang : accept, caller);
        byte[] pdf = PdfReport.write(report.title(), labels.text("report.generated", report.locale(),
                municipalities.displayName(report.municipality(), report.locale()),
                figures.threshold()) + " " + labels.text("dashboard.legend", report.locale(), figures.threshold()), report.tables());
        return download(pdf, MediaType.APPLICATION_PDF, report.fileName() + ".pdf");
    }

    @GetMapping({"/reports/periods/{period}.csv", "/tall/rapporter/{period}.csv"})
    @PreAuthorize("hasRole('LEADER')")
    ResponseEntity<byte[]> csv(@PathVariable String period, @RequestParam(required = false) String lang,
            @RequestHeader(value = "Accept-Language", required = false) String accept, Caller caller) {
        Report report = report(period, lang != null ? lang : accept, caller);
        List<String> header = CSV_COLUMNS.stream().map(column -> labels.text("report.csv." + column, report.locale())).toList();
        return download(CsvReport.write(report.title(), report.tables(), header), CSV, report.fileName() + ".csv");
    }

    private Report report(String code, String language, Caller caller) {
        Period period = parse(code);
        Locale locale = Labels.language(language);
        String municipality = caller.municipality();
        FiguresReport figuresReport = figures.report(municipality, period, null);
        List<TableView> tables = views.tables(figuresReport, null, period, locale);
        String title = period.half() == null ? labels.text("report.yearly.title", locale, String.valueOf(period.year()))
                : labels.text("report.half.title", locale, labels.period(period, locale));
        return new Report(municipality, locale, title, tables, "samhandling-" + municipality + "-" + period.code());
    }

    private static Period parse(String code) {
        if (code.matches("\\d{4}")) {
            return Period.year(Integer.parseInt(code));
        }
        if (code.matches("\\d{4}-(VAR|HAUST)")) {
            return new Period(Integer.parseInt(code.substring(0, 4)), Period.Half.valueOf(code.substring(5)));
        }
        throw ProblemException.invalid("period", "reporting.period.invalid");
    }


    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private record Report(String municipality, Locale locale, String title, List<TableView> tables, String fileName) {
    }
}
