package no.samhandling.referral.deviations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.referral.DeviationClosed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.personaldata.IdentifierDetector;
import no.samhandling.platform.events.AggregateRoot;
import no.samhandling.platform.web.ProblemException;

/**
 * A deviation report (avviksmelding): a staff member reports that a routine of cooperation was not
 * followed. The leadership team categorises it, follows it up and closes it with the action taken.
 * What happened is written by staff and is refused when it holds a national id number or a birth date.
 */
@Document("deviations")
class Deviation extends AggregateRoot {

    /** Incidents happen on Norwegian calendar days. */
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** reported → followed up (any number of notes) → closed with the action taken. */
    enum Status {
        REPORTED,
        FOLLOWED_UP,
        CLOSED
    }

    private DeviationCategory category;
    private String unitType;
    private String arenaId;
    private String whatHappened;
    private LocalDate occurredOn;
    private String reportedBy;
    private Instant reportedAt;
    private Status status;
    private List<FollowUp> followUps = new ArrayList<>();
    private DeviationAction actionCode;
    private String actionTaken;
    private String closedBy;
    private Instant closedAt;

    Deviation() {
    }

    static Deviation report(String municipality, String reportedBy, DeviationCategory category, String unitType, String arenaId,
            String whatHappened, LocalDate occurredOn, Instant now) {
        requireText("whatHappened", whatHappened);
        if (occurredOn.isAfter(LocalDate.ofInstant(now, OSLO))) {
            throw ProblemException.invalid("occurredOn", "deviation.occurred-in-future");
        }
        Deviation deviation = new Deviation();
        deviation.id = UUID.randomUUID().toString();
        deviation.municipality = municipality;
        deviation.category = category;
        deviation.unitType = unitType;
        deviation.arenaId = arenaId;
        deviation.whatHappened = whatHappened;
        deviation.occurredOn = occurredOn;
        deviation.reportedBy = reportedBy;
        deviation.reportedAt = now;
        deviation.status = Status.REPORTED;
        deviation.raise(new DeviationReported(UUID.randomUUID(), now, municipality, deviation.id, category.name(), unitType));
        return deviation;
    }

    /** The leaders' own categorisation, until it is closed; the same category again changes nothing. */
    void recategorise(DeviationCategory newCategory, Instant now) {
        if (status == Status.CLOSED) {
            throw invalidTransition();
        }
        if (newCategory == category) {
            return;
        }
        DeviationCategory previous = category;
        category = newCategory;
        raise(new DeviationRecategorised(UUID.randomUUID(), now, municipality, id, category.name(), previous.name(), unitType));
    }

    /** A note of what was looked into, decided or done; notes are appended, never changed. */
    void followUp(String note, String byUserId, Instant now) {
        if (status == Status.CLOSED) {
            throw invalidTransition();
        }
        requireText("note", note);
        followUps.add(new FollowUp(note, byUserId, now));
        status = Status.FOLLOWED_UP;
        raise(new DeviationFollowedUp(UUID.randomUUID(), now, municipality, id, category.name(), unitType, followUps.size()));
    }

    /** Closed only after it was followed up, and always with what was done about it. */
    void close(DeviationAction action, String actionTaken, String byUserId, Instant now) {
        if (status != Status.FOLLOWED_UP) {
            throw invalidTransition();
        }
        requireText("actionTaken", actionTaken);
        this.actionCode = action;
        this.actionTaken = actionTaken;
        this.closedBy = byUserId;
        this.closedAt = now;
        status = Status.CLOSED;
        raise(new DeviationClosed(UUID.randomUUID(), now, municipality, id, category.name(), unitType, action.name()));
    }

    boolean reportedBy(String subject) {
        return reportedBy.equals(subject);
    }

    DeviationView view() {
        return new DeviationView(id, category, unitType, arenaId, whatHappened, occurredOn, status, reportedBy, reportedAt,
                List.copyOf(followUps), actionCode, actionTaken, closedBy, closedAt);
    }

    private ProblemException invalidTransition() {
        return ProblemException.invalidTransition("deviation.invalid-transition", status.name(), status.name());
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
