package no.samhandling.referral.intake;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.ResourceKind;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaMembers;

/**
 * Who may see and move a referral. A role in the municipality is not enough: the case is seen by
 * the staff member who registered it, the target arena's own coordinator and members, and (for a
 * named case) the child's guardians; only the arena's coordinator moves it on. Anyone else is told
 * the case does not exist, so its existence is not disclosed either. Every refused attempt and every
 * read of a case's personal data goes through here to the access log (the platform's {@link Access}).
 */
@Component
class NeedToKnow {

    static final ResourceKind CASE = new ResourceKind("referral", "Sak");

    /** Why the caller may see the case; also written to the read audit. */
    enum Relation {
        REFERRER,
        ARENA_COORDINATOR,
        ARENA_MEMBER,
        GUARDIAN
    }

    private final ArenaMembers members;
    private final Access access;

    NeedToKnow(ArenaMembers members, Access access) {
        this.members = members;
        this.access = access;
    }

    Optional<Relation> relationOf(Caller caller, Referral referral) {
        if (!caller.municipality().equals(referral.municipality())) {
            return Optional.empty();
        }
        Optional<MemberRole> role = caller.hasAny(Role.COORDINATOR, Role.MEMBER)
                ? members.roleOf(caller.municipality(), referral.arenaId(), caller.subject())
                : Optional.empty();
        if (role.isPresent()) {
            return Optional.of(role.get() == MemberRole.COORDINATOR && caller.has(Role.COORDINATOR)
                    ? Relation.ARENA_COORDINATOR : Relation.ARENA_MEMBER);
        }
        if (caller.hasAny(Role.REFERRER, Role.COORDINATOR) && referral.submittedBy(caller.subject())) {
            return Optional.of(Relation.REFERRER);
        }
        if (caller.has(Role.GUARDIAN) && referral.hasGuardian(caller.subject())) {
            return Optional.of(Relation.GUARDIAN);
        }
        return Optional.empty();
    }

    /** The caller may see the case, or it is "not found" and the refused attempt is logged. */
    Relation requireReader(Caller caller, Referral referral) {
        return relationOf(caller, referral).orElseThrow(() -> access.refused(caller, CASE.of(referral.id()).about(referral.subjectId())));
    }

    /** No case of the caller's municipality has this id: "not found", and the attempt is logged. */
    ProblemException unknownCase(Caller caller, String id) {
        return access.unknown(caller, CASE, id);
    }

    /** The caller is about to see the case's personal data: logged first, so nothing is shown unlogged. */
    void logRead(Caller caller, Relation relation, Referral referral, ReadPurpose purpose) {
        access.read(caller, no.samhandling.platform.access.Relation.valueOf(relation.name()),
                CASE.of(referral.id()).about(referral.subjectId()), purpose.name());
    }

    /** The caller coordinates the case's arena: 404 to strangers, 403 to those who only see it. */
    void requireCoordinator(Caller caller, Referral referral) {
        if (requireReader(caller, referral) != Relation.ARENA_COORDINATOR) {
            throw new AccessDeniedException("Only the arena's coordinator moves a referral on");
        }
    }

    /** The arenas whose referrals the caller sees as their coordinator or member. */
    java.util.List<String> arenasOf(Caller caller) {
        return caller.hasAny(Role.COORDINATOR, Role.MEMBER) ? members.arenasOf(caller.municipality(), caller.subject()) : java.util.List.of();
    }

    /** The caller sits in the arena, to list its referrals. */
    void requireArenaMember(Caller caller, String arenaId) {
        if (members.roleOf(caller.municipality(), arenaId, caller.subject()).isEmpty()) {
            throw new AccessDeniedException("Only the arena's coordinator and members list its referrals");
        }
    }
}
