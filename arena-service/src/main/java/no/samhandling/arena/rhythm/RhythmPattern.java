package no.samhandling.arena.rhythm;

import java.util.List;

/** The patterns of {@link RhythmSpec#pattern()}, with the fields each requires and allows besides the common ones. */
enum RhythmPattern {
    PER_HALF_YEAR(List.of("spring", "autumn"), List.of("weekday")),
    EVERY_N_WEEKS(List.of("interval", "weekday", "anchorDate"), List.of()),
    NTH_WEEKDAY_OF_MONTH(List.of("nth", "weekday"), List.of()),
    WEEKLY(List.of("weekday"), List.of()),
    EVERY_N_MONTHS(List.of("interval", "nth", "weekday", "anchorDate"), List.of()),
    TIMES_PER_MONTH(List.of("min"), List.of("max", "weekday")),
    DAYS_PER_MONTH(List.of("min"), List.of("max", "weekday")),
    ON_DEMAND(List.of(), List.of()),
    AGREED_AT_MEETING(List.of("min"), List.of("max"));

    /** Fields every pattern may carry: {@code startTime} and {@code duration}. */
    static final List<String> COMMON = List.of("startTime", "duration");

    final List<String> required;
    final List<String> optional;

    RhythmPattern(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    boolean allows(String field) {
        return COMMON.contains(field) || required.contains(field) || optional.contains(field);
    }
}
