package no.samhandling.referral.intake;

import java.util.EnumSet;
import java.util.Set;

import no.samhandling.platform.access.Relation;

/**
 * Why a named case's personal data is opened; written to the access log with every read. Each purpose
 * fits the relations that have it, and a reader may claim no other: a referrer cannot read "as a
 * guardian", nor a member assess an intake that is the coordinator's to assess.
 *
 * <table>
 * <caption>Who may read for which purpose</caption>
 * <tr><th>purpose</th><th>relations</th></tr>
 * <tr><td>INTAKE_ASSESSMENT</td><td>the arena's coordinator</td></tr>
 * <tr><td>MEETING_PREPARATION, MEETING</td><td>the arena's coordinator and members</td></tr>
 * <tr><td>FOLLOW_UP</td><td>the arena's coordinator and members, the referrer</td></tr>
 * <tr><td>GUARDIAN_ACCESS</td><td>the child's guardians</td></tr>
 * </table>
 */
enum ReadPurpose {
    /** The coordinator assesses the case at intake. */
    INTAKE_ASSESSMENT(Relation.ARENA_COORDINATOR),
    /** Preparing the meeting where the case is on the agenda. */
    MEETING_PREPARATION(Relation.ARENA_COORDINATOR, Relation.ARENA_MEMBER),
    /** In the meeting: its arena's coordinator and members. */
    MEETING(Relation.ARENA_COORDINATOR, Relation.ARENA_MEMBER),
    /** Following up the responsibility assignment, or, for the referrer, what became of the concern. */
    FOLLOW_UP(Relation.ARENA_COORDINATOR, Relation.ARENA_MEMBER, Relation.REFERRER),
    /** The child's guardian looks at what is registered. */
    GUARDIAN_ACCESS(Relation.GUARDIAN);

    private final Set<Relation> relations;

    ReadPurpose(Relation first, Relation... more) {
        this.relations = EnumSet.of(first, more);
    }

    boolean fits(Relation relation) {
        return relations.contains(relation);
    }
}
