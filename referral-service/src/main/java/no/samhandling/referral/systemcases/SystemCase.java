package no.samhandling.referral.systemcases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.referral.SystemCaseClosed;
import no.samhandling.events.referral.SystemCaseFollowedUp;
import no.samhandling.events.referral.SystemCaseRegistered;
import no.samhandling.personaldata.IdentifierDetector;
import no.samhandling.platform.events.AggregateRoot;
import no.samhandling.platform.web.ProblemException;

/**
 * A problem that goes across services, raised to the leadership team (Samhandlingsteam): about
 * routines, arenas, capacity or cooperation, never about one child. Its texts are written by staff
 * and are refused when they hold a national id number or a birth date.
 */
@Document("system_cases")
class SystemCase extends AggregateRoot {

    /** registered → followed up (any number of notes) → closed with the action taken. */
    enum Status {
        REGISTERED,
        FOLLOWED_UP,
        CLOSED
    }

    private SystemCaseCategory category;
    private String arenaId;
    private String title;
    private String description;
    private String registeredBy;
    private Instant registeredAt;
    private Status status;
    private List<FollowUp> followUps = new ArrayList<>();
    private SystemCaseAction actionCode;
    private String actionTaken;
    private String closedBy;
    private Instant closedAt;

    SystemCase() {
    }

    static SystemCase register(String municipality, String registeredBy, SystemCaseCategory category, String arenaId,
            String title, String description, Instant now) {
        requireText("title", title);
        requireText("description", description);
        SystemCase systemCase = new SystemCase();
        systemCase.id = UUID.randomUUID().toString();
        systemCase.municipality = municipality;
        systemCase.category = category;
        systemCase.arenaId = arenaId;
        systemCase.title = title;
        systemCase.description = description;
        systemCase.registeredBy = registeredBy;
        systemCase.registeredAt = now;
        systemCase.status = Status.REGISTERED;
        systemCase.raise(new SystemCaseRegistered(UUID.randomUUID(), now, municipality, systemCase.id, category.name(), arenaId));
        return systemCase;
    }

    /** A note of what was looked into, decided or done; notes are appended, never changed. */
    void followUp(String note, String byUserId, Instant now) {
        if (status == Status.CLOSED) {
            throw invalidTransition();
        }
        requireText("note", note);
        followUps.add(new FollowUp(note, byUserId, now));
        status = Status.FOLLOWED_UP;
        raise(new SystemCaseFollowedUp(UUID.randomUUID(), now, municipality, id, category.name(), arenaId, followUps.size()));
    }

    /** Closed only after it was followed up, and always with what was done about it. */
    void close(SystemCaseAction action, String actionTaken, String byUserId, Instant now) {
        if (status != Status.FOLLOWED_UP) {
            throw invalidTransition();
        }
        requireText("actionTaken", actionTaken);
        this.actionCode = action;
        this.actionTaken = actionTaken;
        this.closedBy = byUserId;
        this.closedAt = now;
        status = Status.CLOSED;
        raise(new SystemCaseClosed(UUID.randomUUID(), now, municipality, id, category.name(), arenaId, action.name()));
    }

    boolean registeredBy(String subject) {
        return registeredBy.equals(subject);
    }

    Status status() {
        return status;
    }

    SystemCaseView view() {
        return new SystemCaseView(id, category, arenaId, title, description, status, registeredBy, registeredAt,
                List.copyOf(followUps), actionCode, actionTaken, closedBy, closedAt);
    }

    private ProblemException invalidTransition() {
        return ProblemException.invalidTransition("system-case.invalid-transition", status.name(), status.name());
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "jakarta.validation.constraints.NotBlank.message");
        }
        if (IdentifierDetector.containsIdentifier(text)) {
            throw ProblemException.invalid(field, "system-level.identifier-in-text");
        }
    }
}
