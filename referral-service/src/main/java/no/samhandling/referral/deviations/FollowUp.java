package no.samhandling.referral.deviations;

import java.time.Instant;

/** One follow-up note on a deviation report: what was done or decided, by whom, when. */
record FollowUp(String note, String byUserId, Instant at) {
}
