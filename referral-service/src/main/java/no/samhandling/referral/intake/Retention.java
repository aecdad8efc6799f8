package no.samhandling.referral.intake;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a case that ended keeps its personal data, per legal basis: the purpose of the consent it rests
 * on (such as {@code INTERDISCIPLINARY_DISCUSSION}), with {@code default} for every purpose not named.
 * After that the case is anonymised as when its consent ends; its codes stay for the statistics.
 *
 * @param personalDataAfterEnd {@code samhandling.referral.retention.personal-data-after-end.<purpose>}; default
 *                             five years for every purpose
 * @param interval             how often the job looks ({@code samhandling.referral.retention.interval}), default a day
 */
@ConfigurationProperties("samhandling.referral.retention")
record Retention(@DefaultValue Map<String, Period> personalDataAfterEnd, @DefaultValue("PT24H") Duration interval) {

    static final String DEFAULT = "default";
    static final Period DEFAULT_PERIOD = Period.ofYears(5);

    Retention {
        personalDataAfterEnd = Map.copyOf(personalDataAfterEnd);
    }

    /** The period for a case under a consent for this purpose; null (a purpose unknown) takes the default. */
    Period forPurpose(String purposeCode) {
        Period named = purposeCode == null ? null : personalDataAfterEnd.get(purposeCode);
        return named != null ? named : personalDataAfterEnd.getOrDefault(DEFAULT, DEFAULT_PERIOD);
    }
}
