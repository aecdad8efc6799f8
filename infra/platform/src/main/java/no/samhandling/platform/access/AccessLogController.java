package no.samhandling.platform.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.platform.web.ProblemException;

/**
 * Every service's own access log, read-only: the chain check and the entries of a period for a
 * privacy officer of the municipality (or a service with the {@code audit} scope naming the
 * municipality), and the reads of one child for the guardian view ({@code audit} scope only).
 * Nothing here, or anywhere, changes or removes an entry.
 */
@RestController
@RequestMapping("/access-log")
@PreAuthorize(AccessLogController.REVIEWERS)
class AccessLogController {

    static final String REVIEWERS = "hasRole('PRIVACY_OFFICER') or hasAuthority('SCOPE_audit')";
    /** Days of the log are days in Norway. */
    static final ZoneId DAYS = ZoneId.of("Europe/Oslo");
    static final int LONGEST_PERIOD_DAYS = 366;

    private final AccessLog log;

    AccessLogController(AccessLog log) {
        this.log = log;
    }

    /** Whether the municipality's chain in this service is as written, or where it first is not. */
    @GetMapping("/verify")
    ChainCheck verify(@RequestParam(required = false) @Pattern(regexp = "\\d{4}") String municipality, @AuthenticationPrincipal Jwt token) {
        return log.verify(municipalityOf(token, municipality));
    }

    /** The entries from the first to the last day given (both included), oldest first. */
    @GetMapping("/entries")
    List<AccessLogEntry> entries(@RequestParam LocalDate from, @RequestParam LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "\\d{4}") String municipality, @AuthenticationPrincipal Jwt token) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "access-log.period-reversed");
        }
        if (to.isAfter(from.plusDays(LONGEST_PERIOD_DAYS))) {
            throw ProblemException.invalid("to", "access-log.period-too-long", LONGEST_PERIOD_DAYS);
        }
        return log.between(municipalityOf(token, municipality), from.atStartOfDay(DAYS).toInstant(),
                to.plusDays(1).atStartOfDay(DAYS).toInstant());
    }

    /** Who read one child's data here, for the guardian view that gathers it from every service. */
    @GetMapping("/reads")
    @PreAuthorize("hasAuthority('SCOPE_audit')")
    List<AccessLogEntry> reads(@RequestParam @Size(max = 64) String subjectId) {
        return log.readsOf(subjectId);
    }

    /**
     * A person's token is bound to its own municipality; a service's token has none and names the
     * municipality it asks about.
     */
    private static String municipalityOf(Jwt token, String requested) {
        String own = token.getClaimAsString("municipality");
        if (own != null) {
            if (requested != null && !requested.equals(own)) {
                throw new AccessDeniedException("A privacy officer reviews their own municipality only");
            }
            return own;
        }
        if (requested == null) {
            throw ProblemException.invalid("municipality", "access-log.municipality-required");
        }
        return requested;
    }
}
