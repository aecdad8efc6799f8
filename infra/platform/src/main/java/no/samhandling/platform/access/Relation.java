package no.samhandling.platform.access;

/**
 * Why a caller may see a case or a child: the one vocabulary of need-to-know in every service, and
 * what the access log records with every read. A role alone is never a relation.
 */
public enum Relation {
    /** The staff member who registered the case. */
    REFERRER,
    /** The staff member who registered the child in consent-service. */
    SUBJECT_REGISTRAR,
    /** The coordinator (møteansvarleg) of the arena the case or the child's consent is in. */
    ARENA_COORDINATOR,
    /** A member of that arena. */
    ARENA_MEMBER,
    /** A guardian of the child with parental responsibility, logged in as themself. */
    GUARDIAN,
    /** The child itself, where the consent rules let the youth decide. */
    YOUTH,
    /** Another service acting on its own duty with a scope of its own, such as sending a notice. */
    SERVICE
}
