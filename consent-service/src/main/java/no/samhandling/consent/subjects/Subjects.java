package no.samhandling.consent.subjects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.samhandling.consent.consents.AccessPurpose;
import no.samhandling.consent.consents.ChildRelations;
import no.samhandling.personaldata.NationalIdNumber;
import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.personaldata.Sealed;
import no.samhandling.personaldata.SubjectErasedException;
import no.samhandling.platform.access.Access;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.access.Resource;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;

/**
 * Registers children and their guardians, and answers what other features may know of them.
 * Identifying data is sealed before it is stored and opened only to answer a request that needs it,
 * from someone related to the child ({@link ChildRelations}); every such opening is written to the
 * access log first, and everyone else is told the child does not exist.
 */
@Service
public class Subjects {

    static final int LIST_LIMIT = 200;
    static final String NAME = "name";
    static final String BIRTH_DATE = "birth-date";
    static final String NATIONAL_ID = "national-id";
    static final String GUARDIAN_NAME = "guardian-name";
    static final String GUARDIAN_EMAIL = "guardian-email";
    static final String GUARDIAN_PHONE = "guardian-phone";

    private static final String GUARDIAN_LOGIN_IS_YOURS = "subject.guardian-login-is-yours";
    private static final String YOUTH_LOGIN_IS_YOURS = "subject.youth-login-is-yours";

    private final AggregateStore<Subject> subjects;
    private final PersonalDataCipher cipher;
    private final ChildRelations relations;
    private final Access access;
    private final Clock clock;

    Subjects(AggregateStores stores, PersonalDataCipher cipher, ChildRelations relations, Access access, Clock clock) {
        this.subjects = stores.of(Subject.class);
        this.cipher = cipher;
        this.relations = relations;
        this.access = access;
        this.clock = clock;
    }

    SubjectView register(Caller caller, RegisterSubject request) {
        LocalDate birthDate = birthDateOf(request);
        for (int i = 0; i < request.guardians().size(); i++) {
            refuseOwnLogin(caller, request.guardians().get(i).userId(), "guardians[" + i + "].userId", GUARDIAN_LOGIN_IS_YOURS);
        }
        String youthLogin = blankToNull(request.youthUserId());
        if (youthLogin != null) {
            refuseOwnLogin(caller, youthLogin, "youthUserId", YOUTH_LOGIN_IS_YOURS);
            if (request.guardians().stream().anyMatch(guardian -> youthLogin.equals(blankToNull(guardian.userId())))) {
                throw ProblemException.invalid("youthUserId", "subject.youth-login-is-a-guardians");
            }
        }
        String id = Subject.newId();
        String municipality = caller.municipality();
        List<Guardian> guardians = new ArrayList<>();
        for (RegisterSubject.NewGuardian guardian : request.guardians()) {
            guardians.add(seal(municipality, id, guardian));
        }
        Subject subject = Subject.register(id, municipality,
                cipher.seal(municipality, id, NAME, request.name().strip()),
                cipher.seal(municipality, id, BIRTH_DATE, birthDate.toString()),
                request.nationalId() == null ? null : cipher.seal(municipality, id, NATIONAL_ID, request.nationalId()),
                guardians, youthLogin, caller.subject(), clock.instant());
        subjects.save(subject);
        access.changed(caller, Relation.SUBJECT_REGISTRAR, child(id), AccessPurpose.REGISTRATION.name());
        return view(subject);
    }

    /**
     * A guardian, added by someone related to the child. Nobody makes their own login a guardian's:
     * staff tokens never carry the GUARDIAN role, so it would give them nothing, and the attempt is
     * refused outright; every guardian added after registration is in the access log for the
     * privacy officer's review.
     */
    SubjectView addGuardian(Caller caller, String subjectId, RegisterSubject.NewGuardian guardian) {
        Subject subject = subjects.find(caller.municipality(), subjectId).orElseThrow(() -> access.unknown(caller, ChildRelations.CHILD, subjectId));
        Relation relation = access.require(caller, child(subjectId), relations.relationOf(caller, facts(subject)));
        if (subject.erased()) {
            throw ProblemException.invalidTransition("subject.erased", subject.status().name());
        }
        refuseOwnLogin(caller, guardian.userId(), "userId", GUARDIAN_LOGIN_IS_YOURS);
        if (guardian.userId() != null && guardian.userId().equals(subject.youthUserId())) {
            throw ProblemException.invalid("userId", "subject.guardian-login-is-the-youths");
        }
        try {
            subject.addGuardian(seal(caller.municipality(), subjectId, guardian));
        } catch (SubjectErasedException raced) {
            // Erased after it was read: the key store refuses to make a key for it again.
            throw ProblemException.invalidTransition("subject.erased", Subject.Status.ERASED.name());
        }
        subjects.save(subject);
        access.changed(caller, relation, child(subjectId), AccessPurpose.GUARDIAN_ADDED.name());
        return view(subject);
    }

    /**
     * The child's own login, linked by someone related to the child, as guardians' logins are. It
     * relates the youth only with the YOUTH role and only in the legal areas where the youth is old
     * enough to decide alone ({@link ChildRelations}); nobody links their own login, nor a guardian's
     * of the same child, and every link is in the access log for the privacy officer's review.
     */
    SubjectView linkYouthLogin(Caller caller, String subjectId, RegisterSubject.YouthLogin login) {
        Subject subject = subjects.find(caller.municipality(), subjectId).orElseThrow(() -> access.unknown(caller, ChildRelations.CHILD, subjectId));
        Relation relation = access.require(caller, child(subjectId), relations.relationOf(caller, facts(subject)));
        if (subject.erased()) {
            throw ProblemException.invalidTransition("subject.erased", subject.status().name());
        }
        String userId = login.userId().strip();
        refuseOwnLogin(caller, userId, "userId", YOUTH_LOGIN_IS_YOURS);
        if (subject.guardians().stream().anyMatch(guardian -> userId.equals(guardian.userId()))) {
            throw ProblemException.invalid("userId", "subject.youth-login-is-a-guardians");
        }
        subject.linkYouthLogin(userId);
        subjects.save(subject);
        access.changed(caller, relation, child(subjectId), AccessPurpose.YOUTH_LOGIN_LINKED.name());
        return view(subject);
    }

    /** The child's identity and guardians, to those related to it; logged before it is returned. */
    public SubjectView find(Caller caller, String subjectId) {
        Subject subject = subjects.find(caller.municipality(), subjectId).orElseThrow(() -> access.unknown(caller, ChildRelations.CHILD, subjectId));
        Relation relation = access.require(caller, child(subjectId), relations.relationOf(caller, facts(subject)));
        access.read(caller, relation, child(subjectId), AccessPurpose.CHILD_RECORD.name());
        return view(subject);
    }

    /**
     * The children the caller registered, newest first, for staff who choose one for a named case.
     * Registering a child relates the staff member to it (ChildRelations), and each child listed is
     * written to the access log before its name is shown.
     */
    public List<SubjectView> registeredBy(Caller caller) {
        if (!caller.hasAny(Role.REFERRER, Role.COORDINATOR, Role.MEMBER)) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("municipality").is(caller.municipality()).and("registeredBy").is(caller.subject())
                .and("status").is(Subject.Status.REGISTERED.name())).with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(LIST_LIMIT);
        List<SubjectView> children = new ArrayList<>();
        for (Subject subject : subjects.find(query)) {
            access.read(caller, Relation.SUBJECT_REGISTRAR, child(subject.id()), AccessPurpose.CHILD_RECORD.name());
            children.add(view(subject));
        }
        return children;
    }

    /** What the consent rules need; empty when the subject is not registered in this municipality. */
    public Optional<SubjectFacts> facts(String municipality, String subjectId) {
        return subjects.find(municipality, subjectId).map(this::facts);
    }

    /** The children for whom the user is a guardian with parental responsibility. */
    public List<SubjectFacts> childrenOf(String municipality, String userId) {
        Query query = Query.query(Criteria.where("municipality").is(municipality)
                .and("guardians").elemMatch(Criteria.where("userId").is(userId).and("parentalResponsibility").is(true)));
        return subjects.find(query).stream().map(this::facts).toList();
    }

    /** The child whose own login this is, unless erased. */
    public Optional<SubjectFacts> ownRecordOf(String municipality, String userId) {
        Query query = Query.query(Criteria.where("municipality").is(municipality).and("youthUserId").is(userId));
        return subjects.find(query).stream().filter(subject -> !subject.erased()).findFirst().map(this::facts);
    }

    /** The child's name, for its own guardians and itself; empty once erased. */
    public Optional<String> nameOf(String municipality, String subjectId) {
        return subjects.find(municipality, subjectId)
                .filter(subject -> !subject.erased())
                .flatMap(subject -> cipher.open(subjectId, subject.name()));
    }

    /**
     * Whether the claimed identity is the child's (see {@link IdentityMatch}); empty for a child that is not
     * registered in the municipality, or erased. Opens the identity only to compare it; nothing leaves.
     */
    Optional<Boolean> identityMatches(String municipality, String subjectId, IdentityMatch claimed) {
        return subjects.find(municipality, subjectId)
                .filter(subject -> !subject.erased())
                .map(subject -> claimed.matches(open(subjectId, subject.name()),
                        Optional.ofNullable(open(subjectId, subject.birthDate())).map(LocalDate::parse).orElse(null),
                        open(subjectId, subject.nationalId())));
    }

    /** How to reach the guardians who have parental responsibility, whatever the municipality. */
    public Optional<List<GuardianContact>> contactsWithParentalResponsibility(String subjectId) {
        return subjects.find(Query.query(Criteria.where("_id").is(subjectId))).stream().findFirst()
                .filter(subject -> !subject.erased())
                .map(subject -> subject.guardians().stream()
                        .filter(Guardian::parentalResponsibility)
                        .map(guardian -> new GuardianContact(guardian.guardianId(), open(subjectId, guardian.email()),
                                open(subjectId, guardian.phone()), guardian.language()))
                        .toList());
    }

    /**
     * The child another service names by the id it knows, its topic id (see {@code Subject}); a child registered before
     * topic ids goes by its id there. Empty for an unknown id, and for an erased child, whose topic id is forgotten.
     */
    public Optional<String> subjectIdOf(String topicId) {
        Optional<Subject> byTopicId = subjects.find(Query.query(Criteria.where("topicId").is(topicId))).stream().findFirst();
        if (byTopicId.isPresent()) {
            return byTopicId.map(Subject::id);
        }
        return subjects.find(Query.query(Criteria.where("_id").is(topicId))).stream().findFirst()
                .filter(subject -> topicId.equals(subject.topicId())).map(Subject::id);
    }

    /** The id the child goes by outside consent-service while it has one; empty for an unknown or erased child. */
    public Optional<String> topicIdOf(String municipality, String subjectId) {
        return subjects.find(municipality, subjectId).map(Subject::topicId);
    }

    /** The municipality a subject belongs to, if it is registered at all. */
    public Optional<String> municipalityOf(String subjectId) {
        return subjects.find(Query.query(Criteria.where("_id").is(subjectId))).stream().findFirst().map(Subject::municipality);
    }

    /** Forgets the subject's identity, guardians and topic id; false when it was erased already. */
    public boolean markErased(String municipality, String subjectId, String admin) {
        Subject subject = subjects.find(municipality, subjectId)
                .orElseThrow(() -> ProblemException.notFound("Barn", subjectId));
        boolean erasedNow = subject.erase(admin, clock.instant());
        if (erasedNow) {
            subjects.save(subject);
        }
        return erasedNow;
    }

    private static Resource child(String subjectId) {
        return ChildRelations.CHILD.of(subjectId).about(subjectId);
    }

    private static void refuseOwnLogin(Caller caller, String userId, String field, String message) {
        if (caller.subject().equals(userId == null ? null : userId.strip())) {
            throw ProblemException.invalid(field, message);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A birth date, stated or read from the national id number; both must agree when both are given. */
    private static LocalDate birthDateOf(RegisterSubject request) {
        if (request.nationalId() == null) {
            if (request.birthDate() == null) {
                throw ProblemException.invalid("birthDate", "subject.birth-date-or-national-id");
            }
            return request.birthDate();
        }
        LocalDate fromNumber = NationalIdNumber.birthDateOf(request.nationalId())
                .orElseThrow(() -> ProblemException.invalid("nationalId", "subject.national-id-invalid"));
        if (request.birthDate() != null && !request.birthDate().equals(fromNumber)) {
            throw ProblemException.invalid("birthDate", "subject.birth-date-mismatch");
        }
        return fromNumber;
    }

    private Guardian seal(String municipality, String subjectId, RegisterSubject.NewGuardian guardian) {
        return new Guardian(UUID.randomUUID().toString(),
                cipher.seal(municipality, subjectId, GUARDIAN_NAME, guardian.name().strip()),
                sealOptional(municipality, subjectId, GUARDIAN_EMAIL, guardian.email()),
                sealOptional(municipality, subjectId, GUARDIAN_PHONE, guardian.phone()),
                guardian.parentalResponsibility(),
                blankToNull(guardian.userId()),
                guardian.language() == null ? "nb" : guardian.language());
    }

    private Sealed sealOptional(String municipality, String subjectId, String purpose, String value) {
        return value == null || value.isBlank() ? null : cipher.seal(municipality, subjectId, purpose, value.strip());
    }

    private String open(String subjectId, Sealed sealed) {
        return sealed == null ? null : cipher.open(subjectId, sealed).orElse(null);
    }

    private SubjectFacts facts(Subject subject) {
        LocalDate birthDate = subject.erased() ? null
                : cipher.open(subject.id(), subject.birthDate()).map(LocalDate::parse).orElse(null);
        return new SubjectFacts(subject.id(), subject.topicId(), subject.municipality(), subject.erased() || birthDate == null, birthDate,
                subject.guardians().stream()
                        .map(g -> new SubjectFacts.GuardianFacts(g.guardianId(), g.parentalResponsibility(), g.userId()))
                        .toList(), subject.registeredBy(), subject.youthUserId());
    }

    private SubjectView view(Subject subject) {
        if (subject.erased()) {
            return new SubjectView(subject.id(), subject.status().name(), null, null, false, subject.registeredAt(), List.of(), null);
        }
        String id = subject.id();
        return new SubjectView(id, subject.status().name(), open(id, subject.name()),
                Optional.ofNullable(open(id, subject.birthDate())).map(LocalDate::parse).orElse(null),
                subject.hasNationalId(), subject.registeredAt(),
                subject.guardians().stream().map(g -> new SubjectView.GuardianView(g.guardianId(), open(id, g.name()),
                        open(id, g.email()), open(id, g.phone()), g.parentalResponsibility(), g.userId(), g.language())).toList(),
                subject.youthUserId());
    }
}
