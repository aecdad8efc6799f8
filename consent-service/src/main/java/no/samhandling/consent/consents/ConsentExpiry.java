package no.samhandling.consent.consents;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import no.samhandling.platform.cluster.ClusterJobs;

/** Ends consents after their last day, on the service's clock, so nobody has to remember to; in one instance at a time. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ConsentRules.class)
class ConsentExpiry {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);

    private final Consents consents;
    private final ClusterJobs jobs;
    private final Duration every;

    ConsentExpiry(Consents consents, ClusterJobs jobs, @Value("${samhandling.consent.expiry-interval:PT10M}") Duration every) {
        this.consents = consents;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(initialDelayString = "${samhandling.consent.expiry-initial-delay:PT30S}",
            fixedDelayString = "${samhandling.consent.expiry-interval:PT10M}")
    void expireEndedConsents() {
        jobs.runOnce("consent-expiry", every, this::expireHere);
    }

    private void expireHere() {
        int expired = consents.expireEndedConsents();
        if (expired > 0) {
            log.info("Ended {} consents whose last day had passed", expired);
        }
    }
}
