package no.samhandling.reporting.disclosure;

/** Which totals a count table publishes beside its cells; every total is itself a cell to protect. */
public enum Margins {
    /** A total per row, per column and a grand total. */
    BOTH,
    /** A total per row only: rows that do not add up to anything meaningful (consents granted, withdrawn). */
    ROWS,
    /** A total per column only: a list of categories with its total when there is one column. */
    COLUMNS
}
