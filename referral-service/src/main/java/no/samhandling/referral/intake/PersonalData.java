package no.samhandling.referral.intake;

import no.samhandling.personaldata.Sealed;

/**
 * A named case's personal data as stored: every field sealed under the child's own key, so that
 * erasing the child in consent-service (or this case losing its consent) leaves nothing readable.
 * The free text is sealed too, since it may name the child.
 */
record PersonalData(Sealed name, Sealed birthDate, Sealed nationalId, Sealed description, Sealed measuresTried) {

    static final String NAME = "name";
    static final String BIRTH_DATE = "birth-date";
    static final String NATIONAL_ID = "national-id";
    static final String DESCRIPTION = "description";
    static final String MEASURES_TRIED = "measures-tried";
}
