package no.samhandling.reporting.disclosure;

/**
 * The rules for single figures, as FHI applies them to Kommunehelsa: a count from 1 to threshold − 1
 * is too small to show (the threshold, default 5, is the smallest count shown), and a figure derived
 * from counts (a share, a median) is shown only when its parts could be shown. Zero is shown: it
 * identifies nobody. Tables are protected together, per year, by {@link JointProtection}.
 */
public final class DisclosureControl {

    private final int threshold;

    public DisclosureControl(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count must be hidden on its own. */
    public boolean tooSmall(long count) {
        return count > 0 && count < threshold;
    }

    /**
     * A share: shown only when the numerator and the rest of the denominator could both be shown as
     * counts (neither 1 to threshold − 1); otherwise the share and the counts behind it give each other away.
     */
    public Cell rate(long numerator, long denominator) {
        if (denominator == 0) {
            return Cell.MISSING;
        }
        if (tooSmall(numerator) || tooSmall(denominator - numerator) || tooSmall(denominator)) {
            return Cell.SUPPRESSED;
        }
        return Cell.shown((double) numerator / denominator);
    }

    /** A statistic of n observations (median, percentile): shown only when n reaches the threshold. */
    public Cell statistic(Double value, long observations) {
        if (observations == 0 || value == null) {
            return Cell.MISSING;
        }
        return observations < threshold ? Cell.SUPPRESSED : Cell.shown(value.doubleValue());
    }
}
