package no.samhandling.events.arena;

/** The age band rule shared by the arena catalogue events. */
final class AgeBand {

    static void check(int fromYears, int toYears) {
        if (fromYears < 0 || toYears < fromYears) {
            throw new IllegalArgumentException("age band must satisfy 0 <= ageFromYears <= ageToYears");
        }
    }

    private AgeBand() {
    }
}
