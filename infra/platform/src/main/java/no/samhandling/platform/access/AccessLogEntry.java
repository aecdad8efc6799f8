package no.samhandling.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One line of the access log (tilgangslogg): who, in which relation, when, which resource, which
 * child, for what purpose, and what came of it. It holds opaque ids and codes only, never a name or
 * anything else the caller read.
 *
 * <p>Entries form a hash chain per service and municipality: each holds the hash of the one before
 * it ({@link #previousHash}), and its own {@link #hash} is SHA-256 over its {@linkplain #canonical()
 * canonical encoding}, which includes that previous hash. Changing, removing or reordering an entry
 * therefore breaks the chain from that entry on.
 *
 * <p>About a child, what is stored is a pseudonym of the child and sealed ids (see {@link AccessLog}); the hash is
 * over what is stored, and an entry read through {@link AccessLog#between} or {@link AccessLog#readsOf} shows them
 * opened, or {@link #ERASED}, next to the stored entry's hash.
 *
 * @param sequence its place in the chain, from 1, without gaps
 * @param at when, to the millisecond (what MongoDB stores)
 * @param userId the caller's opaque id (the token's {@code sub}), or a service's client id
 * @param relation why the caller was let in; null for a refusal
 * @param resourceId the resource's id; {@code -} when what was asked for was not even shaped like an id
 * @param subjectId the child's opaque id, when known; once the child is erased, its pseudonym, which leads nowhere
 * @param purpose why the caller read, as a code, when stated
 */
public record AccessLogEntry(
        String service,
        String municipality,
        long sequence,
        Instant at,
        String userId,
        Relation relation,
        Outcome outcome,
        String resourceKind,
        String resourceId,
        String subjectId,
        String purpose,
        String previousHash,
        String hash) {

    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);
    /**
     * What an id about an erased child reads as: its key, the only way to it, is gone. An entry about a child whose key
     * belongs to another municipality (a refused attempt on it) holds the same, for there is no key to hide it under.
     */
    public static final String ERASED = "(erased)";
    private static final String VERSION = "samhandling-access-log-v1";

    /** A new entry, with its hash computed. */
    static AccessLogEntry next(String service, String municipality, long sequence, Instant at, String userId, Relation relation,
            Outcome outcome, String resourceKind, String resourceId, String subjectId, String purpose, String previousHash) {
        AccessLogEntry unsealed = new AccessLogEntry(service, municipality, sequence, at.truncatedTo(ChronoUnit.MILLIS), userId,
                relation, outcome, resourceKind, resourceId, subjectId, purpose, previousHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    /** The chain this entry belongs to. */
    public String chain() {
        return chainOf(service, municipality);
    }

    static String chainOf(String service, String municipality) {
        return service + "/" + municipality;
    }

    /**
     * Every field but the hash, each as its UTF-8 length, a colon and its value (a null as a lone
     * {@code -}), so that no two different entries encode alike, however their values look.
     */
    String canonical() {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        for (Object field : new Object[] {service, municipality, sequence, at == null ? null : at.toEpochMilli(), userId,
                relation, outcome, resourceKind, resourceId, subjectId, purpose, previousHash}) {
            if (field == null) {
                text.append("-\n");
            } else {
                String value = field.toString();
                text.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** SHA-256 of the canonical encoding, in lower-case hex. */
    String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Whether the stored hash is the hash of what is stored. */
    boolean sealedAsStored() {
        return hash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                computeHash().getBytes(StandardCharsets.US_ASCII));
    }

    private AccessLogEntry withHash(String computed) {
        return new AccessLogEntry(service, municipality, sequence, at, userId, relation, outcome, resourceKind, resourceId, subjectId,
                purpose, previousHash, computed);
    }
}
