package no.samhandling.referral.systemcases;

import java.time.Instant;

/** One follow-up note on a system-level case: what was done or decided, by whom, when. */
record FollowUp(String note, String byUserId, Instant at) {
}
