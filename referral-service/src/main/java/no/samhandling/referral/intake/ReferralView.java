package no.samhandling.referral.intake;

import java.time.Instant;
import java.util.List;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.IntakePath;
import no.samhandling.events.referral.PreventionLevel;

/**
 * A referral as the API shows it. A named case's personal data (and its free text, which may name
 * the child) is not here: it is opened only through the audited personal-data resource.
 *
 * @param personalDataAvailable whether the case is named and still linked to the child
 * @param anonymised whether the case lost its link to the child (consent withdrawn or expired, child erased)
 */
record ReferralView(
        String id,
        String arenaId,
        DiscussionBasis basis,
        IntakePath path,
        boolean personalDataAvailable,
        boolean anonymised,
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
