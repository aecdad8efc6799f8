package no.samhandling.referral.intake;

import java.time.Instant;
import java.util.List;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;

/** A referral as the API shows it. */
record ReferralView(
        String id,
        String arenaId,
        DiscussionBasis basis,
        String referrerUnit,
        String referrerUnitType,
        String ageBand,
        List<String> themes,
        PreventionLevel preventionLevel,
        List<SubmitReferral.MeasureTried> measuresTried,
        String description,
        boolean guardiansAttend,
        String status,
        Instant submittedAt,
        String meetingId,
        String reasonCode,
        String reasonText,
        String outcomeCode,
        java.time.LocalDate followUpDate,
        String escalatedFrom,
        String escalatedTo) {
}
