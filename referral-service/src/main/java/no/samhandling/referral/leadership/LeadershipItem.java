package no.samhandling.referral.leadership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRecategorised;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.personaldata.IdentifierDetector;
import no.samhandling.platform.events.AggregateRoot;
import no.samhandling.platform.web.ProblemException;

/**
 * An item on the leadership team's (Samhandlingsteam) fixed agenda, of one of two kinds (Giske):
 * <ul>
 * <li>a {@link LeadershipItemKind#DEVIATION deviation report} (avviksmelding): a staff member
 * reports that a routine of cooperation was not followed, naming the kind of unit they work in and
 * the day it happened;</li>
 * <li>a {@link LeadershipItemKind#SYSTEM_CASE system case}: a problem across services (routines,
 * arenas, capacity, cooperation), never about one child, with a title.</li>
 * </ul>
 * Both go from registered through any number of follow-up notes to closed with the action taken, and
 * publish the same four events on {@code leadership.events}, carrying codes only. Every text is written
 * by staff and is refused when it holds a national id number or a birth date.
 *
 * <p>Category and action are stored as the codes of the kind's closed list ({@link DeviationCategory},
 * {@link SystemCaseCategory}, …); the registers' APIs give them their types.
 */
@Document("leadership_items")
class LeadershipItem extends AggregateRoot {

    /** Incidents happen on Norwegian calendar days. */
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** registered → followed up (any number of notes) → closed with the action taken. */
    enum Status {
        REGISTERED,
        FOLLOWED_UP,
        CLOSED
    }

    private LeadershipItemKind kind;
    private String category;
    /** Deviations: the kind of unit the reporter works in (SCHOOL, KINDERGARTEN, …). */
    private String unitType;
    private String arenaId;
    /** System cases: what the case is about, in a line. */
    private String title;
    /** A deviation's "what happened", a system case's description. */
    private String description;
    /** Deviations: the day it happened. */
    private LocalDate occurredOn;
    private String registeredBy;
    private Instant registeredAt;
    private Status status;
    private List<FollowUp> followUps = new ArrayList<>();
    private String actionCode;
    private String actionTaken;
    private String closedBy;
    private Instant closedAt;

    LeadershipItem() {
    }

    static LeadershipItem reportDeviation(String municipality, String reportedBy, DeviationCategory category, String unitType,
            String arenaId, String whatHappened, LocalDate occurredOn, Instant now) {
        requireText("whatHappened", whatHappened);
        if (occurredOn.isAfter(LocalDate.ofInstant(now, OSLO))) {
            throw ProblemException.invalid("occurredOn", "deviation.occurred-in-future");
        }
        LeadershipItem item = new LeadershipItem(LeadershipItemKind.DEVIATION, municipality, reportedBy, category.name(), arenaId, now);
        item.unitType = unitType;
        item.description = whatHappened;
        item.occurredOn = occurredOn;
        return item.registered(now);
    }

    static LeadershipItem registerSystemCase(String municipality, String registeredBy, SystemCaseCategory category, String arenaId,
            String title, String description, Instant now) {
        requireText("title", title);
        requireText("description", description);
        LeadershipItem item = new LeadershipItem(LeadershipItemKind.SYSTEM_CASE, municipality, registeredBy, category.name(), arenaId, now);
        item.title = title;
        item.description = description;
        return item.registered(now);
    }

    private LeadershipItem(LeadershipItemKind kind, String municipality, String registeredBy, String category, String arenaId, Instant now) {
        super(UUID.randomUUID().toString(), municipality);
        this.kind = kind;
        this.registeredBy = registeredBy;
        this.category = category;
        this.arenaId = arenaId;
        this.registeredAt = now;
        this.status = Status.REGISTERED;
    }

    private LeadershipItem registered(Instant now) {
        raise(new LeadershipItemRegistered(UUID.randomUUID(), now, municipality, id, kind, category, unitType, arenaId));
        return this;
    }

    /** The leaders' own categorisation, until it is closed; the same category again changes nothing. */
    void recategorise(Enum<?> newCategory, Instant now) {
        if (status == Status.CLOSED) {
            throw invalidTransition();
        }
        if (newCategory.name().equals(category)) {
            return;
        }
        String previous = category;
        category = newCategory.name();
        raise(new LeadershipItemRecategorised(UUID.randomUUID(), now, municipality, id, kind, category, previous, unitType, arenaId));
    }

    /** A note of what was looked into, decided or done; notes are appended, never changed. */
    void followUp(String note, String byUserId, Instant now) {
        if (status == Status.CLOSED) {
            throw invalidTransition();
        }
        requireText("note", note);
        followUps.add(new FollowUp(note, byUserId, now));
        status = Status.FOLLOWED_UP;
        raise(new LeadershipItemFollowedUp(UUID.randomUUID(), now, municipality, id, kind, category, unitType, arenaId, followUps.size()));
    }

    /** Closed only after it was followed up, and always with what was done about it. */
    void close(Enum<?> action, String actionTaken, String byUserId, Instant now) {
        if (status != Status.FOLLOWED_UP) {
            throw invalidTransition();
        }
        requireText("actionTaken", actionTaken);
        this.actionCode = action.name();
        this.actionTaken = actionTaken;
        this.closedBy = byUserId;
        this.closedAt = now;
        status = Status.CLOSED;
        raise(new LeadershipItemClosed(UUID.randomUUID(), now, municipality, id, kind, category, unitType, arenaId, actionCode));
    }

    LeadershipItemKind kind() {
        return kind;
    }

    boolean registeredBy(String subject) {
        return registeredBy.equals(subject);
    }

    DeviationView asDeviation() {
        return new DeviationView(id, DeviationCategory.valueOf(category), unitType, arenaId, description, occurredOn,
                DeviationStatus.of(status), registeredBy, registeredAt, List.copyOf(followUps),
                actionCode == null ? null : DeviationAction.valueOf(actionCode), actionTaken, closedBy, closedAt);
    }

    SystemCaseView asSystemCase() {
        return new SystemCaseView(id, SystemCaseCategory.valueOf(category), arenaId, title, description, status, registeredBy,
                registeredAt, List.copyOf(followUps), actionCode == null ? null : SystemCaseAction.valueOf(actionCode), actionTaken,
                closedBy, closedAt);
    }

    private ProblemException invalidTransition() {
        // Each register names its statuses in its own words, as its API shows them.
        String current = kind == LeadershipItemKind.DEVIATION ? DeviationStatus.of(status).name() : status.name();
        String problem = kind == LeadershipItemKind.DEVIATION ? "deviation.invalid-transition" : "system-case.invalid-transition";
        return ProblemException.invalidTransition(problem, current, current);
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
