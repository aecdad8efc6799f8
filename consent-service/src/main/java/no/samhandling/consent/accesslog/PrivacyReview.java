package no.samhandling.consent.accesslog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.access.AccessLog;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.ChainCheck;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * The privacy officer's review of their own municipality (Normen: the controller follows up the
 * access log): the reads of a period in every service, per user with flags ({@link AccessReview}),
 * each service's chain checked, and one user's entries in full. It lives here, where the guardians'
 * view already gathers every service's log with this service's audit token; each service keeps its
 * own log and chain, and this only reads them.
 */
@Service
@EnableConfigurationProperties(ReviewRules.class)
public class PrivacyReview {

    static final int LONGEST_PERIOD_DAYS = 366;

    private final AccessLogs logs;
    private final ReviewRules rules;
    private final Subjects subjects;
    private final String ownService;

    PrivacyReview(AccessLogs logs, ReviewRules rules, Subjects subjects, AccessLog own) {
        this.subjects = subjects;
        this.ownService = own.service();
        this.logs = logs;
        this.rules = rules;
    }

    /**
     * @param chains every service's chain check, with the hash of its last entry: kept with the review, it anchors the chains
     * @param complete false when a service had more entries in the period than one answer holds: choose a shorter period
     */
    public record Review(String municipality, LocalDate from, LocalDate to, List<ChainCheck> chains, List<AccessReview.UserReview> users,
            boolean complete) {
    }

    /** One user's period: the review of it and every entry, oldest first. */
    public record UserEntries(String userId, LocalDate from, LocalDate to, AccessReview.UserReview review, List<AccessLogEntry> entries) {
    }

    public Review review(Caller caller, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        try {
            List<ChainCheck> chains = logs.verify(caller.municipality());
            AccessLogs.Period period = logs.between(caller.municipality(), from, to);
            return new Review(caller.municipality(), from, to, chains,
                    AccessReview.review(period.entries(), rules, childOf(caller.municipality())), period.complete());
        } catch (AccessLogsUnavailableException e) {
            throw unavailable();
        }
    }

    public UserEntries user(Caller caller, String userId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        try {
            List<AccessLogEntry> entries = logs.between(caller.municipality(), from, to).entries().stream()
                    .filter(entry -> userId.equals(entry.userId())).toList();
            return new UserEntries(userId, from, to, AccessReview.reviewOf(userId, entries, rules, childOf(caller.municipality())), entries);
        } catch (AccessLogsUnavailableException e) {
            throw unavailable();
        }
    }

    /**
     * The child of an entry by one id: this service logs a child by its subject id, the others by its topic id, so this
     * service's entries count under the topic id while the child has one (an erased child has none any more).
     */
    private Function<AccessLogEntry, String> childOf(String municipality) {
        Map<String, String> topicIds = new HashMap<>();
        return entry -> entry.subjectId() == null || !ownService.equals(entry.service()) ? entry.subjectId()
                : topicIds.computeIfAbsent(entry.subjectId(), id -> subjects.topicIdOf(municipality, id).orElse(id));
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "access-log.period-reversed");
        }
        if (to.isAfter(from.plusDays(LONGEST_PERIOD_DAYS))) {
            throw ProblemException.invalid("to", "access-log.period-too-long", LONGEST_PERIOD_DAYS);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("access-log-unavailable"),
                "problem.access-log-unavailable", null, Map.of());
    }
}
