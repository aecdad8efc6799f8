package no.samhandling.referral.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/**
 * The demo data's past: anonymous cases dated in the previous months, so that a fresh demo has closed
 * months whose releases a leader can read. Nobody else may date a case: staff submit cases now, and
 * this endpoint exists only where {@code samhandling.referral.demo-history.enabled} is true (the local
 * runtime sets it) and never under the production profile, whatever the setting says. An administrator
 * of the municipality imports it, into arenas that take anonymous cases from the unit, as intake does.
 */
@RestController
@ConditionalOnBooleanProperty("samhandling.referral.demo-history.enabled")
@Profile("!production")
class DemoHistory {

    /** How far back the history may go: the releases of this year and the last two. */
    static final Duration FURTHEST_BACK = Duration.ofDays(3 * 366);

    private final Intake intake;
    private final Clock clock;

    DemoHistory(Intake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * One case of the history.
     *
     * @param closedAt when the case was concluded, or null while it is still open
     * @param closeReasonCode why it was closed, one of the close reasons of the case page; with {@code closedAt}
     */
    record HistoricReferral(@NotNull @Valid SubmitReferral referral, @NotNull Instant submittedAt, Instant closedAt,
            @Size(max = 64) String closeReasonCode) {
    }

    record Request(@NotEmpty @Size(max = 2_000) List<@NotNull @Valid HistoricReferral> referrals) {
    }

    record Imported(int imported) {
    }

    @PostMapping("/referrals/demo-history")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importHistory(@Valid @RequestBody Request request, Caller caller) {
        Instant now = clock.instant();
        for (int i = 0; i < request.referrals().size(); i++) {
            HistoricReferral item = request.referrals().get(i);
            String prefix = "referrals[" + i + "].";
            if (!item.submittedAt().isBefore(now) || item.submittedAt().isBefore(now.minus(FURTHEST_BACK))) {
                throw ProblemException.invalid(prefix + "submittedAt", "referral.history-submitted-at");
            }
            if (item.closedAt() != null && (!item.closedAt().isAfter(item.submittedAt()) || !item.closedAt().isBefore(now))) {
                throw ProblemException.invalid(prefix + "closedAt", "referral.history-closed-at");
            }
            if ((item.closedAt() == null) != (item.closeReasonCode() == null)
                    || item.closeReasonCode() != null && !CasePages.CLOSE_REASONS.contains(item.closeReasonCode())) {
                throw ProblemException.invalid(prefix + "closeReasonCode", "referral.history-close-reason", String.join(", ", CasePages.CLOSE_REASONS));
            }
        }
        return new Imported(intake.importHistory(caller, request.referrals()).size());
    }
}
