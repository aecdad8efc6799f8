package no.samhandling.referral.intake;

import java.time.Clock;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.referral.WithdrawingParty;
import no.samhandling.platform.access.Relation;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.meetings.MeetingDirectory;

/** Moves referrals through their lifecycle; an impossible step is a 409 naming the current status. */
@Service
public class Lifecycle {

    private final AggregateStore<Referral> referrals;
    private final ArenaDirectory arenas;
    private final MeetingDirectory meetings;
    private final NeedToKnow needToKnow;
    private final ConsentGate gate;
    private final Clock clock;

    Lifecycle(AggregateStores stores, ArenaDirectory arenas, MeetingDirectory meetings, NeedToKnow needToKnow, ConsentGate gate,
            Clock clock) {
        this.referrals = stores.of(Referral.class);
        this.arenas = arenas;
        this.meetings = meetings;
        this.needToKnow = needToKnow;
        this.gate = gate;
        this.clock = clock;
    }

    ReferralView accept(Caller coordinator, String id) {
        return change(coordinator, id, referral -> {
            gate.requireStillCovered(referral, referral.arenaId());
            referral.accept(coordinator.subject(), clock.instant());
        });
    }

    ReferralView returnToReferrer(Caller coordinator, String id, String reasonCode, String reasonText) {
        return change(coordinator, id, referral -> referral.returnToReferrer(reasonCode, reasonText, coordinator.subject(), clock.instant()));
    }

    /**
     * On the agenda of a meeting arena-service announced: one of the referral's own arena, still to come.
     * Anything else, an unknown meeting or another arena's included, is refused naming {@code meetingId}.
     */
    ReferralView scheduleTo(Caller coordinator, String id, String meetingId) {
        return change(coordinator, id, referral -> {
            gate.requireStillCovered(referral, referral.arenaId());
            MeetingDirectory.KnownMeeting meeting = meetings.find(referral.municipality(), meetingId)
                    .filter(found -> found.arenaId().equals(referral.arenaId()))
                    .orElseThrow(() -> ProblemException.invalid("meetingId", "referral.meeting-not-in-arena"));
            if (!meeting.isComing(clock.instant())) {
                throw ProblemException.invalid("meetingId", "referral.meeting-not-coming");
            }
            referral.scheduleTo(meetingId, clock.instant());
        });
    }

    ReferralView close(Caller coordinator, String id, String reasonCode) {
        return change(coordinator, id, referral -> referral.close(reasonCode, clock.instant()));
    }

    /** The staff member who registered the concern, or one of the child's guardians, withdraws it. */
    ReferralView withdraw(Caller caller, String id) {
        Referral referral = load(caller, id);
        Relation relation = needToKnow.requireReader(caller, referral);
        WithdrawingParty party;
        if (relation == Relation.GUARDIAN) {
            party = WithdrawingParty.GUARDIAN;
        } else if (referral.submittedBy(caller.subject())) {
            // The referrer, whatever else relates them to the case: they may sit in its arena too.
            party = WithdrawingParty.REFERRER;
        } else {
            throw new org.springframework.security.access.AccessDeniedException("Only the referrer or the guardians withdraw a referral");
        }
        referral.withdraw(party, clock.instant());
        return referrals.save(referral).view();
    }

    /**
     * Brings the concern to the arena this one escalates to, as a new linked referral. The new
     * referral is stored first under an id derived from the old one, so a retry after a crash in
     * between finds it instead of creating a second.
     */
    ReferralView escalate(Caller coordinator, String id) {
        Referral referral = load(coordinator, id);
        needToKnow.requireCoordinator(coordinator, referral);
        String target = arenas.find(coordinator.municipality(), referral.arenaId())
                .map(ArenaDirectory.KnownArena::escalationArenaId)
                .orElse(null);
        if (target == null) {
            throw ProblemException.conflict("referral.no-escalation-target");
        }
        gate.requireStillCovered(referral, target);
        Referral escalated = referral.escalateTo(target, coordinator.subject(), clock.instant());
        try {
            referrals.save(escalated);
        } catch (DuplicateKeyException alreadyCreatedByAnEarlierAttempt) {
            // The linked referral exists; finishing the original below completes the escalation.
        }
        referrals.save(referral);
        return escalated.view();
    }

    /** The minutes of a meeting: every referral of its arena discussed there moves on, once. */
    public void on(MinutesRecorded minutes) {
        for (MinutesItem item : minutes.items()) {
            if (item.referralId() == null) {
                continue;
            }
            referrals.find(minutes.municipality(), item.referralId())
                    .filter(referral -> referral.arenaId().equals(minutes.arenaId()))
                    .ifPresent(referral -> {
                        if (referral.discussed(minutes.aggregateId(), item.outcomeCode(), item.hasResponsibilityAssignment(),
                                item.followUpDate(), minutes.occurredAt())) {
                            referrals.save(referral);
                        }
                    });
        }
    }

    private Referral load(Caller caller, String id) {
        return referrals.find(caller.municipality(), id).orElseThrow(() -> needToKnow.unknownCase(caller, id));
    }

    /** A coordinator's step: only the coordinator of the referral's own arena takes it. */
    private ReferralView change(Caller caller, String id, Consumer<Referral> change) {
        Referral referral = load(caller, id);
        needToKnow.requireCoordinator(caller, referral);
        change.accept(referral);
        return referrals.save(referral).view();
    }
}
