package no.samhandling.personaldata;

/** The subject's key belongs to another municipality than the one that asked to use it: nothing was sealed. */
public final class SubjectOfAnotherMunicipalityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    SubjectOfAnotherMunicipalityException(String subjectId) {
        super("Subject " + subjectId + " belongs to another municipality");
    }
}
