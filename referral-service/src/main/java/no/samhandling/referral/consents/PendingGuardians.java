package no.samhandling.referral.consents;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.platform.cluster.ClusterJobs;

/**
 * Asks consent-service again, in one instance at a time, for the guardians of consents that were kept without them
 * because it could not answer when the consent arrived ({@link ConsentDirectory#askAgainForGuardians}): from
 * {@code samhandling.referral.guardian-logins.backoff-initial} (1 s) doubling to {@code backoff-max} (5 min). How many
 * still wait is the gauge {@code samhandling.consents.guardians.pending}.
 */
@Component
class PendingGuardians {

    static final String GAUGE = "samhandling.consents.guardians.pending";

    private final ConsentDirectory consents;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration initialWait;
    private final Duration maxWait;

    PendingGuardians(ConsentDirectory consents, ClusterJobs jobs, Clock clock, MeterRegistry meters,
            @Value("${samhandling.referral.guardian-logins.poll-interval:1s}") Duration pollInterval,
            @Value("${samhandling.referral.guardian-logins.backoff-initial:1s}") Duration initialWait,
            @Value("${samhandling.referral.guardian-logins.backoff-max:5m}") Duration maxWait) {
        this.consents = consents;
        this.jobs = jobs;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.initialWait = initialWait;
        this.maxWait = maxWait;
        meters.gauge(GAUGE, consents, ConsentDirectory::pendingGuardianCount);
    }

    @Scheduled(fixedDelayString = "${samhandling.referral.guardian-logins.poll-interval:1s}")
    void askAgain() {
        jobs.runOnce("referral-guardian-logins", pollInterval,
                () -> consents.askAgainForGuardians(clock.instant(), 100, initialWait, maxWait));
    }
}
