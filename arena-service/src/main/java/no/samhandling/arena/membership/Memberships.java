package no.samhandling.arena.membership;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;

/** Arena membership; also answers who should be invited to an arena's meetings. */
@Service
public class Memberships {

    private final AggregateStore<ArenaMembership> memberships;
    private final ArenaLookup arenas;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    Memberships(AggregateStores stores, ArenaLookup arenas, Clock clock, org.springframework.context.ApplicationEventPublisher publisher) {
        this.memberships = stores.of(ArenaMembership.class);
        this.arenas = arenas;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Published in-process after the members of an arena changed, so that its coming meetings invite them. */
    public record MembersChanged(String municipality, String arenaId, List<String> memberIds) {
    }

    List<ArenaMembership.Member> members(String municipality, String arenaId) {
        arenas.requireArena(municipality, arenaId);
        return load(municipality, arenaId).members();
    }

    List<ArenaMembership.Member> join(String municipality, String arenaId, String userId, String party, MemberRole role,
            ContactDetails contact) {
        arenas.requireArena(municipality, arenaId);
        ArenaMembership membership = load(municipality, arenaId);
        membership.join(userId, party, role, contact, clock.instant());
        return announce(memberships.save(membership)).members();
    }

    List<ArenaMembership.Member> changeContact(String municipality, String arenaId, String userId, ContactDetails contact) {
        arenas.requireArena(municipality, arenaId);
        ArenaMembership membership = load(municipality, arenaId);
        membership.changeContact(userId, contact);
        return memberships.save(membership).members();
    }

    List<ArenaMembership.Member> leave(String municipality, String arenaId, String userId) {
        arenas.requireArena(municipality, arenaId);
        ArenaMembership membership = load(municipality, arenaId);
        membership.leave(userId, clock.instant());
        return announce(memberships.save(membership)).members();
    }

    private ArenaMembership announce(ArenaMembership membership) {
        publisher.publishEvent(new MembersChanged(membership.municipality(), membership.id(),
                membership.members().stream().map(ArenaMembership.Member::userId).toList()));
        return membership;
    }

    /** The user ids a new meeting of the arena invites by default. */
    public List<String> memberIds(String municipality, String arenaId) {
        return load(municipality, arenaId).members().stream().map(ArenaMembership.Member::userId).toList();
    }

    /** The arenas the caller sits in, each with their place there: what "my arenas" lists. */
    public java.util.Map<String, MemberRole> placesOf(no.samhandling.platform.security.Caller caller) {
        Query query = Query.query(Criteria.where("municipality").is(caller.municipality()).and("members.userId").is(caller.subject()));
        java.util.Map<String, MemberRole> places = new java.util.LinkedHashMap<>();
        for (ArenaMembership membership : memberships.find(query)) {
            membership.members().stream().filter(member -> member.userId().equals(caller.subject())).findFirst()
                    .ifPresent(member -> places.put(membership.id(), member.role()));
        }
        return places;
    }

    /** Whether the user may see the arena's meetings: only its members (need-to-know). */
    public boolean isMember(String municipality, String arenaId, String userId) {
        return load(municipality, arenaId).members().stream().anyMatch(member -> member.userId().equals(userId));
    }

    /** A staff user's contact details as given with their newest membership in the municipality. */
    Optional<ArenaMembership.Member> contactOf(String municipality, String userId) {
        Query query = Query.query(Criteria.where("municipality").is(municipality).and("members.userId").is(userId));
        return memberships.find(query).stream()
                .flatMap(membership -> membership.members().stream())
                .filter(member -> member.userId().equals(userId) && member.contact() != null)
                .max(Comparator.comparing(ArenaMembership.Member::joinedAt));
    }

    private ArenaMembership load(String municipality, String arenaId) {
        return memberships.find(municipality, arenaId).orElseGet(() -> ArenaMembership.of(municipality, arenaId));
    }
}
