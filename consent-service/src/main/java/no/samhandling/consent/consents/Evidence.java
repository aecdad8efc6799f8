package no.samhandling.consent.consents;

import no.samhandling.personaldata.Sealed;

/**
 * What a decision rests on. The reference (an archive number, a signature id) is sealed under the
 * child's key: such references often name the child.
 */
record Evidence(Type type, Sealed reference) {

    enum Type {
        /** A signed consent form, archived where the reference says. */
        SIGNED_FORM,
        /** A digital signature, by its transaction id. */
        DIGITAL_SIGNATURE,
        /** Said to staff, who recorded it. */
        ORAL,
        /** Given by the guardian in the guardian view, logged in. */
        GUARDIAN_VIEW,
        /** Given by the youth in their own view (the same pages), logged in. */
        YOUTH_VIEW
    }

    Evidence withoutReference() {
        return new Evidence(type, null);
    }
}
