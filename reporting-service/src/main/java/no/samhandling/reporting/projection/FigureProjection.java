package no.samhandling.reporting.projection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.leadership.FormerLeadershipEvents;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.events.referral.AgeBand;
import no.samhandling.events.referral.DeviationCategory;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.events.referral.SystemCaseCategory;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.UnitType;

/**
 * Turns events into aggregate changes. Pure: it reads the open referrals' states it is given and
 * says what to write; events of one referral arrive in order (one topic partition per referral).
 * Events the figures do not need (member changes, meeting plans, agendas) change nothing.
 *
 * <p>Deviations and system cases are leadership items, read from {@code leadership.events}; their
 * events from before that topic, on {@code referral.events}, are read as the leadership-item events
 * that replaced them ({@link FormerLeadershipEvents}), so one rule counts both. An item is counted
 * once, at its first registration, whichever topic brings it: the projection is given the items
 * already counted (by a one-way hash of the item id, as referrals' case keys) and says which it
 * counts now. The engine's deduplication is per topic partition, so this is what keeps a copy of an
 * item's history on {@code leadership.events} (a replay, README "Leadership items") from counting
 * it again.
 */
final class FigureProjection {

    static final String UNKNOWN = Counters.UNKNOWN;
    private static final String ROUTE = Counters.ROUTE;

    /** The referral ids of a batch whose states the projection may need, as case keys. */
    static Set<String> caseKeys(List<DomainEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (DomainEvent event : events) {
            if (FormerLeadershipEvents.asLeadershipItemEvent(event).getClass().getPackageName().endsWith(".referral")) {
                keys.add(CaseKeys.of(event.municipality(), event.aggregateId()));
            }
        }
        return keys;
    }

    /** The leadership items of a batch whose registration may be counted, as item keys. */
    static Set<String> itemKeys(List<DomainEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (DomainEvent event : events) {
            if (FormerLeadershipEvents.asLeadershipItemEvent(event) instanceof LeadershipItemRegistered item) {
                keys.add(CaseKeys.of(item.municipality(), item.aggregateId()));
            }
        }
        return keys;
    }

    static Changes project(List<DomainEvent> events, Map<String, CaseState> openCases) {
        return project(events, openCases, Set.of());
    }

    static Changes project(List<DomainEvent> events, Map<String, CaseState> openCases, Set<String> countedItems) {
        Map<String, CaseState> cases = new HashMap<>(openCases);
        Set<String> counted = new HashSet<>(countedItems);
        Changes changes = new Changes();
        for (DomainEvent event : events) {
            project(event, cases, counted, changes);
        }
        return changes;
    }

    private static void project(DomainEvent event, Map<String, CaseState> cases, Set<String> countedItems, Changes changes) {
        String municipality = event.municipality();
        String month = Counters.month(event.occurredAt());
        switch (FormerLeadershipEvents.asLeadershipItemEvent(event)) {
            case ReferralSubmitted submitted -> {
                String key = CaseKeys.of(municipality, submitted.aggregateId());
                if (submitted.escalatedFrom() != null) {
                    // The same case, continued in the arena above: it enters that arena's backlog, but is no new case.
                    changes.count(municipality, Metric.ESCALATED_IN_BY_ARENA, submitted.arenaId(), month, 1);
                } else {
                    changes.count(municipality, Metric.REFERRALS_BY_ARENA, submitted.arenaId(), month, 1);
                    for (String theme : themes(submitted.themes())) {
                        changes.count(municipality, Metric.REFERRALS_BY_THEME, theme, month, 1);
                    }
                    changes.count(municipality, Metric.REFERRALS_BY_AGE_BAND, known(submitted.ageBand(), AgeBand.isKnown(submitted.ageBand())),
                            month, 1);
                    changes.count(municipality, Metric.REFERRALS_BY_UNIT_TYPE,
                            known(submitted.referrerUnitType(), UnitType.isKnown(submitted.referrerUnitType())), month, 1);
                    changes.count(municipality, Metric.REFERRALS_BY_PREVENTION_LEVEL, submitted.preventionLevel().name(), month, 1);
                    changes.count(municipality, Metric.REFERRALS_BY_BASIS, submitted.basis().name(), month, 1);
                }
                if (!cases.containsKey(key)) {
                    CaseState state = new CaseState(key, municipality, submitted.arenaId(),
                            submitted.occurredAt().atZone(Counters.OSLO).toLocalDate(), false);
                    cases.put(key, state);
                    changes.store(state);
                    changes.count(municipality, Metric.OPEN_BACKLOG_BY_ARENA, submitted.arenaId(), Counters.NOW, 1);
                }
            }
            case ReferralDiscussed discussed -> {
                String key = CaseKeys.of(municipality, discussed.aggregateId());
                CaseState state = cases.get(key);
                if (state != null && !state.discussed()) {
                    LocalDate on = discussed.occurredAt().atZone(Counters.OSLO).toLocalDate();
                    long days = Math.max(0, ChronoUnit.DAYS.between(state.submittedOn(), on));
                    changes.count(municipality, Metric.LEAD_TIME_DAYS, String.valueOf(days), month, 1);
                    CaseState now = state.asDiscussed();
                    cases.put(key, now);
                    changes.store(now);
                }
            }
            // Exits are counted only for a case that was open here, in the arena it was open in, so that the
            // backlog at any month's end is exactly the cases that entered less those that left.
            case ReferralReturned returned -> leaveBacklog(municipality, returned.aggregateId(), Metric.RETURNED_BY_ARENA, month, cases, changes);
            case ReferralWithdrawn withdrawn ->
                    leaveBacklog(municipality, withdrawn.aggregateId(), Metric.WITHDRAWN_BY_ARENA, month, cases, changes);
            case ReferralEscalated escalated -> {
                CaseState left = leaveBacklog(municipality, escalated.aggregateId(), Metric.ESCALATED_BY_ARENA, month, cases, changes);
                if (left != null) {
                    changes.count(municipality, Metric.ESCALATION_ROUTES, left.arenaId() + ROUTE + escalated.targetArenaId(), month, 1);
                }
            }
            case ReferralClosed closed -> leaveBacklog(municipality, closed.aggregateId(), Metric.CLOSED_BY_ARENA, month, cases, changes);
            case ReferralAnonymised anonymised -> {
                if (!anonymised.continuesAnonymously()) {
                    // Its arena takes only named cases, so without consent the case is withdrawn.
                    leaveBacklog(municipality, anonymised.aggregateId(), Metric.WITHDRAWN_BY_ARENA, month, cases, changes);
                }
            }
            case LeadershipItemRegistered item -> {
                String key = CaseKeys.of(municipality, item.aggregateId());
                if (countedItems.add(key)) {
                    boolean deviation = item.kind() == LeadershipItemKind.DEVIATION;
                    Metric metric = deviation ? Metric.DEVIATIONS_BY_CATEGORY : Metric.SYSTEM_CASES_BY_CATEGORY;
                    String category = known(item.categoryCode(),
                            isOneOf(item.categoryCode(), deviation ? DeviationCategory.values() : SystemCaseCategory.values()));
                    changes.count(municipality, metric, category, month, 1);
                    changes.counted(key, Counters.id(municipality, metric, category, month));
                }
            }
            case MeetingCancelled cancelled -> {
                // Counted in the month the meeting was to be held: that is the period it belongs to.
                String meetingMonth = Counters.month(cancelled.startsAt());
                changes.count(municipality, Metric.MEETINGS_CANCELLED_BY_ARENA, cancelled.arenaId(), meetingMonth, 1);
                if (cancelled.noCasesRegistered() || "NO_CASES_REGISTERED".equals(cancelled.reasonCode())) {
                    changes.count(municipality, Metric.MEETINGS_CANCELLED_NO_CASES_BY_ARENA, cancelled.arenaId(), meetingMonth, 1);
                }
            }
            case MinutesRecorded minutes -> {
                changes.count(municipality, Metric.MEETINGS_HELD_BY_ARENA, minutes.arenaId(), month, 1);
                changes.count(municipality, Metric.MINUTES_ITEMS_BY_ARENA, minutes.arenaId(), month, minutes.items().size());
                changes.count(municipality, Metric.MINUTES_ITEMS_WITHOUT_ASSIGNMENT_BY_ARENA, minutes.arenaId(), month,
                        minutes.itemsWithoutAssignment());
            }
            case ArenaRegistered registered -> changes.arena(new Changes.ArenaEntry(
                    municipality + "|" + registered.aggregateId(), municipality, registered.aggregateId(), registered.title(), false));
            case ArenaUpdated updated -> changes.arena(new Changes.ArenaEntry(
                    municipality + "|" + updated.aggregateId(), municipality, updated.aggregateId(), updated.title(), false));
            case ArenaRetired retired -> {
                changes.arena(new Changes.ArenaEntry(municipality + "|" + retired.aggregateId(), municipality, retired.aggregateId(), null, true));
                // When it retired decides which years' releases still list it.
                changes.count(municipality, Metric.ARENA_RETIRED, retired.aggregateId(), month, 1);
            }
            case ConsentGranted granted -> changes.count(municipality, Metric.CONSENTS, "GRANTED", month, 1);
            case ConsentWithdrawn withdrawn -> changes.count(municipality, Metric.CONSENTS, "WITHDRAWN", month, 1);
            case ConsentExpired expired -> changes.count(municipality, Metric.CONSENTS, "EXPIRED", month, 1);
            case SubjectErased erased -> changes.count(municipality, Metric.CONSENTS, "ERASED", month, 1);
            case NotificationSent sent ->
                    changes.count(municipality, Metric.NOTIFICATIONS_SENT_BY_CHANNEL, sent.channel().name(), month, 1);
            case NotificationFailed failed ->
                    changes.count(municipality, Metric.NOTIFICATIONS_FAILED_BY_CHANNEL, failed.channel().name(), month, 1);
            default -> {
                // Not a figure the leaders read.
            }
        }
    }

    private static CaseState leaveBacklog(String municipality, String referralId, Metric exit, String month, Map<String, CaseState> cases,
            Changes changes) {
        String key = CaseKeys.of(municipality, referralId);
        CaseState state = cases.remove(key);
        if (state != null) {
            changes.count(municipality, exit, state.arenaId(), month, 1);
            changes.count(municipality, Metric.OPEN_BACKLOG_BY_ARENA, state.arenaId(), Counters.NOW, -1);
            changes.delete(key);
        }
        return state;
    }

    /** The themes as codes of the closed list, each once; a code outside it counts as unknown. */
    private static Set<String> themes(List<String> codes) {
        Set<String> themes = new LinkedHashSet<>();
        for (String code : codes) {
            themes.add(known(code, isOneOf(code, Theme.values())));
        }
        return themes;
    }

    /** A code of a closed list, or {@link #UNKNOWN}: a code outside the list is never stored or published. */
    private static String known(String code, boolean inList) {
        return inList ? code : UNKNOWN;
    }

    private static boolean isOneOf(String code, Enum<?>[] list) {
        for (Enum<?> value : list) {
            if (value.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private FigureProjection() {
    }
}
