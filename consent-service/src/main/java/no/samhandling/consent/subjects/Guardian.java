package no.samhandling.consent.subjects;

import no.samhandling.personaldata.Sealed;

/**
 * A guardian of a subject, as stored: everything that identifies them sealed under the child's key,
 * so that erasing the child erases them too.
 *
 * @param parentalResponsibility whether they have parental responsibility (foreldreansvar), which is
 *        what lets them give, refuse and withdraw consent and see the child's consents
 * @param userId their login (the token's {@code sub}) when they use the guardian view; an opaque id
 * @param language {@code nb} or {@code nn}, for notices
 */
record Guardian(
        String guardianId,
        Sealed name,
        Sealed email,
        Sealed phone,
        boolean parentalResponsibility,
        String userId,
        String language) {
}
