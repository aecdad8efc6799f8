package no.samhandling.reporting.releases;

import java.time.Instant;

/**
 * What a leader sees of the month that is still running: nothing but how many new cases it has had
 * so far, coarsely ("at least 10", or "fewer than 10"), as of the first look that day. Every read
 * the same day gets the same figure, and it has no breakdown, so two reads never tell one case
 * apart. In the mode that shows nothing, only when the month will be published.
 *
 * @param atLeast a multiple of the step the count has reached, or null
 * @param fewerThan the step, when the count has not reached it, or null
 * @param publishedFrom when the month's release is made
 */
public record RunningMonth(String month, Instant asOf, Long atLeast, Long fewerThan, Instant publishedFrom) {

    /** How the running month is shown. */
    public enum Mode {
        /** The number of new cases so far, coarsely, once a day. */
        COARSE,
        /** Nothing until the month's release. */
        HIDDEN
    }
}
