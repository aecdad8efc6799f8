package no.samhandling.consent.guardian;

import java.time.Instant;
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
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * What a logged-in guardian sees: only the children for whom they are on file with parental
 * responsibility and their own login. Another child does not exist for them (404, not 403), and
 * the attempt is in the access log; so is every time they open their child's consents.
 */
@Service
class GuardianView {

    private final Subjects subjects;
    private final Consents consents;
    private final AccessLogs logs;
    private final Access access;

    GuardianView(Subjects subjects, Consents consents, AccessLogs logs, Access access) {
        this.subjects = subjects;
        this.consents = consents;
        this.logs = logs;
        this.access = access;
    }

    List<Child> children(Caller caller) {
        return subjects.childrenOf(caller.municipality(), caller.subject()).stream()
                .filter(child -> !child.erased())
                .map(child -> open(caller, child.subjectId()))
                .toList();
    }

    /** One of the guardian's children, with its consents. */
    Child child(Caller caller, String subjectId) {
        guardianOf(caller, subjectId).orElseThrow(() -> access.refused(caller, child(subjectId)));
        return open(caller, subjectId);
    }

    /** One consent the guardians decide on, with its child; a youth's own consent does not exist for them. */
    ChildConsent consent(Caller caller, String consentId) {
        String subjectId = consents.subjectOf(caller.municipality(), consentId)
                .orElseThrow(() -> access.unknown(caller, ChildRelations.CONSENT, consentId));
        Resource resource = ChildRelations.CONSENT.of(consentId).about(subjectId);
        guardianOf(caller, subjectId).orElseThrow(() -> access.refused(caller, resource));
        Child child = open(caller, subjectId);
        ConsentView consent = child.consents().stream().filter(candidate -> candidate.id().equals(consentId)).findFirst()
                .orElseThrow(() -> access.refused(caller, resource));
        return new ChildConsent(child, consent);
    }

    List<ConsentView> withdrawConsent(Caller caller, String consentId) {
        String subjectId = consents.subjectOf(caller.municipality(), consentId)
                .orElseThrow(() -> access.unknown(caller, ChildRelations.CONSENT, consentId));
        SubjectFacts.GuardianFacts guardian = guardianOf(caller, subjectId)
                .orElseThrow(() -> access.refused(caller, ChildRelations.CONSENT.of(consentId).about(subjectId)));
        List<ConsentView> withdrawn = consents.withdrawAsGuardian(caller.municipality(), subjectId, Optional.of(consentId),
                guardian.guardianId(), caller.subject());
        access.changed(caller, Relation.GUARDIAN, ChildRelations.CONSENT.of(consentId).about(subjectId),
                AccessPurpose.GUARDIAN_WITHDRAWAL.name());
        return withdrawn;
    }

    List<ConsentView> withdrawAll(Caller caller, String subjectId) {
        SubjectFacts.GuardianFacts guardian = guardianOf(caller, subjectId)
                .orElseThrow(() -> access.refused(caller, child(subjectId)));
        List<ConsentView> withdrawn = consents.withdrawAsGuardian(caller.municipality(), subjectId, Optional.empty(),
                guardian.guardianId(), caller.subject());
        access.changed(caller, Relation.GUARDIAN, child(subjectId), AccessPurpose.GUARDIAN_WITHDRAWAL.name());
        return withdrawn;
    }

    /**
     * Who has read the child's data, in every service that logs it, newest first: everyone but the
     * guardian themself, whose own visits here would bury the rest.
     */
    List<ChildRead> readsOf(Caller caller, String subjectId) {
        guardianOf(caller, subjectId).orElseThrow(() -> access.refused(caller, child(subjectId)));
        try {
            return logs.readsOf(caller.municipality(), subjectId).stream()
                    .filter(read -> !caller.subject().equals(read.userId()))
                    .map(read -> new ChildRead(read.service(), read.userId(), read.relation(), read.at(), read.resourceKind(),
                            read.resourceId(), read.purpose()))
                    .toList();
        } catch (AccessLogsUnavailableException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("read-audit-unavailable"),
                    "guardian.read-audit-unavailable", null, Map.of());
        }
    }

    private Child open(Caller caller, String subjectId) {
        access.read(caller, Relation.GUARDIAN, child(subjectId), AccessPurpose.GUARDIAN_VIEW.name());
        return new Child(subjectId, subjects.nameOf(caller.municipality(), subjectId).orElse(null),
                consents.visibleToGuardians(caller.municipality(), subjectId));
    }

    private Optional<SubjectFacts.GuardianFacts> guardianOf(Caller caller, String subjectId) {
        return subjects.childrenOf(caller.municipality(), caller.subject()).stream()
                .filter(child -> child.subjectId().equals(subjectId) && !child.erased())
                .findFirst()
                .flatMap(child -> child.guardianUser(caller.subject()))
                .filter(SubjectFacts.GuardianFacts::parentalResponsibility);
    }

    private static Resource child(String subjectId) {
        return ChildRelations.CHILD.of(subjectId).about(subjectId);
    }

    /** A child of the guardian, with the consents the guardians decide on. */
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
