package no.samhandling.consent.consents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.ResourceKind;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;

/**
 * Who is related to a child, and so may see and change its identity, guardians and consents:
 * <ul>
 * <li>the staff member who registered it ({@link Relation#SUBJECT_REGISTRAR});</li>
 * <li>the coordinator and members of an arena that a consent for the child covers today, with
 * every service in the arena ({@link ConsentCoverage}, the rule the consent gate applies too);</li>
 * <li>its guardians with parental responsibility, logged in as themselves with the GUARDIAN role;</li>
 * <li>the child itself ({@link Relation#YOUTH}), logged in with its own login and the YOUTH role, while it
 * is at or over the age from which it decides alone in a legal area (the municipality's
 * {@link ConsentRules}), and then only over the consents of those areas
 * ({@link #areasTheYouthDecides}).</li>
 * </ul>
 * A role alone relates nobody: a coordinator of another arena, a leader, an administrator (who
 * erases, and reads nothing) are strangers to the child.
 */
@Component
public class ChildRelations {

    /** The child's record: identity and guardians. */
    public static final ResourceKind CHILD = new ResourceKind("subject", "Barn");
    public static final ResourceKind CONSENT = new ResourceKind("consent", "Samtykke");

    private final AggregateStore<Consent> consents;
    private final ArenaParties arenas;
    private final ArenaRoster roster;
    private final ConsentRules rules;
    private final Clock clock;

    ChildRelations(AggregateStores stores, ArenaParties arenas, ArenaRoster roster, ConsentRules rules, Clock clock) {
        this.consents = stores.of(Consent.class);
        this.arenas = arenas;
        this.roster = roster;
        this.rules = rules;
        this.clock = clock;
    }

    /** The caller's relation to the child, strongest first; empty for everyone else. */
    public Optional<Relation> relationOf(Caller caller, SubjectFacts child) {
        if (!caller.municipality().equals(child.municipality())) {
            return Optional.empty();
        }
        if (caller.hasAny(Role.REFERRER, Role.COORDINATOR, Role.MEMBER) && caller.subject().equals(child.registeredBy())) {
            return Optional.of(Relation.SUBJECT_REGISTRAR);
        }
        if (caller.hasAny(Role.COORDINATOR, Role.MEMBER)) {
            Optional<Relation> throughArena = throughCoveredArena(caller, child);
            if (throughArena.isPresent()) {
                return throughArena;
            }
        }
        return familyRelationOf(caller, child);
    }

    /**
     * The caller's relation to the child as its family, logged in as themselves: a guardian with
     * parental responsibility (GUARDIAN role), or the child itself (YOUTH role) while it decides alone
     * in at least one legal area. Empty for everyone else, staff included.
     */
    public Optional<Relation> familyRelationOf(Caller caller, SubjectFacts child) {
        if (!caller.municipality().equals(child.municipality()) || child.erased()) {
            return Optional.empty();
        }
        if (caller.has(Role.GUARDIAN) && child.guardianUser(caller.subject())
                .filter(SubjectFacts.GuardianFacts::parentalResponsibility).isPresent()) {
            return Optional.of(Relation.GUARDIAN);
        }
        if (caller.has(Role.YOUTH) && child.isTheYouth(caller.subject()) && !areasTheYouthDecides(child).isEmpty()) {
            return Optional.of(Relation.YOUTH);
        }
        return Optional.empty();
    }

    /**
     * The legal areas (codes) in which the child decides alone today: those whose age from the
     * municipality's rules it has reached. The youth sees and withdraws the consents of these areas,
     * whoever gave them, and nothing of the others.
     */
    public Set<String> areasTheYouthDecides(SubjectFacts child) {
        if (child.erased() || child.birthDate() == null) {
            return Set.of();
        }
        int age = child.ageOn(ConsentCoverage.today(clock));
        return rules.areas(child.municipality()).entrySet().stream()
                .filter(area -> age >= area.getValue().youthConsentsAloneFrom())
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The caller sits in an arena that a consent for the child covers today. */
    private Optional<Relation> throughCoveredArena(Caller caller, SubjectFacts child) {
        LocalDate today = ConsentCoverage.today(clock);
        Optional<Relation> found = Optional.empty();
        for (Consent consent : consentsOf(child)) {
            ConsentCoverage coverage = consent.coverage();
            if (!coverage.inForceOn(today)) {
                continue;
            }
            for (String arenaId : coverage.arenaIds()) {
                Optional<Relation> relation = roster.relationOf(caller, arenaId);
                if (relation.isEmpty()) {
                    continue;
                }
                Optional<List<String>> parties = arenas.partiesOf(child.municipality(), arenaId);
                if (parties.isPresent() && coverage.covers(arenaId, parties.get(), today)) {
                    if (relation.get() == Relation.ARENA_COORDINATOR) {
                        return relation;
                    }
                    found = relation;
                }
            }
        }
        return found;
    }

    private List<Consent> consentsOf(SubjectFacts child) {
        return consents.find(Query.query(Criteria.where("municipality").is(child.municipality()).and("subjectId").is(child.subjectId())));
    }
}
