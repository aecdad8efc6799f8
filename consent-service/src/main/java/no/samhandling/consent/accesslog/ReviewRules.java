package no.samhandling.consent.accesslog;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the privacy officer's review flags as unusual, from {@code samhandling.access-review}.
 *
 * @param manyChildren this many different children read by one user within {@code manyChildrenWithin} is flagged
 * @param manyChildrenWithin the window for {@code manyChildren}
 * @param workdayStarts reads before this time (Europe/Oslo) on a weekday are outside working hours
 * @param workdayEnds reads from this time on, and any on Saturday or Sunday, are outside working hours
 */
@ConfigurationProperties("samhandling.access-review")
public record ReviewRules(
        @DefaultValue("10") int manyChildren,
        @DefaultValue("1h") Duration manyChildrenWithin,
        @DefaultValue("07:00") LocalTime workdayStarts,
        @DefaultValue("17:00") LocalTime workdayEnds) {

    public ReviewRules {
        if (manyChildren < 2) {
            throw new IllegalStateException("samhandling.access-review.many-children must be at least 2");
        }
    }
}
