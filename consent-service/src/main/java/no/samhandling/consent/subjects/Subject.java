package no.samhandling.consent.subjects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.personaldata.Sealed;
import no.samhandling.platform.events.AggregateRoot;

/**
 * A child whose case may be discussed by name. Outside this document it is known only by opaque ids;
 * its identity and its guardians are stored sealed under the child's own key.
 *
 * <p>It has two ids. Its {@code id} is how people and this service name it (pages, the API, the access
 * log). Its {@code topicId} is the only id it goes by outside consent-service: on every event (consent
 * events, and through them the referrals and notices of other services) and in other services' stores.
 * Only this document ties the two together, and erasure cuts the tie: the topics keep their records for
 * good, so after erasure their records about the child (themes, arenas, meetings) lead to no id that
 * anyone still holds for it.
 */
@Document("subjects")
class Subject extends AggregateRoot {

    enum Status {
        REGISTERED,
        ERASED
    }

    private Status status;
    /** The child's id on the topics and in other services; absent for children registered before it existed. */
    private String topicId;
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
        subject.topicId = UUID.randomUUID().toString();
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
     * Forgets everything about the child here, its topic id too, which SubjectErased carried to every other
     * service before (see Erasure). The key is destroyed before this is stored, so even a copy of the old
     * document is unreadable.
     */
    boolean erase(String admin, Instant now) {
        if (status == Status.ERASED) {
            return false;
        }
        status = Status.ERASED;
        topicId = null;
        name = null;
        birthDate = null;
        nationalId = null;
        guardians = List.of();
        youthUserId = null;
        erasedAt = now;
        erasedBy = admin;
        return true;
    }

    /**
     * The id the child goes by on the topics and in other services: its own topic id, or, for a child registered
     * before topic ids, its id (already on the topics then); none once erased.
     */
    String topicId() {
        if (status == Status.ERASED) {
            return null;
        }
        return topicId == null ? id : topicId;
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
