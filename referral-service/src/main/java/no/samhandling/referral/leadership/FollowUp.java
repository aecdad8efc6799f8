package no.samhandling.referral.leadership;

import java.time.Instant;

/** One follow-up note on a leadership item (a deviation report or a system case): what was done or decided, by whom, when. */
record FollowUp(String note, String byUserId, Instant at) {
}
