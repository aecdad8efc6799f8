package no.samhandling.personaldata;

/**
 * The subject was erased: its key is gone for good, and no new personal data may be sealed for it,
 * so a late write can never make an erased child readable again.
 */
public class SubjectErasedException extends RuntimeException {

    private final String subjectId;

    public SubjectErasedException(String subjectId) {
        super("Subject " + subjectId + " was erased; no personal data can be stored for it");
        this.subjectId = subjectId;
    }

    public String subjectId() {
        return subjectId;
    }
}
