package no.samhandling.reporting.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.leadership.LeadershipItemClosed;
import no.samhandling.events.leadership.LeadershipItemFollowedUp;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRecategorised;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.referral.DeviationClosed;
import no.samhandling.events.referral.DeviationFollowedUp;
import no.samhandling.events.referral.DeviationRecategorised;
import no.samhandling.events.referral.DeviationReported;
import no.samhandling.events.referral.SystemCaseClosed;
import no.samhandling.events.referral.SystemCaseFollowedUp;
import no.samhandling.events.referral.SystemCaseRegistered;

/**
 * The leaders' registers across the transition to {@code leadership.events}: the single-topic truth
 * (every step of every item as a leadership-item event), and the same steps as referral-service
 * published them around its cut-over, each step before it as its former {@code referral.*} type (on
 * {@code referral.events}) and each step from it on as it is (on {@code leadership.events}).
 */
public final class LeadershipTransition {

    private static final List<String> DEVIATIONS = List.of("MISSED_FOLLOW_UP", "CONCERN_NOT_ACTED_ON", "REFERRAL_NOT_ANSWERED",
            "SHARED_WITHOUT_CONSENT");
    private static final List<String> SYSTEM_CASES = List.of("ROUTINE", "COMPETENCE", "CAPACITY", "ARENA_GAP");

    /**
     * A year of items in one municipality, in the order of their steps per item: registered, a
     * deviation sometimes recategorised, followed up once or twice, and most of them closed. Deviations
     * name no arena (the former events could not carry one), system cases sometimes do. Deterministic
     * for a seed, apart from the ids.
     */
    public static List<DomainEvent> items(String municipality, int year, int count, long seed) {
        Random random = new Random(seed);
        Instant start = EventMother.at(year, 1, 2);
        long span = Duration.between(start, EventMother.at(year, 11, 1)).toSeconds();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            boolean deviation = random.nextBoolean();
            LeadershipItemKind kind = deviation ? LeadershipItemKind.DEVIATION : LeadershipItemKind.SYSTEM_CASE;
            String category = pick(deviation ? DEVIATIONS : SYSTEM_CASES, random);
            String unitType = deviation ? "SCHOOL" : null;
            String arenaId = !deviation && random.nextBoolean() ? "arena-" + municipality + "-0" : null;
            Instant at = start.plusSeconds((long) (random.nextDouble() * span));
            events.add(new LeadershipItemRegistered(UUID.randomUUID(), at, municipality, id, kind, category, unitType, arenaId));
            if (deviation && random.nextInt(3) == 0) {
                String previous = category;
                category = DEVIATIONS.get((DEVIATIONS.indexOf(previous) + 1) % DEVIATIONS.size());
                at = at.plus(Duration.ofDays(2));
                events.add(new LeadershipItemRecategorised(UUID.randomUUID(), at, municipality, id, kind, category, previous, unitType, arenaId));
            }
            int followUps = 1 + random.nextInt(2);
            for (int n = 1; n <= followUps; n++) {
                at = at.plus(Duration.ofDays(5 + random.nextInt(20)));
                events.add(new LeadershipItemFollowedUp(UUID.randomUUID(), at, municipality, id, kind, category, unitType, arenaId, n));
            }
            if (random.nextInt(4) != 0) {
                at = at.plus(Duration.ofDays(7));
                events.add(new LeadershipItemClosed(UUID.randomUUID(), at, municipality, id, kind, category, unitType, arenaId,
                        deviation ? "ROUTINE_CLARIFIED" : "ROUTINE_CHANGED"));
            }
        }
        return events;
    }

    /** The truth's steps as published around the cut-over: before it as their former types, from it on as they are. */
    public static List<DomainEvent> acrossCutOver(List<DomainEvent> truth, Instant cutOver) {
        return truth.stream().map(event -> event.occurredAt().isBefore(cutOver) ? former(event) : event).toList();
    }

    /** The former {@code referral.*} event a leadership-item event replaced, with the same id, time and item. */
    static DomainEvent former(DomainEvent event) {
        return switch (event) {
            case LeadershipItemRegistered e when e.kind() == LeadershipItemKind.DEVIATION ->
                    new DeviationReported(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(), e.categoryCode(), e.unitType());
            case LeadershipItemRegistered e ->
                    new SystemCaseRegistered(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(), e.categoryCode(), e.arenaId());
            case LeadershipItemRecategorised e -> new DeviationRecategorised(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    e.categoryCode(), e.previousCategoryCode(), e.unitType());
            case LeadershipItemFollowedUp e when e.kind() == LeadershipItemKind.DEVIATION -> new DeviationFollowedUp(e.eventId(),
                    e.occurredAt(), e.municipality(), e.aggregateId(), e.categoryCode(), e.unitType(), e.followUpNumber());
            case LeadershipItemFollowedUp e -> new SystemCaseFollowedUp(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    e.categoryCode(), e.arenaId(), e.followUpNumber());
            case LeadershipItemClosed e when e.kind() == LeadershipItemKind.DEVIATION -> new DeviationClosed(e.eventId(), e.occurredAt(),
                    e.municipality(), e.aggregateId(), e.categoryCode(), e.unitType(), e.actionCode());
            case LeadershipItemClosed e -> new SystemCaseClosed(e.eventId(), e.occurredAt(), e.municipality(), e.aggregateId(),
                    e.categoryCode(), e.arenaId(), e.actionCode());
            default -> event;
        };
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private LeadershipTransition() {
    }
}
