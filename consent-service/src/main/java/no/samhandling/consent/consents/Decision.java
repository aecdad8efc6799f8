package no.samhandling.consent.consents;

import java.time.Instant;

/**
 * One person's answer to a consent request: a guardian (by id) or the youth, consenting or
 * refusing, on what evidence, recorded by whom.
 */
record Decision(Party party, String guardianId, Verdict verdict, Evidence evidence, Instant decidedAt, String recordedBy) {

    enum Party {
        GUARDIAN,
        YOUTH
    }

    enum Verdict {
        CONSENTED,
        REFUSED
    }

    boolean consents() {
        return verdict == Verdict.CONSENTED;
    }

    boolean sameDecider(Decision other) {
        return party == other.party && java.util.Objects.equals(guardianId, other.guardianId);
    }

    Decision withoutEvidenceReference() {
        return new Decision(party, guardianId, verdict, evidence == null ? null : evidence.withoutReference(), decidedAt, recordedBy);
    }
}
