package no.samhandling.consent.guardian;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import no.samhandling.consent.accesslog.AccessLogs;
import no.samhandling.consent.accesslog.AccessLogsUnavailableException;
import no.samhandling.consent.consents.AccessPurpose;
import no.samhandling.consent.consents.ChildRelations;
import no.samhandling.consent.consents.ConsentView;
import no.samhandling.consent.consents.Consents;
import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.Resource;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * What the child's family sees, logged in as themselves: a guardian the children for whom they are on
 * file with parental responsibility and their own login, and the youth their own record while they
 * decide alone in a legal area ({@link ChildRelations#familyRelationOf}); each sees the consents they
 * decide on ({@link Consents#visibleTo}). Another child does not exist for them (404, not 403), and the
 * attempt is in the access log; so is every time they open the child's consents.
 */
@Service
class GuardianView {

    private final Subjects subjects;
    private final Consents consents;
    private final ChildRelations relations;
    private final AccessLogs logs;
    private final Access access;

    GuardianView(Subjects subjects, Consents consents, ChildRelations relations, AccessLogs logs, Access access) {
        this.subjects = subjects;
        this.consents = consents;
        this.relations = relations;
        this.logs = logs;
        this.access = access;
    }

    /** The guardian's children, or the youth's own record. */
    List<Child> children(Caller caller) {
        List<SubjectFacts> candidates = new ArrayList<>();
        if (caller.has(Role.GUARDIAN)) {
            candidates.addAll(subjects.childrenOf(caller.municipality(), caller.subject()));
        }
        if (caller.has(Role.YOUTH)) {
            subjects.ownRecordOf(caller.municipality(), caller.subject()).ifPresent(candidates::add);
        }
        return candidates.stream()
                .flatMap(child -> relations.familyRelationOf(caller, child).map(relation -> new Member(child, relation)).stream())
                .map(member -> open(caller, member))
                .toList();
    }

    /** One of the caller's children (or the youth's own record), with its consents. */
    Child child(Caller caller, String subjectId) {
        return open(caller, memberOf(caller, subjectId).orElseThrow(() -> access.refused(caller, child(subjectId))));
    }

    /** One consent the caller decides on, with its child; any other consent does not exist for them. */
    ChildConsent consent(Caller caller, String consentId) {
        String subjectId = consents.subjectOf(caller.municipality(), consentId)
                .orElseThrow(() -> access.unknown(caller, ChildRelations.CONSENT, consentId));
        Resource resource = ChildRelations.CONSENT.of(consentId).about(subjectId);
        Member member = memberOf(caller, subjectId).orElseThrow(() -> access.refused(caller, resource));
        Child child = open(caller, member);
        ConsentView consent = child.consents().stream().filter(candidate -> candidate.id().equals(consentId)).findFirst()
                .orElseThrow(() -> access.refused(caller, resource));
        return new ChildConsent(child, consent);
    }

    List<ConsentView> withdrawConsent(Caller caller, String consentId) {
        String subjectId = consents.subjectOf(caller.municipality(), consentId)
                .orElseThrow(() -> access.unknown(caller, ChildRelations.CONSENT, consentId));
        Resource resource = ChildRelations.CONSENT.of(consentId).about(subjectId);
        Member member = memberOf(caller, subjectId).orElseThrow(() -> access.refused(caller, resource));
        List<ConsentView> withdrawn = consents.withdrawAs(member.relation(), member.child(), Optional.of(consentId),
                member.guardianId(caller), caller.subject());
        access.changed(caller, member.relation(), resource, member.withdrawalPurpose().name());
        return withdrawn;
    }

    List<ConsentView> withdrawAll(Caller caller, String subjectId) {
        Member member = memberOf(caller, subjectId).orElseThrow(() -> access.refused(caller, child(subjectId)));
        List<ConsentView> withdrawn = consents.withdrawAs(member.relation(), member.child(), Optional.empty(),
                member.guardianId(caller), caller.subject());
        access.changed(caller, member.relation(), child(subjectId), member.withdrawalPurpose().name());
        return withdrawn;
    }

    /**
     * Who has read the child's data, in every service that logs it, newest first: everyone but the
     * caller themself, whose own visits here would bury the rest, and the child itself, whose visits
     * to its own record are nobody else's business.
     */
    List<ChildRead> readsOf(Caller caller, String subjectId) {
        Member member = memberOf(caller, subjectId).orElseThrow(() -> access.refused(caller, child(subjectId)));
        try {
            return logs.readsOf(caller.municipality(), subjectId, member.child().topicId()).stream()
                    .filter(read -> !caller.subject().equals(read.userId()) && !member.child().isTheYouth(read.userId()))
                    .map(read -> new ChildRead(read.service(), read.userId(), read.relation(), read.at(), read.resourceKind(),
                            read.resourceId(), read.purpose()))
                    .toList();
        } catch (AccessLogsUnavailableException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("read-audit-unavailable"),
                    "guardian.read-audit-unavailable", null, Map.of());
        }
    }

    private Child open(Caller caller, Member member) {
        String subjectId = member.child().subjectId();
        access.read(caller, member.relation(), child(subjectId), member.viewPurpose().name());
        return new Child(subjectId, subjects.nameOf(caller.municipality(), subjectId).orElse(null),
                consents.visibleTo(member.relation(), member.child()));
    }

    private Optional<Member> memberOf(Caller caller, String subjectId) {
        return subjects.facts(caller.municipality(), subjectId)
                .flatMap(child -> relations.familyRelationOf(caller, child).map(relation -> new Member(child, relation)));
    }

    /** The caller as the child's family: a guardian, or the youth. */
    private record Member(SubjectFacts child, Relation relation) {

        String guardianId(Caller caller) {
            return relation == Relation.GUARDIAN
                    ? child.guardianUser(caller.subject()).map(SubjectFacts.GuardianFacts::guardianId).orElseThrow()
                    : null;
        }

        AccessPurpose viewPurpose() {
            return relation == Relation.YOUTH ? AccessPurpose.YOUTH_VIEW : AccessPurpose.GUARDIAN_VIEW;
        }

        AccessPurpose withdrawalPurpose() {
            return relation == Relation.YOUTH ? AccessPurpose.YOUTH_WITHDRAWAL : AccessPurpose.GUARDIAN_WITHDRAWAL;
        }
    }

    private static Resource child(String subjectId) {
        return ChildRelations.CHILD.of(subjectId).about(subjectId);
    }

    /** A child of the guardian (or the youth themself), with the consents the caller decides on. */
    record Child(String subjectId, String name, List<ConsentView> consents) {
    }

    record ChildConsent(Child child, ConsentView consent) {
    }

    /**
     * One read of the child's data, as the guardian sees it: in which service, by whom (an opaque
     * user id) in which relation, when, what was opened, and why.
     */
    record ChildRead(String service, String readerId, Relation relation, Instant readAt, String resourceKind, String resourceId,
            String purpose) {
    }
}
