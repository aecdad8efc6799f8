package no.samhandling.consent.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.samhandling.consent.accesslog.AccessReview.Flag;
import no.samhandling.consent.accesslog.AccessReview.UserReview;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.Outcome;
import no.samhandling.platform.access.Relation;

class AccessReviewTest {

    static final ReviewRules RULES = new ReviewRules(5, Duration.ofHours(1), LocalTime.of(7, 0), LocalTime.of(17, 0));
    /** A Tuesday, 10:00 in Oslo. */
    static final Instant TUESDAY_MORNING = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void flagsManyDifferentChildrenWithinTheWindowButNotTheSameSpreadOut() {
        List<AccessLogEntry> burst = new ArrayList<>();
        List<AccessLogEntry> spread = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(read("burst", Relation.ARENA_MEMBER, "child-" + i, TUESDAY_MORNING.plus(Duration.ofMinutes(5L * i))));
            spread.add(read("spread", Relation.ARENA_MEMBER, "child-" + i, TUESDAY_MORNING.plus(Duration.ofMinutes(61L * i % 420))));
        }
        // The same child read again and again is one child.
        for (int i = 0; i < 10; i++) {
            burst.add(read("again", Relation.ARENA_MEMBER, "child-x", TUESDAY_MORNING.plus(Duration.ofMinutes(i))));
        }
        List<AccessLogEntry> all = new ArrayList<>(burst);
        all.addAll(spread);

        List<UserReview> reviews = AccessReview.review(all, RULES);

        assertThat(byUser(reviews, "burst").flags()).containsEntry(Flag.MANY_CHILDREN, 6);
        assertThat(byUser(reviews, "spread").flags()).doesNotContainKey(Flag.MANY_CHILDREN);
        assertThat(byUser(reviews, "again").flags()).isEmpty();
        assertThat(byUser(reviews, "again").children()).isEqualTo(1);
        assertThat(reviews.getFirst().userId()).as("flagged first").isEqualTo("burst");
    }

    @Test
    void oneChildLoggedUnderItsSubjectIdHereAndItsTopicIdElsewhereCountsOnce() {
        List<AccessLogEntry> entries = List.of(
                new AccessLogEntry("consent-service", "1547", 1, TUESDAY_MORNING, "member", Relation.ARENA_MEMBER, Outcome.READ, "subject",
                        "subject-1", "subject-1", "CHILD_RECORD", "0", "1"),
                new AccessLogEntry("referral-service", "1547", 1, TUESDAY_MORNING.plusSeconds(60), "member", Relation.ARENA_MEMBER,
                        Outcome.READ, "referral", "r-1", "topic-1", "MEETING", "0", "1"));
        java.util.Map<String, String> topicIds = java.util.Map.of("subject-1", "topic-1");

        assertThat(AccessReview.review(entries, RULES).getFirst().children()).as("by the ids as logged").isEqualTo(2);
        assertThat(AccessReview.review(entries, RULES, entry -> "consent-service".equals(entry.service())
                ? topicIds.get(entry.subjectId()) : entry.subjectId()).getFirst().children()).isEqualTo(1);
    }

    @Test
    void flagsRefusalsReadsOutsideWorkingHoursAndGuardiansAdded() {
        List<AccessLogEntry> entries = List.of(
                new AccessLogEntry("referral-service", "1547", 1, TUESDAY_MORNING, "curious", null, Outcome.REFUSED, "referral", "r-1", "c-1",
                        null, "0", "1"),
                new AccessLogEntry("referral-service", "1547", 2, TUESDAY_MORNING, "curious", null, Outcome.REFUSED, "referral", "-", null,
                        null, "1", "2"),
                read("late", Relation.ARENA_COORDINATOR, "c-2", Instant.parse("2026-11-24T16:00:00Z")),
                read("late", Relation.ARENA_COORDINATOR, "c-2", Instant.parse("2026-11-24T05:30:00Z")),
                read("late", Relation.ARENA_COORDINATOR, "c-2", Instant.parse("2026-11-28T10:00:00Z")),
                read("late", Relation.ARENA_COORDINATOR, "c-2", Instant.parse("2026-11-24T15:59:59Z")),
                read("parent", Relation.GUARDIAN, "c-3", Instant.parse("2026-11-24T21:00:00Z")),
                new AccessLogEntry("consent-service", "1547", 3, TUESDAY_MORNING, "registrar", Relation.SUBJECT_REGISTRAR, Outcome.CHANGED,
                        "subject", "c-4", "c-4", "GUARDIAN_ADDED", "2", "3"));

        List<UserReview> reviews = AccessReview.review(entries, RULES);

        assertThat(byUser(reviews, "curious").flags()).containsExactlyEntriesOf(java.util.Map.of(Flag.REFUSED, 2));
        assertThat(byUser(reviews, "curious").reads()).isZero();
        assertThat(byUser(reviews, "late").flags()).containsEntry(Flag.OUTSIDE_WORKING_HOURS, 3);
        assertThat(byUser(reviews, "parent").flags()).as("a guardian reads in the evening").isEmpty();
        assertThat(byUser(reviews, "registrar").flags()).containsEntry(Flag.GUARDIAN_ADDED, 1);
        assertThat(byUser(reviews, "registrar").changes()).isEqualTo(1);
    }

    private static AccessLogEntry read(String user, Relation relation, String child, Instant at) {
        return new AccessLogEntry("referral-service", "1547", 1, at, user, relation, Outcome.READ, "referral", "r-" + child, child,
                "MEETING", "0", "1");
    }

    private static UserReview byUser(List<UserReview> reviews, String user) {
        return reviews.stream().filter(review -> review.userId().equals(user)).findFirst().orElseThrow();
    }
}
