package no.samhandling.reporting.figures;

/**
 * One published figure. A count below the suppression threshold is never sent: its value is
 * absent and its flag says why.
 */
record FigureCell(String arenaId, String month, Integer value, Flag flag) {

    enum Flag {
        SHOWN,
        SUPPRESSED
    }
}
