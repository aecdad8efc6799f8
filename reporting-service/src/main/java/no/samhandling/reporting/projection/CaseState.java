package no.samhandling.reporting.projection;

import java.time.LocalDate;

/**
 * The least the projection must remember about an open referral to count its lead time and the
 * backlog: its arena, the day it was submitted, and whether it has been discussed. Stored under
 * a one-way hash of the referral id (never the id itself), and deleted when the referral leaves
 * the backlog (returned, withdrawn, escalated, closed, or anonymised without continuing).
 */
record CaseState(String key, String municipality, String arenaId, LocalDate submittedOn, boolean discussed) {

    CaseState asDiscussed() {
        return new CaseState(key, municipality, arenaId, submittedOn, true);
    }
}
