package no.samhandling.referral.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the referrer may still open a named case's personal data after the case ended (returned,
 * closed, escalated or withdrawn). Normen asks that access last only as long as the need: the referrer's
 * need is to see what became of the concern, which the outcome and any follow-up show within weeks.
 *
 * @param referrerAccessAfterEnd {@code samhandling.referral.referrer-access-after-end}, default 30 days
 */
@ConfigurationProperties("samhandling.referral")
record ReferrerAccess(@DefaultValue("P30D") Duration referrerAccessAfterEnd) {
}
