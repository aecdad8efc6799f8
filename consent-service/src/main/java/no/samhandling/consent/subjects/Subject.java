package no.samhandling.consent.subjects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.consent.SubjectErased;
import no.samhandling.personaldata.Sealed;
import no.samhandling.platform.events.AggregateRoot;

/**
 * A child whose case may be discussed by name. Outside this document it is known only by its
 * opaque id; its identity and its guardians are stored sealed under the child's own key.
 */
@Document("subjects")
class Subject extends AggregateRoot {

    enum Status {
        REGISTERED,
        ERASED
    }

    private Status status;
    private Sealed name;
    private Sealed birthDate;
    private Sealed nationalId;
    private List<Guardian> guardians;
    /** The child's own login (the token's {@code sub}), for the youth's own view; an opaque id. */
    private String youthUserId;
    private Instant registeredAt;
    private String registeredBy;
    private Instant erasedAt;
    private String erasedBy;

    Subject() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static Subject register(String id, String municipality, Sealed name, Sealed birthDate, Sealed nationalId,
            List<Guardian> guardians, String youthUserId, String registeredBy, Instant now) {
        Subject subject = new Subject();
        subject.id = id;
        subject.municipality = municipality;
        subject.status = Status.REGISTERED;
        subject.name = name;
        subject.birthDate = birthDate;
        subject.nationalId = nationalId;
        subject.guardians = List.copyOf(guardians);
        subject.youthUserId = youthUserId;
        subject.registeredAt = now;
        subject.registeredBy = registeredBy;
        return subject;
    }

    void addGuardian(Guardian guardian) {
        List<Guardian> more = new ArrayList<>(guardians);
        more.add(guardian);
        guardians = List.copyOf(more);
    }

    /** Links the child's own login, replacing any linked before. */
    void linkYouthLogin(String userId) {
        youthUserId = userId;
    }

    /**
     * Forgets everything about the child here and tells every other service to do the same. The
     * key is destroyed before this is stored, so even a copy of the old document is unreadable.
     */
    boolean erase(String admin, Instant now) {
        if (status == Status.ERASED) {
            return false;
        }
        status = Status.ERASED;
        name = null;
        birthDate = null;
        nationalId = null;
        guardians = List.of();
        youthUserId = null;
        erasedAt = now;
        erasedBy = admin;
        raise(new SubjectErased(UUID.randomUUID(), now, municipality, id));
        return true;
    }

    boolean erased() {
        return status == Status.ERASED;
    }

    Status status() {
        return status;
    }

    Sealed name() {
        return name;
    }

    Sealed birthDate() {
        return birthDate;
    }

    boolean hasNationalId() {
        return nationalId != null;
    }

    Sealed nationalId() {
        return nationalId;
    }

    List<Guardian> guardians() {
        return guardians == null ? List.of() : guardians;
    }

    String youthUserId() {
        return youthUserId;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    String registeredBy() {
        return registeredBy;
    }
}
