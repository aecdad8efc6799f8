package no.samhandling.platform.access;

/**
 * The answer of a chain check: whether every entry of one service's log for one municipality is
 * as it was written, and otherwise the first entry from which it is not.
 *
 * @param entries how many entries were checked (the entries kept; those pruned after their retention are not)
 * @param firstBrokenSequence the sequence number of the first entry that breaks the chain, or null when it is intact
 * @param problem what is wrong there, or null when it is intact
 * @param lastHash the hash of the last entry checked: written down elsewhere (a privacy officer's review), it
 *        anchors the chain, so that even someone who rewrote every entry after a change would be found out
 * @param pruned how many of the chain's oldest entries were removed after their retention; the check starts
 *        from the checkpoint stored for the last of them. Null in the answer of a service from before retention,
 *        so that a review gathering every service's check still reads it
 */
public record ChainCheck(String service, String municipality, long entries, boolean intact, Long firstBrokenSequence,
        Problem problem, String lastHash, Long pruned) {

    /** What breaks a chain at an entry. */
    public enum Problem {
        /** The entry's content no longer hashes to its stored hash: it was changed (or the checkpoint at this sequence number was). */
        ALTERED,
        /** The entry does not hold the hash of the one before it: something before it was replaced or moved. */
        LINK_BROKEN,
        /**
         * The entry with this sequence number is gone (removed from the middle, or entries were reordered), or a
         * checkpoint at this sequence number claims entries were pruned before their retention ended.
         */
        MISSING,
        /** Entries at the end are gone: the chain's head has gone further than the entries that are left. */
        TRUNCATED
    }

    static ChainCheck intact(String service, String municipality, long entries, String lastHash, long pruned) {
        return new ChainCheck(service, municipality, entries, true, null, null, lastHash, pruned);
    }

    static ChainCheck brokenAt(String service, String municipality, long entries, long sequence, Problem problem, long pruned) {
        return new ChainCheck(service, municipality, entries, false, sequence, problem, null, pruned);
    }
}
