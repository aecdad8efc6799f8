package no.samhandling.referral.leadership;

import java.time.Instant;
import java.util.List;

/** A system-level case as the API shows it; the closing fields are empty until it is closed. */
record SystemCaseView(
        String id,
        SystemCaseCategory category,
        String arenaId,
        String title,
        String description,
        LeadershipItem.Status status,
        String registeredBy,
        Instant registeredAt,
        List<FollowUp> followUps,
        SystemCaseAction actionCode,
        String actionTaken,
        String closedBy,
        Instant closedAt) {
}
