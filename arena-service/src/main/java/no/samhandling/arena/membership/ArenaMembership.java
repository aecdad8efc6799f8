package no.samhandling.arena.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.events.AggregateRoot;
import no.samhandling.platform.web.ProblemException;

/**
 * Who belongs to an arena, for which service, as coordinator or member. Membership is what gives
 * staff need-to-know access to the arena's meetings and cases, and it is whom invitations go to, so
 * each place records who granted it. The document's id is the arena's id, so its events are keyed
 * like the arena's own.
 */
@Document("arena_memberships")
class ArenaMembership extends AggregateRoot {

    /** Who granted the places the arena's catalogue entry names (its coordinator). */
    static final String GRANTED_BY_CATALOGUE = "catalogue";

    /**
     * One member; {@code contact} is absent until given, and never leaves the service on an event.
     *
     * @param grantedBy the administrator or coordinator who gave the place, or {@value #GRANTED_BY_CATALOGUE}
     */
    record Member(String userId, String party, MemberRole role, Instant joinedAt, ContactDetails contact, String grantedBy) {

        Member withContact(ContactDetails newContact) {
            return new Member(userId, party, role, joinedAt, newContact, grantedBy);
        }

        boolean grantedByCatalogue() {
            return GRANTED_BY_CATALOGUE.equals(grantedBy);
        }
    }

    private List<Member> members = new ArrayList<>();

    ArenaMembership() {
    }

    static ArenaMembership of(String municipality, String arenaId) {
        ArenaMembership membership = new ArenaMembership();
        membership.id = arenaId;
        membership.municipality = municipality;
        return membership;
    }

    void join(String userId, String party, MemberRole role, ContactDetails contact, String grantedBy, Instant now) {
        if (member(userId).isPresent()) {
            throw ProblemException.conflict("membership.already-member", userId);
        }
        members.add(new Member(userId, party, role, now, contact, grantedBy));
        raise(new MemberJoined(UUID.randomUUID(), now, municipality, id, userId, party, role));
    }

    /**
     * Makes the user the catalogue entry names the arena's coordinator, and ends the place of the one it
     * named before. A member already sitting in the arena keeps their party and contact and becomes its
     * coordinator ({@code MemberJoined} with the new role: readers keep a member's current role). Naming
     * the same coordinator again changes nothing.
     *
     * @param userId the coordinator the entry names now; null when it names none
     * @param party the service the coordinator sits for when they are not a member yet
     * @return whether anything changed
     */
    boolean appointCatalogueCoordinator(String userId, String party, Instant now) {
        boolean changed = false;
        for (Member earlier : List.copyOf(members)) {
            if (earlier.grantedByCatalogue() && !earlier.userId().equals(userId)) {
                leave(earlier.userId(), now);
                changed = true;
            }
        }
        if (userId == null) {
            return changed;
        }
        Member current = member(userId).orElse(null);
        if (current != null && current.role() == MemberRole.COORDINATOR) {
            return changed;
        }
        Member coordinator = current == null
                ? new Member(userId, party, MemberRole.COORDINATOR, now, null, GRANTED_BY_CATALOGUE)
                : new Member(userId, current.party(), MemberRole.COORDINATOR, current.joinedAt(), current.contact(), GRANTED_BY_CATALOGUE);
        members.removeIf(member -> member.userId().equals(userId));
        members.add(coordinator);
        raise(new MemberJoined(UUID.randomUUID(), now, municipality, id, userId, coordinator.party(), MemberRole.COORDINATOR));
        return true;
    }

    java.util.Optional<Member> member(String userId) {
        return members.stream().filter(member -> member.userId().equals(userId)).findFirst();
    }

    void leave(String userId, Instant now) {
        if (!members.removeIf(member -> member.userId().equals(userId))) {
            throw ProblemException.notFound("Medlem", userId);
        }
        raise(new MemberLeft(UUID.randomUUID(), now, municipality, id, userId));
    }

    /** A member's own contact details changed; no event, because events never carry contact details. */
    void changeContact(String userId, ContactDetails contact) {
        int index = indexOf(userId);
        if (index < 0) {
            throw ProblemException.notFound("Medlem", userId);
        }
        members.set(index, members.get(index).withContact(contact));
    }

    private int indexOf(String userId) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).userId().equals(userId)) {
                return i;
            }
        }
        return -1;
    }

    List<Member> members() {
        return List.copyOf(members);
    }
}
