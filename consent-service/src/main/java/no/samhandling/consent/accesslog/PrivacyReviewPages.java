package no.samhandling.consent.accesslog;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.platform.security.Caller;
import no.samhandling.web.PageController;

/**
 * The privacy officer's review as pages ({@code /tilgangslogg}, behind the gateway): a period's
 * users with their flags and every service's chain check, and one user's entries. The last 30 days
 * unless a period is chosen. Everything comes from {@link PrivacyReview}, as for the API.
 */
@PageController
@RequestMapping("/tilgangslogg")
@PreAuthorize(PrivacyReviewController.PRIVACY_OFFICERS)
class PrivacyReviewPages {

    static final int DEFAULT_DAYS = 30;

    private final PrivacyReview review;
    private final Clock clock;

    PrivacyReviewPages(PrivacyReview review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    @GetMapping
    String review(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller, Model model) {
        LocalDate last = to == null ? ConsentCoverage.today(clock) : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
        model.addAttribute("review", review.review(caller, first, last));
        return "accesslog/review";
    }

    @GetMapping("/{userId}")
    String user(@PathVariable String userId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Caller caller, Model model) {
        model.addAttribute("user", review.user(caller, userId, from, to));
        return "accesslog/user";
    }
}
