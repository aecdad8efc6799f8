package no.samhandling.referral.leadership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deviation report as the API shows it; the closing fields are empty until it is closed. */
record DeviationView(
        String id,
        DeviationCategory category,
        String unitType,
        String arenaId,
        String whatHappened,
        LocalDate occurredOn,
        DeviationStatus status,
        String reportedBy,
        Instant reportedAt,
        List<FollowUp> followUps,
        DeviationAction actionCode,
        String actionTaken,
        String closedBy,
        Instant closedAt) {
}
