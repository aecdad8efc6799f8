package no.samhandling.arena.membership;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;

/**
 * Arena membership: who grants a place ({@link Granting}), and who sits where. Also answers who should
 * be invited to an arena's meetings and whether a user may see them.
 */
@Service
public class Memberships {

    private final AggregateStore<ArenaMembership> memberships;
    private final ArenaLookup arenas;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    Memberships(AggregateStores stores, ArenaLookup arenas, Clock clock, ApplicationEventPublisher publisher) {
        this.memberships = stores.of(ArenaMembership.class);
        this.arenas = arenas;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Published in-process after the members of an arena changed, so that its coming meetings invite them. */
    public record MembersChanged(String municipality, String arenaId, List<String> memberIds) {
    }

    /** The arena's members, to its own members and to administrators. */
    List<ArenaMembership.Member> members(Caller caller, String arenaId) {
        ArenaMembership membership = existing(caller.municipality(), arenaId);
        Granting.requireMayList(caller, membership.member(caller.subject()).map(ArenaMembership.Member::role));
        return membership.members();
    }

    /** Every member, for the machine client that sends notices (it names the municipality itself). */
    List<ArenaMembership.Member> members(String municipality, String arenaId) {
        return existing(municipality, arenaId).members();
    }

    List<ArenaMembership.Member> join(Caller caller, String arenaId, String userId, String party, MemberRole role,
            ContactDetails contact) {
        ArenaMembership membership = existing(caller.municipality(), arenaId);
        Granting.requireMayAdd(caller, roleOf(membership, caller), userId, role);
        membership.join(userId, party, role, contact, caller.subject(), clock.instant());
        return announce(memberships.save(membership)).members();
    }

    List<ArenaMembership.Member> changeContact(String municipality, String arenaId, String userId, ContactDetails contact) {
        ArenaMembership membership = existing(municipality, arenaId);
        membership.changeContact(userId, contact);
        return memberships.save(membership).members();
    }

    List<ArenaMembership.Member> leave(Caller caller, String arenaId, String userId) {
        ArenaMembership membership = existing(caller.municipality(), arenaId);
        Granting.requireMayRemove(caller, roleOf(membership, caller), membership.member(userId).map(ArenaMembership.Member::role));
        membership.leave(userId, clock.instant());
        return announce(memberships.save(membership)).members();
    }

    /** The catalogue entry names the arena's coordinator (written by an administrator, or imported). */
    @EventListener
    void on(ArenaLookup.CoordinatorNamed named) {
        ArenaMembership membership = load(named.municipality(), named.arenaId());
        if (membership.appointCatalogueCoordinator(named.coordinatorUserId(), named.party(), clock.instant())) {
            announce(memberships.save(membership));
        }
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

    /**
     * The caller's relation to the arena, the basis of need-to-know to its meetings, by the rule every service applies
     * to arena.events ({@link no.samhandling.platform.access.ArenaRoster#relationOf}): its coordinator when they hold
     * the coordinator's place and log in as a coordinator, a member when they hold any place, none otherwise.
     */
    public Optional<Relation> relationOf(Caller caller, String arenaId) {
        return load(caller.municipality(), arenaId).member(caller.subject())
                .map(member -> member.role() == MemberRole.COORDINATOR && caller.has(Role.COORDINATOR) ? Relation.ARENA_COORDINATOR
                        : Relation.ARENA_MEMBER);
    }

    /** The arenas the caller sits in, each with their place there: what "my arenas" lists. */
    public java.util.Map<String, MemberRole> placesOf(Caller caller) {
        Query query = Query.query(Criteria.where("municipality").is(caller.municipality()).and("members.userId").is(caller.subject()));
        java.util.Map<String, MemberRole> places = new java.util.LinkedHashMap<>();
        for (ArenaMembership membership : memberships.find(query)) {
            membership.members().stream().filter(member -> member.userId().equals(caller.subject())).findFirst()
                    .ifPresent(member -> places.put(membership.id(), member.role()));
        }
        return places;
    }

    /** A staff user's contact details as given with their newest membership in the municipality. */
    Optional<ArenaMembership.Member> contactOf(String municipality, String userId) {
        Query query = Query.query(Criteria.where("municipality").is(municipality).and("members.userId").is(userId));
        return memberships.find(query).stream()
                .flatMap(membership -> membership.members().stream())
                .filter(member -> member.userId().equals(userId) && member.contact() != null)
                .max(Comparator.comparing(ArenaMembership.Member::joinedAt));
    }

    private static Optional<MemberRole> roleOf(ArenaMembership membership, Caller caller) {
        return membership.member(caller.subject()).map(ArenaMembership.Member::role);
    }

    /** @throws no.samhandling.platform.web.ProblemException 404 when the municipality has no such arena */
    private ArenaMembership existing(String municipality, String arenaId) {
        arenas.requireArena(municipality, arenaId);
        return load(municipality, arenaId);
    }

    private ArenaMembership load(String municipality, String arenaId) {
        return memberships.find(municipality, arenaId).orElseGet(() -> ArenaMembership.of(municipality, arenaId));
    }
}
