package no.samhandling.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Where a chain starts once its oldest entries have been pruned after their retention: the last
 * pruned entry's sequence number, hash and time, and how many entries were pruned in all. The check
 * walks the chain on from here as it would from the genesis, so the first entry kept must hold this
 * hash and follow this sequence number.
 *
 * <p>The checkpoint is sealed over its own fields, so a changed field is noticed even where the first
 * kept entry would still match. A forged checkpoint sealed again is caught by the first kept entry's
 * link and sequence number, and one that claims to have pruned entries younger than the retention
 * allows is refused by the check (see {@link AccessLog#verify}); what is left is the limit the chain
 * has anyway: someone able to rewrite every entry after it and the head.
 *
 * @param sequence the last pruned entry's sequence number
 * @param hash the last pruned entry's hash
 * @param at the last pruned entry's time
 * @param pruned how many entries of the chain were pruned, from the first
 */
record AccessLogCheckpoint(String chain, long sequence, String hash, Instant at, long pruned, String seal) {

    private static final String VERSION = "samhandling-access-log-checkpoint-v1";

    static AccessLogCheckpoint after(AccessLogEntry lastPruned, long pruned) {
        AccessLogCheckpoint unsealed = new AccessLogCheckpoint(lastPruned.chain(), lastPruned.sequence(), lastPruned.hash(),
                lastPruned.at(), pruned, null);
        return new AccessLogCheckpoint(unsealed.chain, unsealed.sequence, unsealed.hash, unsealed.at, unsealed.pruned,
                unsealed.computeSeal());
    }

    /** Whether the stored seal is the seal of what is stored. */
    boolean sealedAsStored() {
        return seal != null && MessageDigest.isEqual(seal.getBytes(StandardCharsets.US_ASCII),
                computeSeal().getBytes(StandardCharsets.US_ASCII));
    }

    private String computeSeal() {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        for (Object field : new Object[] {chain, sequence, hash, at == null ? null : at.toEpochMilli(), pruned}) {
            String value = String.valueOf(field);
            text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
