package no.samhandling.arena.catalogue;

import java.util.List;

/**
 * What an import did, row by row, or, when any row was rejected, what it would have done: then
 * {@code applied} is false and nothing was written.
 */
record ImportReport(String municipality, boolean applied, int created, int updated, int unchanged, int rejected,
        List<Row> rows, List<RowError> errors) {

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    /** @param id the arena's id, absent for a rejected row and for a row not yet written */
    record Row(int index, String externalKey, Outcome outcome, String id) {
    }

    /**
     * One problem with one row, shaped like a validation problem's {@code errors} entry plus where it is.
     *
     * @param index the row's position in {@code arenas}, from 0; absent for a problem with the file itself
     * @param field the JSON path inside the row (or the file), such as {@code parties[1]} or {@code escalatesTo}
     */
    record RowError(Integer index, String externalKey, String field, String message) {
    }
}
