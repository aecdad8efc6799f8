package no.samhandling.platform.access;

import java.util.Optional;
import java.util.regex.Pattern;

import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;

/**
 * Need-to-know at the door of every case and every child: a caller with a {@link Relation} gets
 * in, and what they read is written to the {@link AccessLog} before they see it; a caller without
 * one is told the resource does not exist (404, the same answer as for an id that matches nothing)
 * and the refused attempt is logged.
 *
 * <pre>
 * Relation relation = access.require(caller, CASE.of(id).about(subjectId), needToKnow.relationOf(caller, referral));
 * access.read(caller, relation, CASE.of(id).about(subjectId), purpose.name());
 * </pre>
 */
public final class Access {

    private static final Pattern OPAQUE_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What an unknown id is logged as when it is not even shaped like an id: it may be anything the caller typed. */
    static final String NOT_AN_ID = "-";

    private final AccessLog log;

    Access(AccessLog log) {
        this.log = log;
    }

    /** The caller's relation to the resource; without one the attempt is logged and refused as "not found". */
    public Relation require(Caller caller, Resource resource, Optional<Relation> relation) {
        return relation.orElseThrow(() -> refused(caller, resource));
    }

    /** The caller is about to see the resource's personal data: logged first, so nothing is shown unlogged. */
    public void read(Caller caller, Relation relation, Resource resource, String purpose) {
        log.append(caller.municipality(), caller.subject(), isPrivatePerson(caller, relation), relation, Outcome.READ, resource, purpose);
    }

    /** The caller changed something about the child and is about to see the result: logged first. */
    public void changed(Caller caller, Relation relation, Resource resource, String purpose) {
        log.append(caller.municipality(), caller.subject(), isPrivatePerson(caller, relation), relation, Outcome.CHANGED, resource,
                purpose);
    }

    /** Logs the refused attempt and returns the "not found" to throw. */
    public ProblemException refused(Caller caller, Resource resource) {
        log.append(caller.municipality(), caller.subject(), isPrivatePerson(caller, null), null, Outcome.REFUSED, resource, null);
        return ProblemException.notFound(resource.kind().notFoundLabel(), resource.id());
    }

    /**
     * The caller may see the resource, but not for the purpose they asked (one their relation does not fit, or
     * access that has ended): the refused attempt is logged with that purpose, and the service answers with its
     * own problem, since the caller knows the resource exists.
     */
    public void refusedPurpose(Caller caller, Resource resource, String purpose) {
        log.append(caller.municipality(), caller.subject(), isPrivatePerson(caller, null), null, Outcome.REFUSED, resource, purpose);
    }

    /**
     * Whether the caller's login would link a private person to the child: a guardian's or the youth's relation, or, for
     * a refusal that has no relation, a token with the GUARDIAN or YOUTH role, which staff tokens never carry. Staff
     * and services are logged by name, for the privacy officer must see who read or tried to.
     */
    static boolean isPrivatePerson(Caller caller, Relation relation) {
        return AccessLog.isPrivatePerson(relation) || caller.hasAny(Role.GUARDIAN, Role.YOUTH);
    }

    /**
     * An id that matches nothing the caller's municipality has: refused like any other, and logged,
     * since trying ids is worth a privacy officer's look. An id not shaped like one is not written
     * down, for it may hold anything, a national id number included.
     */
    public ProblemException unknown(Caller caller, ResourceKind kind, String requestedId) {
        String logged = requestedId != null && OPAQUE_ID.matcher(requestedId).matches() ? requestedId : NOT_AN_ID;
        log.append(caller.municipality(), caller.subject(), null, Outcome.REFUSED, kind.of(logged), null);
        return ProblemException.notFound(kind.notFoundLabel(), requestedId);
    }
}
