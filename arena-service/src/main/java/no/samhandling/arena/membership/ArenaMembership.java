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
 * staff need-to-know access to the arena's meetings, and it is whom invitations go to. The
 * document's id is the arena's id, so its events are keyed like the arena's own.
 */
@Document("arena_memberships")
class ArenaMembership extends AggregateRoot {

    /** One member; {@code contact} is absent until given, and never leaves the service on an event. */
    record Member(String userId, String party, MemberRole role, Instant joinedAt, ContactDetails contact) {

        Member withContact(ContactDetails newContact) {
            return new Member(userId, party, role, joinedAt, newContact);
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

    void join(String userId, String party, MemberRole role, ContactDetails contact, Instant now) {
        if (members.stream().anyMatch(member -> member.userId().equals(userId))) {
            throw ProblemException.conflict("membership.already-member", userId);
        }
        members.add(new Member(userId, party, role, now, contact));
        raise(new MemberJoined(UUID.randomUUID(), now, municipality, id, userId, party, role));
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
