package no.samhandling.consent.consents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.consent.consents.ConsentRequests.DecidedBy;
import no.samhandling.consent.consents.ConsentRequests.EvidenceRequest;
import no.samhandling.consent.arenas.ArenaParties;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.events.consent.ConsentCoverage;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.personaldata.Sealed;
import no.samhandling.personaldata.SubjectErasedException;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.Resource;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/**
 * Records consents, refusals, limitations and withdrawals, applying the municipality's rules to
 * decide when a consent is complete, and ends consents whose last day has passed. Staff see and
 * change a child's consents only when related to the child ({@link ChildRelations}); each time is
 * written to the access log first, and to everyone else the child and its consents do not exist.
 */
@Service
public class Consents {

    static final String EVIDENCE_REFERENCE = "evidence-reference";

    private final AggregateStore<Consent> consents;
    private final Subjects subjects;
    private final ConsentRules rules;
    private final PersonalDataCipher cipher;
    private final ChildRelations relations;
    private final GuardianPseudonyms guardianPseudonyms;
    private final ArenaParties arenas;
    private final Access access;
    private final Clock clock;

    Consents(AggregateStores stores, Subjects subjects, ConsentRules rules, PersonalDataCipher cipher, ChildRelations relations,
            GuardianPseudonyms guardianPseudonyms, ArenaParties arenas, Access access, Clock clock) {
        this.consents = stores.of(Consent.class);
        this.subjects = subjects;
        this.rules = rules;
        this.cipher = cipher;
        this.relations = relations;
        this.guardianPseudonyms = guardianPseudonyms;
        this.arenas = arenas;
        this.access = access;
        this.clock = clock;
    }

    ConsentView recordConsent(Caller caller, String subjectId, ConsentRequests.RecordConsent request) {
        Related related = relatedChild(caller, subjectId);
        SubjectFacts subject = registered(related.child());
        Requirement requirement = requirement(caller.municipality(), request.legalArea(), subject);
        LocalDate today = today();
        LocalDate validFrom = request.validFrom() == null ? today : request.validFrom();
        checkPeriod(validFrom, request.validTo(), today);
        Instant now = clock.instant();
        List<Decision> given = decisions(caller, subject, request.decidedBy(), Decision.Verdict.CONSENTED, request.evidence(), now);
        Consent consent = Consent.request(caller.municipality(), subjectId, subject.topicId(), request.legalArea(), request.scope().toScope(),
                validFrom, request.validTo(), given, requirement, caller.subject(), now);
        return changed(caller, related.relation(), consents.save(consent), AccessPurpose.CONSENT_RECORDED);
    }

    ConsentView recordRefusal(Caller caller, String subjectId, ConsentRequests.RecordRefusal request) {
        Related related = relatedChild(caller, subjectId);
        SubjectFacts subject = registered(related.child());
        Requirement requirement = requirement(caller.municipality(), request.legalArea(), subject);
        Instant now = clock.instant();
        List<Decision> refused = decisions(caller, subject, request.decidedBy(), Decision.Verdict.REFUSED, request.evidence(), now);
        Consent refusal = Consent.refusal(caller.municipality(), subjectId, subject.topicId(), request.legalArea(), request.scope().toScope(),
                refused, requirement, caller.subject(), now);
        return changed(caller, related.relation(), consents.save(refusal), AccessPurpose.CONSENT_RECORDED);
    }

    ConsentView approve(Caller caller, String consentId, ConsentRequests.Decide request) {
        Consent consent = existing(caller, consentId);
        Relation relation = relationTo(caller, consent);
        SubjectFacts subject = registeredSubject(caller.municipality(), consent.subjectId());
        Requirement requirement = requirement(caller.municipality(), consent.legalArea(), subject);
        Instant now = clock.instant();
        consent.addConsents(decisions(caller, subject, request.decidedBy(), Decision.Verdict.CONSENTED, request.evidence(), now),
                requirement, now);
        return changed(caller, relation, consents.save(consent), AccessPurpose.CONSENT_RECORDED);
    }

    ConsentView refuse(Caller caller, String consentId, ConsentRequests.Decide request) {
        Consent consent = existing(caller, consentId);
        Relation relation = relationTo(caller, consent);
        SubjectFacts subject = registeredSubject(caller.municipality(), consent.subjectId());
        Instant now = clock.instant();
        consent.refuse(decisions(caller, subject, request.decidedBy(), Decision.Verdict.REFUSED, request.evidence(), now), now);
        return changed(caller, relation, consents.save(consent), AccessPurpose.CONSENT_RECORDED);
    }

    ConsentView limit(Caller caller, String consentId, ConsentRequests.LimitConsent request) {
        Consent consent = existing(caller, consentId);
        Relation relation = relationTo(caller, consent);
        consent.requireInForce();
        Scope current = consent.scope();
        List<String> arenaIds = narrowed("arenaIds", current.arenaIds(), request.arenaIds());
        List<String> parties = narrowed("parties", current.parties(), request.parties());
        List<String> included = narrowed("informationIncluded", current.informationIncluded(), request.informationIncluded());
        List<String> excluded = current.informationExcluded();
        if (request.informationExcluded() != null) {
            if (!request.informationExcluded().containsAll(current.informationExcluded())) {
                throw ProblemException.invalid("informationExcluded", "consent.limit-must-keep-exclusions");
            }
            excluded = request.informationExcluded().stream().distinct().toList();
        }
        LocalDate validTo = consent.validTo();
        if (request.validTo() != null) {
            if (validTo != null && request.validTo().isAfter(validTo)) {
                throw ProblemException.invalid("validTo", "consent.limit-cannot-extend");
            }
            checkPeriod(consent.validFrom(), request.validTo(), today());
            validTo = request.validTo();
        }
        Scope narrower = new Scope(arenaIds, parties, current.purposeCode(), included, excluded);
        if (narrower.equals(current) && Objects.equals(validTo, consent.validTo())) {
            throw ProblemException.invalid("scope", "consent.limit-changes-nothing");
        }
        consent.limit(narrower, validTo, caller.subject(), clock.instant());
        return changed(caller, relation, consents.save(consent), AccessPurpose.CONSENT_CHANGED);
    }

    /** Staff record a withdrawal a guardian or the youth made to them, often orally. */
    ConsentView recordWithdrawal(Caller caller, String consentId, ConsentRequests.RecordWithdrawal request) {
        Consent consent = existing(caller, consentId);
        Relation relation = relationTo(caller, consent);
        boolean youthConsented = consent.decisions().stream()
                .anyMatch(decision -> decision.party() == Decision.Party.YOUTH && decision.consents());
        if (request.withdrawnBy() == ConsentWithdrawer.GUARDIAN && consent.youthDecidesAlone()) {
            throw ProblemException.invalid("withdrawnBy", "consent.youth-decides-alone");
        }
        if (request.withdrawnBy() == ConsentWithdrawer.YOUTH && !youthConsented) {
            throw ProblemException.invalid("withdrawnBy", "consent.youth-did-not-consent");
        }
        String guardianId = null;
        if (request.withdrawnBy() == ConsentWithdrawer.GUARDIAN) {
            SubjectFacts subject = registeredSubject(caller.municipality(), consent.subjectId());
            guardianId = withParentalResponsibility(subject, request.guardianId(), "guardianId");
        }
        EvidenceRequest evidence = request.evidence() == null ? new EvidenceRequest(Evidence.Type.ORAL, null) : request.evidence();
        consent.withdraw(new Consent.Withdrawal(request.withdrawnBy(), guardianId,
                evidence(caller.municipality(), consent.subjectId(), evidence, "evidence"), clock.instant(), caller.subject()));
        return changed(caller, relation, consents.save(consent), AccessPurpose.CONSENT_CHANGED);
    }

    /** The child a consent is about. */
    public Optional<String> subjectOf(String municipality, String consentId) {
        return consents.find(municipality, consentId).map(Consent::subjectId);
    }

    /** One consent, to those related to its child; logged before it is returned. */
    ConsentView find(Caller caller, String consentId) {
        Consent consent = existing(caller, consentId);
        Relation relation = relationTo(caller, consent);
        access.read(caller, relation, consentResource(consent), AccessPurpose.CONSENTS.name());
        return staffView(consent);
    }

    /** Every consent and refusal of the child, to those related to it; logged before it is returned. */
    List<ConsentView> ofSubject(Caller caller, String subjectId) {
        Related related = relatedChild(caller, subjectId);
        access.read(caller, related.relation(), childResource(subjectId), AccessPurpose.CONSENTS.name());
        return ofSubject(caller.municipality(), subjectId).stream().map(this::staffView).toList();
    }

    /**
     * The child's consents that let the arena, with every service in it, discuss the child today
     * (the shared coverage rule, as the consent gate applies it): what staff may register a named
     * case under. To those related to the child; logged before it is returned.
     */
    public List<ConsentView> coveringArena(Caller caller, String subjectId, String arenaId) {
        Related related = relatedChild(caller, subjectId);
        access.read(caller, related.relation(), childResource(subjectId), AccessPurpose.CONSENTS.name());
        Optional<List<String>> parties = arenas.partiesOf(caller.municipality(), arenaId);
        if (parties.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        return ofSubject(caller.municipality(), subjectId).stream()
                .filter(consent -> consent.covers(arenaId, parties.get(), today))
                .map(this::staffView)
                .toList();
    }

    /** The legal areas the caller's municipality has consent rules for, by code. */
    List<String> legalAreas(Caller caller) {
        return List.copyOf(rules.areas(caller.municipality()).keySet());
    }

    /**
     * The consents a member of the child's family sees in their own view, by their relation
     * ({@link ChildRelations#familyRelationOf}): a guardian those the guardians decide on (a consent the
     * youth gave alone is the youth's own, and stays confidential from the guardians); the youth those of
     * the legal areas where they decide alone today, whoever gave them, and none of the others.
     */
    public List<ConsentView> visibleTo(Relation relation, SubjectFacts child) {
        return ofSubject(child.municipality(), child.subjectId()).stream()
                .filter(decidedOnBy(relation, child))
                .map(consent -> view(consent, sealed -> null))
                .toList();
    }

    /**
     * A guardian with parental responsibility, or the youth, withdraws, logged in: one consent, or with
     * no consent id every pending or granted consent of the child they decide on ({@link #visibleTo}).
     * Returns those withdrawn.
     *
     * @param guardianId the guardian who withdraws; null for the youth
     */
    public List<ConsentView> withdrawAs(Relation relation, SubjectFacts child, Optional<String> consentId, String guardianId,
            String userId) {
        ConsentWithdrawer withdrawer = switch (relation) {
            case GUARDIAN -> ConsentWithdrawer.GUARDIAN;
            case YOUTH -> ConsentWithdrawer.YOUTH;
            default -> throw new IllegalArgumentException("Only the child's family withdraws in their own view: " + relation);
        };
        Evidence.Type evidence = relation == Relation.YOUTH ? Evidence.Type.YOUTH_VIEW : Evidence.Type.GUARDIAN_VIEW;
        List<Consent> targets = ofSubject(child.municipality(), child.subjectId()).stream()
                .filter(decidedOnBy(relation, child))
                .filter(consent -> consentId.map(consent.id()::equals).orElse(true))
                .filter(consent -> consentId.isPresent() || consent.status() == Consent.Status.PENDING || consent.status().inForce())
                .toList();
        if (consentId.isPresent() && targets.isEmpty()) {
            throw ProblemException.notFound("Samtykke", consentId.get());
        }
        List<ConsentView> withdrawn = new ArrayList<>();
        for (Consent consent : targets) {
            consent.withdraw(new Consent.Withdrawal(withdrawer, guardianId, new Evidence(evidence, null), clock.instant(), userId));
            withdrawn.add(view(consents.save(consent), sealed -> null));
        }
        return withdrawn;
    }

    /** The consents a family member decides on: see {@link #visibleTo}. */
    private Predicate<Consent> decidedOnBy(Relation relation, SubjectFacts child) {
        return switch (relation) {
            case GUARDIAN -> consent -> !consent.youthDecidesAlone();
            case YOUTH -> {
                Set<String> areas = relations.areasTheYouthDecides(child);
                yield consent -> areas.contains(consent.legalArea());
            }
            default -> consent -> false;
        };
    }

    /** Whether a consent the guardians gave lets this arena, with every service in it, discuss the child today. */
    public boolean guardiansConsentCovers(String municipality, String subjectId, String arenaId, List<String> arenaParties) {
        LocalDate today = today();
        return ofSubject(municipality, subjectId).stream()
                .anyMatch(consent -> consent.givenBy() == ConsentGiver.GUARDIANS && consent.covers(arenaId, arenaParties, today));
    }

    /** Ends every consent whose last day has passed; returns how many ended. */
    public int expireEndedConsents() {
        LocalDate today = today();
        Query query = Query.query(Criteria.where("status").in(Consent.Status.PENDING, Consent.Status.GRANTED, Consent.Status.LIMITED)
                .and("validTo").ne(null));
        int expired = 0;
        for (Consent consent : consents.find(query)) {
            if (consent.expireIfEnded(today, clock.instant())) {
                try {
                    consents.save(consent);
                    expired++;
                } catch (OptimisticLockingFailureException e) {
                    // Changed meanwhile (withdrawn, limited): the next run looks at it again.
                }
            }
        }
        return expired;
    }

    /** The child was erased: its consents keep no reference that could name it. */
    public void eraseConsentsOf(String municipality, String subjectId) {
        Instant now = clock.instant();
        for (Consent consent : ofSubject(municipality, subjectId)) {
            if (consent.status() != Consent.Status.ERASED) {
                consent.erase(now);
                consents.save(consent);
            }
        }
    }

    private List<Consent> ofSubject(String municipality, String subjectId) {
        return consents.find(Query.query(Criteria.where("municipality").is(municipality).and("subjectId").is(subjectId))
                .with(Sort.by("recordedAt")));
    }

    /** A child the caller is related to, and how; to anyone else it does not exist. */
    private record Related(SubjectFacts child, Relation relation) {
    }

    private Related relatedChild(Caller caller, String subjectId) {
        SubjectFacts child = subjects.facts(caller.municipality(), subjectId)
                .orElseThrow(() -> access.unknown(caller, ChildRelations.CHILD, subjectId));
        return new Related(child, access.require(caller, childResource(subjectId), relations.relationOf(caller, child)));
    }

    /** The caller's relation to the consent's child; to anyone else the consent does not exist. */
    private Relation relationTo(Caller caller, Consent consent) {
        // An erased child's consent names no child any more, so it is nobody's.
        Optional<Relation> relation = Optional.ofNullable(consent.subjectId())
                .flatMap(subjectId -> subjects.facts(caller.municipality(), subjectId))
                .flatMap(child -> relations.relationOf(caller, child));
        return access.require(caller, consentResource(consent), relation);
    }

    private Consent existing(Caller caller, String consentId) {
        return consents.find(caller.municipality(), consentId).orElseThrow(() -> access.unknown(caller, ChildRelations.CONSENT, consentId));
    }

    private ConsentView changed(Caller caller, Relation relation, Consent consent, AccessPurpose purpose) {
        access.changed(caller, relation, consentResource(consent), purpose.name());
        return staffView(consent);
    }

    private static Resource childResource(String subjectId) {
        return ChildRelations.CHILD.of(subjectId).about(subjectId);
    }

    private static Resource consentResource(Consent consent) {
        return ChildRelations.CONSENT.of(consent.id()).about(consent.subjectId());
    }

    private static SubjectFacts registered(SubjectFacts subject) {
        if (subject.erased()) {
            throw ProblemException.invalidTransition("subject.erased", "ERASED");
        }
        return subject;
    }

    private SubjectFacts registeredSubject(String municipality, String subjectId) {
        SubjectFacts subject = subjects.facts(municipality, subjectId)
                .orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        return registered(subject);
    }

    private Requirement requirement(String municipality, String legalArea, SubjectFacts subject) {
        ConsentRules.Applicable rule = rules.applicable(municipality, legalArea)
                .orElseThrow(() -> ProblemException.invalid("legalArea", "consent.legal-area-unknown",
                        String.join(", ", rules.areas(municipality).keySet())));
        return Requirement.of(rule, subject, today(), userId -> guardianPseudonyms.of(municipality, subject.subjectId(), userId));
    }

    private List<Decision> decisions(Caller caller, SubjectFacts subject, DecidedBy decidedBy, Decision.Verdict verdict,
            EvidenceRequest evidenceRequest, Instant now) {
        if (decidedBy.guardianIds().isEmpty() && !decidedBy.youth()) {
            throw ProblemException.invalid("decidedBy", "consent.nobody-decided");
        }
        Evidence evidence = evidence(caller.municipality(), subject.subjectId(), evidenceRequest, "evidence");
        List<Decision> decisions = new ArrayList<>();
        for (String guardianId : new HashSet<>(decidedBy.guardianIds())) {
            withParentalResponsibility(subject, guardianId, "decidedBy.guardianIds");
            decisions.add(new Decision(Decision.Party.GUARDIAN, guardianId, verdict, evidence, now, caller.subject()));
        }
        if (decidedBy.youth()) {
            decisions.add(new Decision(Decision.Party.YOUTH, null, verdict, evidence, now, caller.subject()));
        }
        return decisions;
    }

    private static String withParentalResponsibility(SubjectFacts subject, String guardianId, String field) {
        if (guardianId == null) {
            throw ProblemException.invalid(field, "consent.guardian-required");
        }
        SubjectFacts.GuardianFacts guardian = subject.guardian(guardianId)
                .orElseThrow(() -> ProblemException.invalid(field, "consent.guardian-unknown", guardianId));
        if (!guardian.parentalResponsibility()) {
            throw ProblemException.invalid(field, "consent.guardian-without-parental-responsibility", guardianId);
        }
        return guardianId;
    }

    private Evidence evidence(String municipality, String subjectId, EvidenceRequest request, String field) {
        boolean referenceRequired = request.type() == Evidence.Type.SIGNED_FORM || request.type() == Evidence.Type.DIGITAL_SIGNATURE;
        boolean hasReference = request.reference() != null && !request.reference().isBlank();
        if (referenceRequired && !hasReference) {
            throw ProblemException.invalid(field + ".reference", "consent.evidence-reference-required");
        }
        try {
            return new Evidence(request.type(),
                    hasReference ? cipher.seal(municipality, subjectId, EVIDENCE_REFERENCE, request.reference().strip()) : null);
        } catch (SubjectErasedException raced) {
            // Erased after it was read: the key store refuses to make a key for it again.
            throw ProblemException.invalidTransition("subject.erased", "ERASED");
        }
    }

    private static void checkPeriod(LocalDate validFrom, LocalDate validTo, LocalDate today) {
        if (validTo == null) {
            return;
        }
        if (validTo.isBefore(validFrom)) {
            throw ProblemException.invalid("validTo", "consent.valid-to-before-valid-from");
        }
        if (validTo.isBefore(today)) {
            throw ProblemException.invalid("validTo", "consent.valid-to-in-the-past");
        }
    }

    private static List<String> narrowed(String field, List<String> current, List<String> requested) {
        if (requested == null) {
            return current;
        }
        if (!current.containsAll(requested)) {
            throw ProblemException.invalid(field, "consent.limit-cannot-widen");
        }
        return requested.stream().distinct().toList();
    }

    private LocalDate today() {
        return ConsentCoverage.today(clock);
    }

    private ConsentView staffView(Consent consent) {
        return view(consent, sealed -> cipher.open(consent.subjectId(), sealed).orElse(null));
    }

    private ConsentView view(Consent consent, Function<Sealed, String> open) {
        Function<Evidence, String> reference = evidence -> evidence == null || evidence.reference() == null
                ? null : open.apply(evidence.reference());
        Requirement.Awaiting awaiting = consent.awaiting();
        Consent.Withdrawal withdrawal = consent.withdrawal();
        return new ConsentView(consent.id(), consent.subjectId(), consent.legalArea(), consent.status().name(),
                consent.coverage().inForceOn(today()),
                ConsentView.ScopeView.of(consent.scope()), consent.validFrom(), consent.validTo(), consent.givenBy(),
                consent.decisions().stream().map(d -> new ConsentView.DecisionView(d.party().name(), d.guardianId(),
                        d.verdict().name(), d.evidence() == null ? null : d.evidence().type().name(), reference.apply(d.evidence()),
                        d.decidedAt(), d.recordedBy())).toList(),
                awaiting == null ? null : new ConsentView.AwaitingView(awaiting.youth(), awaiting.guardianIds(), awaiting.guardiansNeeded()),
                consent.recordedAt(), consent.recordedBy(), consent.grantedAt(),
                withdrawal == null ? null : new ConsentView.WithdrawalView(withdrawal.withdrawnBy(), withdrawal.guardianId(),
                        withdrawal.evidence() == null ? null : withdrawal.evidence().type().name(), reference.apply(withdrawal.evidence()),
                        withdrawal.withdrawnAt(), withdrawal.recordedBy()),
                consent.endedAt(),
                consent.limitations().stream().map(l -> new ConsentView.LimitationView(l.limitedAt(), l.recordedBy(),
                        ConsentView.ScopeView.of(l.previousScope()), l.previousValidTo())).toList());
    }
}
