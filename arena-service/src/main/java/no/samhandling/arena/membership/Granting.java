package no.samhandling.arena.membership;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * Who may grant and end a place in an arena. A place gives need-to-know to the arena's meetings and
 * named cases, so it is granted only by someone entitled to grant it, never by the one who gets it:
 * <ul>
 * <li>an arena's coordinator is appointed by an administrator (here, or in the catalogue entry);</li>
 * <li>members are added and removed by the arena's coordinator or an administrator;</li>
 * <li>nobody adds themself, administrators included: an administrator administers membership, and
 * reads an arena's cases only when someone else has given them a place in it.</li>
 * </ul>
 * The arena itself is in the catalogue every staff member reads, so refusals here are 403, not 404:
 * there is no existence to hide.
 */
final class Granting {

    /** The member list: the arena's own members, and administrators, who keep it. */
    static void requireMayList(Caller caller, Optional<MemberRole> callerRole) {
        if (!caller.has(Role.ADMIN) && callerRole.isEmpty()) {
            throw refused("membership.members-only", "arenaId");
        }
    }

    /**
     * @param callerRole the caller's own place in the arena, if any
     * @param userId who is to be added
     * @param role the place they are to get
     */
    static void requireMayAdd(Caller caller, Optional<MemberRole> callerRole, String userId, MemberRole role) {
        requireAdministratorOrCoordinator(caller, callerRole);
        if (userId.equals(caller.subject())) {
            throw refused("membership.not-yourself", "userId");
        }
        if (role == MemberRole.COORDINATOR && !caller.has(Role.ADMIN)) {
            throw refused("membership.coordinator-by-administrator", "role");
        }
    }

    /**
     * @param removedRole the place of the one to be removed; empty when they have none (the removal then says so)
     */
    static void requireMayRemove(Caller caller, Optional<MemberRole> callerRole, Optional<MemberRole> removedRole) {
        requireAdministratorOrCoordinator(caller, callerRole);
        if (removedRole.orElse(null) == MemberRole.COORDINATOR && !caller.has(Role.ADMIN)) {
            throw refused("membership.coordinator-by-administrator", "userId");
        }
    }

    private static void requireAdministratorOrCoordinator(Caller caller, Optional<MemberRole> callerRole) {
        boolean coordinator = caller.has(Role.COORDINATOR) && callerRole.orElse(null) == MemberRole.COORDINATOR;
        if (!caller.has(Role.ADMIN) && !coordinator) {
            throw refused("membership.coordinator-or-administrator", "arenaId");
        }
    }

    private static ProblemException refused(String messageKey, String field) {
        return new ProblemException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, messageKey, null, Map.of("field", field));
    }

    private Granting() {
    }
}
