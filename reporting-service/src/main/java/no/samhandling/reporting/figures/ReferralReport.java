package no.samhandling.reporting.figures;

import java.util.List;

/** Referrals submitted per arena and month of one year, after small-count suppression. */
record ReferralReport(String municipality, String year, int suppressionThreshold, List<FigureCell> cells) {
}
