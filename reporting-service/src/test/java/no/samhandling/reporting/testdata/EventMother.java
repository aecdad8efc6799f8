package no.samhandling.reporting.testdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.DiscussionMode;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.leadership.LeadershipItemKind;
import no.samhandling.events.leadership.LeadershipItemRegistered;
import no.samhandling.events.notification.Channel;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralDiscussed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.events.referral.WithdrawingParty;

/** Events as the other services publish them, one at a time or as a whole year of a municipality. */
public final class EventMother {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final List<String> THEMES = List.of("LANGUAGE", "ABSENCE", "BEHAVIOUR", "MENTAL_HEALTH", "FAMILY_SITUATION", "SOCIAL_RELATIONS");
    private static final List<String> AGE_BANDS = List.of("0-5", "6-12", "13-15", "16-18", "19-25");
    private static final List<String> UNIT_TYPES = List.of("KINDERGARTEN", "SCHOOL", "HEALTH_STATION", "PPT", "NAV");
    private static final List<String> DEVIATIONS = List.of("MISSED_FOLLOW_UP", "CONCERN_NOT_ACTED_ON", "REFERRAL_NOT_ANSWERED");
    private static final List<String> SYSTEM_CASES = List.of("ROUTINE", "COMPETENCE", "CAPACITY");

    public static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(OSLO).toInstant();
    }

    public static ArenaRegistered arena(String municipality, String arenaId, String title) {
        return new ArenaRegistered(UUID.randomUUID(), Instant.parse("2020-01-01T00:00:00Z"), municipality, arenaId, title,
                ArenaLevel.INDIVIDUAL, 0, 18, List.of("PPT"), DiscussionMode.ANONYMOUS_OR_CONSENT, null, false, "coordinator",
                List.of(), false);
    }

    public static ReferralSubmitted submitted(String municipality, String arenaId, String referralId, Instant at) {
        return submitted(municipality, arenaId, referralId, at, "6-12", "SCHOOL", List.of("ABSENCE"), PreventionLevel.GREEN,
                DiscussionBasis.ANONYMOUS);
    }

    public static ReferralSubmitted submitted(String municipality, String arenaId, String referralId, Instant at, String ageBand,
            String unitType, List<String> themes, PreventionLevel level, DiscussionBasis basis) {
        boolean named = basis == DiscussionBasis.NAMED;
        return new ReferralSubmitted(UUID.randomUUID(), at, municipality, referralId, arenaId, basis,
                named ? UUID.randomUUID().toString() : null, named ? UUID.randomUUID().toString() : null, ageBand, unitType, themes,
                level, IntakePath.STAFF, false);
    }

    /** The case in the arena above, as referral-service raises it when a case is escalated. */
    public static ReferralSubmitted escalatedSubmission(ReferralSubmitted original, String newReferralId, String targetArenaId, Instant at) {
        return new ReferralSubmitted(UUID.randomUUID(), at, original.municipality(), newReferralId, targetArenaId, original.basis(),
                original.subjectId(), original.consentId(), original.ageBand(), original.referrerUnitType(), original.themes(),
                original.preventionLevel(), original.path(), original.guardiansAttend(), "coordinator", original.aggregateId());
    }

    public static ReferralDiscussed discussed(String municipality, String arenaId, String referralId, Instant at) {
        return new ReferralDiscussed(UUID.randomUUID(), at, municipality, referralId, arenaId, UUID.randomUUID().toString(),
                "RESPONSIBILITY_ASSIGNED", true, null);
    }

    public static ReferralReturned returned(String municipality, String arenaId, String referralId, Instant at) {
        return new ReferralReturned(UUID.randomUUID(), at, municipality, referralId, arenaId, "MEASURES_NOT_TRIED", "coordinator");
    }

    public static ReferralWithdrawn withdrawn(String municipality, String arenaId, String referralId, Instant at) {
        return new ReferralWithdrawn(UUID.randomUUID(), at, municipality, referralId, arenaId, WithdrawingParty.REFERRER);
    }

    public static ReferralEscalated escalated(String municipality, String arenaId, String referralId, String targetArenaId, Instant at) {
        return new ReferralEscalated(UUID.randomUUID(), at, municipality, referralId, arenaId, targetArenaId, UUID.randomUUID().toString());
    }

    public static ReferralClosed closed(String municipality, String arenaId, String referralId, Instant at) {
        return new ReferralClosed(UUID.randomUUID(), at, municipality, referralId, arenaId, "FOLLOW_UP_COMPLETED");
    }

    public static MeetingCancelled cancelled(String municipality, String arenaId, Instant startsAt, boolean noCases) {
        return new MeetingCancelled(UUID.randomUUID(), startsAt.minus(Duration.ofDays(3)), municipality, UUID.randomUUID().toString(),
                arenaId, startsAt, noCases ? "NO_CASES_REGISTERED" : "COORDINATOR_ABSENT", noCases, List.of("u1"), 1);
    }

    public static MinutesRecorded minutes(String municipality, String arenaId, Instant at, int withAssignment, int withoutAssignment) {
        List<MinutesItem> items = new ArrayList<>();
        for (int i = 0; i < withAssignment; i++) {
            items.add(new MinutesItem(UUID.randomUUID().toString(), "RESPONSIBILITY_ASSIGNED", true, null, "PPT", null, null));
        }
        for (int i = 0; i < withoutAssignment; i++) {
            items.add(new MinutesItem(UUID.randomUUID().toString(), "NO_FURTHER_ACTION", false, null, null, null, null));
        }
        return new MinutesRecorded(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), arenaId, items, withoutAssignment);
    }

    /** A deviation report as referral-service publishes it now, on leadership.events. */
    public static LeadershipItemRegistered deviation(String municipality, String category, Instant at) {
        return new LeadershipItemRegistered(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), LeadershipItemKind.DEVIATION,
                category, "SCHOOL", null);
    }

    /** A system case as referral-service publishes it now, on leadership.events. */
    public static LeadershipItemRegistered systemCase(String municipality, String category, Instant at) {
        return new LeadershipItemRegistered(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), LeadershipItemKind.SYSTEM_CASE,
                category, null, null);
    }

    public static ConsentGranted consentGranted(String municipality, String arenaId, Instant at) {
        LocalDate day = at.atZone(OSLO).toLocalDate();
        return new ConsentGranted(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                List.of(arenaId), List.of("SCHOOL"), "INTERDISCIPLINARY_DISCUSSION", day, null, ConsentGiver.GUARDIANS);
    }

    public static ConsentWithdrawn consentWithdrawn(String municipality, Instant at) {
        return new ConsentWithdrawn(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                ConsentWithdrawer.GUARDIAN);
    }

    public static ConsentExpired consentExpired(String municipality, Instant at) {
        return new ConsentExpired(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                at.atZone(OSLO).toLocalDate().minusDays(1));
    }

    public static NotificationSent notificationSent(String municipality, Instant at) {
        return new NotificationSent(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), UUID.randomUUID(), Channel.EMAIL,
                "u1", "MEETING_INVITATION", 1);
    }

    public static NotificationFailed notificationFailed(String municipality, Instant at) {
        return new NotificationFailed(UUID.randomUUID(), at, municipality, UUID.randomUUID().toString(), UUID.randomUUID(), Channel.SMS,
                "u1", "MEETING_INVITATION", "PROVIDER_UNAVAILABLE", 3);
    }

    /**
     * A year of activity in one municipality: arenas, referrals through their lifecycle, meetings,
     * deviations, system cases, consents and notices, in the order the services would publish them
     * per aggregate. Deterministic for a seed.
     */
    public static List<DomainEvent> year(String municipality, int year, int referrals, int arenas, long seed) {
        Random random = new Random(seed);
        List<DomainEvent> events = new ArrayList<>();
        List<String> arenaIds = new ArrayList<>();
        for (int a = 0; a < arenas; a++) {
            String arenaId = "arena-" + municipality + "-" + a;
            arenaIds.add(arenaId);
            events.add(arena(municipality, arenaId, "Arena " + (char) ('A' + a % 26) + (a >= 26 ? String.valueOf(a) : "")));
        }
        Instant start = at(year, 1, 1);
        long yearSeconds = Duration.between(start, at(year, 12, 20)).toSeconds();
        for (int r = 0; r < referrals; r++) {
            // Skewed towards the first arenas, so small arenas give small cells.
            String arenaId = arenaIds.get(Math.min(arenas - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * arenas / 2.0)));
            String referralId = UUID.randomUUID().toString();
            Instant submittedAt = start.plusSeconds((long) (random.nextDouble() * yearSeconds * 0.85));
            DiscussionBasis basis = random.nextInt(4) == 0 ? DiscussionBasis.NAMED : DiscussionBasis.ANONYMOUS;
            List<String> themes = random.nextBoolean() ? List.of(pick(THEMES, random))
                    : List.of(pick(THEMES, random), pick(THEMES, random)).stream().distinct().toList();
            ReferralSubmitted submitted = submitted(municipality, arenaId, referralId, submittedAt, pick(AGE_BANDS, random),
                    pick(UNIT_TYPES, random), themes, PreventionLevel.values()[random.nextInt(3)], basis);
            events.add(submitted);
            if (basis == DiscussionBasis.NAMED) {
                events.add(consentGranted(municipality, arenaId, submittedAt.minusSeconds(3600)));
            }
            int fate = random.nextInt(20);
            Instant later = submittedAt.plus(Duration.ofDays(1 + random.nextInt(5)));
            if (fate == 0) {
                events.add(returned(municipality, arenaId, referralId, later));
                continue;
            }
            if (fate == 1) {
                events.add(withdrawn(municipality, arenaId, referralId, later));
                continue;
            }
            events.add(new ReferralAccepted(UUID.randomUUID(), later, municipality, referralId, arenaId, "coordinator"));
            if (fate == 2) {
                continue;
            }
            String meetingId = UUID.randomUUID().toString();
            events.add(new ReferralScheduled(UUID.randomUUID(), later.plusSeconds(60), municipality, referralId, arenaId, meetingId));
            Instant discussedAt = submittedAt.plus(Duration.ofDays(3 + random.nextInt(50)));
            events.add(discussed(municipality, arenaId, referralId, discussedAt));
            if (fate == 3 && arenas > 1) {
                String target = arenaIds.get((arenaIds.indexOf(arenaId) + 1) % arenas);
                events.add(escalated(municipality, arenaId, referralId, target, discussedAt.plusSeconds(600)));
                events.add(escalatedSubmission(submitted, UUID.randomUUID().toString(), target, discussedAt.plusSeconds(600)));
            } else if (fate < 15) {
                events.add(closed(municipality, arenaId, referralId, discussedAt.plus(Duration.ofDays(10 + random.nextInt(30)))));
            }
        }
        for (String arenaId : arenaIds) {
            for (int month = 1; month <= 12; month++) {
                int roll = random.nextInt(10);
                if (roll < 7) {
                    events.add(minutes(municipality, arenaId, at(year, month, 12), 1 + random.nextInt(4), random.nextInt(3) == 0 ? 1 : 0));
                } else {
                    events.add(cancelled(municipality, arenaId, at(year, month, 12), roll < 9));
                }
            }
        }
        int extras = Math.max(10, referrals / 5);
        for (int i = 0; i < extras; i++) {
            Instant when = start.plusSeconds((long) (random.nextDouble() * yearSeconds));
            switch (random.nextInt(8)) {
                case 0 -> events.add(deviation(municipality, pick(DEVIATIONS, random), when));
                case 1 -> events.add(systemCase(municipality, pick(SYSTEM_CASES, random), when));
                case 2 -> events.add(random.nextBoolean() ? consentWithdrawn(municipality, when) : consentExpired(municipality, when));
                case 3 -> events.add(notificationFailed(municipality, when));
                default -> events.add(notificationSent(municipality, when));
            }
        }
        return events;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private EventMother() {
    }
}
