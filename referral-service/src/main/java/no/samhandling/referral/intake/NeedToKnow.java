package no.samhandling.referral.intake;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.ResourceKind;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;

/**
 * Who may see and move a referral. A role in the municipality is not enough: the case is seen by
 * the staff member who registered it, the target arena's own coordinator and members, and (for a
 * named case) the child's guardians; only the arena's coordinator moves it on. Anyone else is told
 * the case does not exist, so its existence is not disclosed either. The relations are the platform's
 * ({@link Relation}), and arena membership is its {@link ArenaRoster}, as in every service. Every refused
 * attempt and every read of a case's personal data goes through here to the access log ({@link Access}).
 */
@Component
class NeedToKnow {

    static final ResourceKind CASE = new ResourceKind("referral", "Sak");

    private final ArenaRoster roster;
    private final Access access;

    NeedToKnow(ArenaRoster roster, Access access) {
        this.roster = roster;
        this.access = access;
    }

    Optional<Relation> relationOf(Caller caller, Referral referral) {
        if (!caller.municipality().equals(referral.municipality())) {
            return Optional.empty();
        }
        Optional<Relation> throughArena = caller.hasAny(Role.COORDINATOR, Role.MEMBER)
                ? roster.relationOf(caller, referral.arenaId())
                : Optional.empty();
        if (throughArena.isPresent()) {
            return throughArena;
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
        access.read(caller, relation, CASE.of(referral.id()).about(referral.subjectId()), purpose.name());
    }

    /** The caller sees the case but may not read its personal data for this purpose (any longer): logged as refused. */
    void logRefusedPurpose(Caller caller, Referral referral, ReadPurpose purpose) {
        access.refusedPurpose(caller, CASE.of(referral.id()).about(referral.subjectId()), purpose.name());
    }

    /** The caller coordinates the case's arena: 404 to strangers, 403 to those who only see it. */
    void requireCoordinator(Caller caller, Referral referral) {
        if (requireReader(caller, referral) != Relation.ARENA_COORDINATOR) {
            throw new AccessDeniedException("Only the arena's coordinator moves a referral on");
        }
    }

    /** The arenas whose referrals the caller sees as their coordinator or member. */
    java.util.List<String> arenasOf(Caller caller) {
        return caller.hasAny(Role.COORDINATOR, Role.MEMBER) ? roster.arenasOf(caller.municipality(), caller.subject()) : java.util.List.of();
    }

    /** The caller sits in the arena, to list its referrals. */
    void requireArenaMember(Caller caller, String arenaId) {
        if (!caller.hasAny(Role.COORDINATOR, Role.MEMBER) || roster.relationOf(caller, arenaId).isEmpty()) {
            throw new AccessDeniedException("Only the arena's coordinator and members list its referrals");
        }
    }
}
