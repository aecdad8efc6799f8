package no.samhandling.reporting.projection;

/**
 * One complete set of projection collections, filled by its own consumer group from the start of
 * the topics. Readers use the current generation; a rebuild fills the next one beside it.
 */
public record Generation(int number) {

    private static final String GROUP = "reporting-service";

    public String counters() {
        return "figure_counters_g" + number;
    }

    public String arenas() {
        return "figure_arenas_g" + number;
    }

    String cases() {
        return "open_cases_g" + number;
    }

    /** The leadership items the generation has counted, by hash: each is counted once, from whichever topic. */
    String countedItems() {
        return "counted_items_g" + number;
    }

    /**
     * The generation's own consumer group. Never the bare service name: that group's offsets
     * belong to the earlier referral-only projection, and a generation must start at the beginning.
     */
    String consumerGroup() {
        return GROUP + ".g" + number;
    }
}
