package no.samhandling.referral.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import no.samhandling.events.referral.AnonymisationReason;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.platform.cluster.ClusterJobs;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.retention.RetentionMetrics;
import no.samhandling.referral.consents.ConsentDirectory;

/**
 * Applies {@link Retention} once a day, in one instance at a time: a named case that ended longer ago than the
 * period of its legal basis loses its personal data, its child and its guardians, and says so with
 * ReferralAnonymised (reason RETENTION_EXPIRED), as when its consent ends. Each run counts what it anonymised in
 * {@code samhandling.retention.anonymised{data="closed-cases"}} and stamps {@code samhandling.retention.last-run}.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(Retention.class)
class PersonalDataRetention {

    static final String DATA = "closed-cases";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final List<String> ENDED = List.of(Referral.Status.RETURNED.name(), Referral.Status.CLOSED.name(),
            Referral.Status.ESCALATED.name(), Referral.Status.WITHDRAWN.name());

    private final AggregateStore<Referral> referrals;
    private final ConsentDirectory consents;
    private final Retention retention;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final RetentionMetrics.Job metrics;

    PersonalDataRetention(AggregateStores stores, ConsentDirectory consents, Retention retention, ClusterJobs jobs, Clock clock,
            RetentionMetrics metrics) {
        this.referrals = stores.of(Referral.class);
        this.consents = consents;
        this.retention = retention;
        this.jobs = jobs;
        this.clock = clock;
        this.metrics = metrics.job(DATA, RetentionMetrics.Effect.ANONYMISED);
    }

    @Scheduled(initialDelayString = "${samhandling.referral.retention.initial-delay:PT5M}",
            fixedDelayString = "${samhandling.referral.retention.interval:PT24H}")
    void applyRetention() {
        jobs.runOnce("referral-retention", retention.interval(), this::anonymiseExpiredCases);
    }

    /** @return how many cases were anonymised */
    int anonymiseExpiredCases() {
        Instant now = clock.instant();
        ZonedDateTime today = now.atZone(OSLO);
        // Only cases past the shortest period can be due; each is then held to its own basis's period.
        Instant earliestDue = retention.personalDataAfterEnd().values().stream()
                .map(period -> today.minus(period).toInstant())
                .reduce(today.minus(retention.forPurpose(null)).toInstant(), (a, b) -> a.isAfter(b) ? a : b);
        List<Referral> candidates = referrals.find(Query.query(Criteria.where("basis").is(DiscussionBasis.NAMED.name())
                .and("anonymisedAt").isNull().and("status").in(ENDED)
                .orOperator(Criteria.where("endedAt").lt(earliestDue),
                        Criteria.where("endedAt").isNull().and("submittedAt").lt(earliestDue))));
        int anonymised = 0;
        for (Referral referral : candidates) {
            String purpose = consents.find(referral.municipality(), referral.consentId())
                    .map(ConsentDirectory.KnownConsent::purposeCode).orElse(null);
            Instant due = today.minus(retention.forPurpose(purpose)).toInstant();
            if (referral.endedBefore(due) && referral.anonymise(AnonymisationReason.RETENTION_EXPIRED, false, now)) {
                referrals.save(referral);
                anonymised++;
            }
        }
        metrics.ran(anonymised);
        if (anonymised > 0) {
            log.info("Anonymised {} ended cases past their retention period", anonymised);
        }
        return anonymised;
    }
}
