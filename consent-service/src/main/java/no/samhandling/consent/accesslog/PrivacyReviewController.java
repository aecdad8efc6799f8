package no.samhandling.consent.accesslog;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Size;
import no.samhandling.platform.security.Caller;

/** {@code GET /access-review}: the privacy officer's review of their municipality's access logs, per user and period. */
@RestController
@RequestMapping("/access-review")
@PreAuthorize(PrivacyReviewController.PRIVACY_OFFICERS)
class PrivacyReviewController {

    /** Who reviews; shared with the pages. */
    static final String PRIVACY_OFFICERS = "hasRole('PRIVACY_OFFICER')";

    private final PrivacyReview review;

    PrivacyReviewController(PrivacyReview review) {
        this.review = review;
    }

    @GetMapping
    PrivacyReview.Review review(@RequestParam LocalDate from, @RequestParam LocalDate to, Caller caller) {
        return review.review(caller, from, to);
    }

    @GetMapping("/users/{userId}")
    PrivacyReview.UserEntries user(@PathVariable @Size(max = 200) String userId, @RequestParam LocalDate from, @RequestParam LocalDate to,
            Caller caller) {
        return review.user(caller, userId, from, to);
    }
}
