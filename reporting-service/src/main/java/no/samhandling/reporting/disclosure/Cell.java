package no.samhandling.reporting.disclosure;

/**
 * One published figure: a value only when {@link Flag#SHOWN}. A suppressed cell carries no value
 * at all, so that nothing downstream (JSON, page, PDF, CSV) can leak it by accident. Counts are
 * whole numbers; shares and medians are decimals.
 */
public record Cell(Number value, Flag flag) {

    public static final Cell SUPPRESSED = new Cell(null, Flag.SUPPRESSED);
    public static final Cell MISSING = new Cell(null, Flag.MISSING);

    public Cell {
        if ((flag == Flag.SHOWN) != (value != null)) {
            throw new IllegalArgumentException("A cell has a value exactly when it is shown");
        }
    }

    public static Cell shown(long count) {
        return new Cell(count, Flag.SHOWN);
    }

    public static Cell shown(double value) {
        return new Cell(value, Flag.SHOWN);
    }

    public boolean isShown() {
        return flag == Flag.SHOWN;
    }

    /** The value as a whole number, for counts; null unless shown. */
    public Long count() {
        return value == null ? null : value.longValue();
    }
}
