package no.samhandling.consent.consents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Ends consents after their last day, on the service's clock, so nobody has to remember to. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ConsentRules.class)
class ConsentExpiry {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);

    private final Consents consents;

    ConsentExpiry(Consents consents) {
        this.consents = consents;
    }

    @Scheduled(initialDelayString = "${samhandling.consent.expiry-initial-delay:PT30S}",
            fixedDelayString = "${samhandling.consent.expiry-interval:PT10M}")
    void expireEndedConsents() {
        int expired = consents.expireEndedConsents();
        if (expired > 0) {
            log.info("Ended {} consents whose last day had passed", expired);
        }
    }
}
