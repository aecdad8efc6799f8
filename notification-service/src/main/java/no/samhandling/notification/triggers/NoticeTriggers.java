package no.samhandling.notification.triggers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.EventCatalogue;
import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesItem;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.notification.Channel;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.notification.content.Message;
import no.samhandling.notification.content.NoticeContent;
import no.samhandling.notification.content.NoticeTemplates;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.delivery.Intent;
import no.samhandling.notification.delivery.Notifications;
import no.samhandling.notification.directory.ArenaDirectory;
import no.samhandling.notification.directory.MeetingDirectory;
import no.samhandling.notification.directory.MeetingDirectory.MeetingEntry;
import no.samhandling.notification.directory.ReferralDirectory;
import no.samhandling.notification.directory.ReferralDirectory.ReferralEntry;
import no.samhandling.notification.recipients.GuardianContacts;
import no.samhandling.notification.recipients.Recipient;
import no.samhandling.notification.recipients.StaffContacts;

/**
 * Turns arena and referral events into recorded notices: decides who is told (from their sources of truth only),
 * renders what they are told (time, place, arena, link; nothing about a child) and records one intent per
 * recipient and channel. Sending is the dispatcher's job, so a slow provider never holds up the event stream.
 */
@Component
public class NoticeTriggers {

    static final String REMINDER_SOURCE = "notification.meeting-reminder";

    /*
     * The pages a notice links to, on the gateway (samhandling.notification.app-url). The paths are the
     * route table's (README, "Pages and their addresses"): a case is referral-service's /saker/{id}, a meeting
     * arena-service's /moter/{id}, and a guardian's start page consent-service's /mitt-barn.
     */
    static final String CASE_PAGE = "/saker/";
    static final String MEETING_PAGE = "/moter/";
    static final String GUARDIAN_PAGE = "/mitt-barn";

    private final ArenaDirectory arenas;
    private final MeetingDirectory meetings;
    private final ReferralDirectory referrals;
    private final StaffContacts staff;
    private final GuardianContacts guardians;
    private final NoticeTemplates templates;
    private final Notifications notifications;
    private final String appUrl;
    private final Clock clock;
    private final MeterRegistry meters;

    NoticeTriggers(ArenaDirectory arenas, MeetingDirectory meetings, ReferralDirectory referrals, StaffContacts staff,
            GuardianContacts guardians, NoticeTemplates templates, Notifications notifications, NotificationProperties properties,
            Clock clock, MeterRegistry meters) {
        this.arenas = arenas;
        this.meetings = meetings;
        this.referrals = referrals;
        this.staff = staff;
        this.guardians = guardians;
        this.templates = templates;
        this.notifications = notifications;
        this.appUrl = properties.appUrl().toString().replaceAll("/+$", "");
        this.clock = clock;
        this.meters = meters;
    }

    /** Any event this class turns into notices; how {@link ContactLookupRetries} runs one again. */
    void handle(DomainEvent event) {
        switch (event) {
            case MeetingScheduled scheduled -> on(scheduled);
            case MeetingRescheduled rescheduled -> on(rescheduled);
            case MeetingCancelled cancelled -> on(cancelled);
            case AgendaPublished agenda -> on(agenda);
            case MinutesRecorded minutes -> on(minutes);
            case ReferralSubmitted submitted -> on(submitted);
            case ReferralAccepted accepted -> on(accepted);
            case ReferralReturned returned -> on(returned);
            default -> throw new IllegalArgumentException("No notices for " + EventCatalogue.of(event).type());
        }
    }

    public void on(MeetingScheduled event) {
        meetings.apply(new MeetingEntry(event.aggregateId(), event.municipality(), event.arenaId(), event.startsAt(),
                event.endsAt(), event.location(), event.participantUserIds(), event.sequence(), false, event.occurredAt(), null));
        NoticeContent content = meetingContent(event.municipality(), event.arenaId(), event.aggregateId(), event.sequence(),
                event.startsAt(), event.endsAt(), event.location());
        tell(event, event.arenaId(), TemplateCode.MEETING_INVITATION, content, participants(event.municipality(), event.arenaId(),
                event.participantUserIds()));
    }

    /**
     * The new time to everyone still invited; a cancellation of the same calendar entry to anyone no
     * longer invited. When only who is invited changed (someone joined or left the arena), only the
     * newcomers hear of it, with the invitation, and those dropped get the cancellation; the others'
     * calendars still hold the right time and place.
     */
    public void on(MeetingRescheduled event) {
        Optional<MeetingEntry> before = meetings.apply(new MeetingEntry(event.aggregateId(), event.municipality(),
                event.arenaId(), event.startsAt(), event.endsAt(), event.location(), event.participantUserIds(),
                event.sequence(), false, event.occurredAt(), null));
        NoticeContent content = meetingContent(event.municipality(), event.arenaId(), event.aggregateId(), event.sequence(),
                event.startsAt(), event.endsAt(), event.location());
        // A retry of this same event finds the directory already updated; it then tells everyone, as nothing may be lost.
        boolean sameTimeAndPlace = before.filter(earlier -> earlier.sequence() < event.sequence()
                && earlier.startsAt().equals(event.startsAt()) && Objects.equals(earlier.endsAt(), event.endsAt())
                && Objects.equals(earlier.location(), event.location())).isPresent();
        if (sameTimeAndPlace) {
            Set<String> joined = new LinkedHashSet<>(event.participantUserIds());
            joined.removeAll(before.get().participantUserIds());
            tell(event, event.arenaId(), TemplateCode.MEETING_INVITATION, content, participants(event.municipality(), event.arenaId(), joined));
        } else {
            tell(event, event.arenaId(), TemplateCode.MEETING_RESCHEDULED, content, participants(event.municipality(), event.arenaId(),
                    event.participantUserIds()));
        }
        before.ifPresent(earlier -> {
            Set<String> dropped = new LinkedHashSet<>(earlier.participantUserIds());
            dropped.removeAll(event.participantUserIds());
            if (!dropped.isEmpty()) {
                NoticeContent cancelled = meetingContent(event.municipality(), event.arenaId(), event.aggregateId(),
                        event.sequence(), earlier.startsAt(), earlier.endsAt(), earlier.location());
                tell(event, event.arenaId(), TemplateCode.MEETING_CANCELLED, cancelled, participants(event.municipality(), event.arenaId(), dropped));
            }
        });
    }

    public void on(MeetingCancelled event) {
        Optional<MeetingEntry> before = meetings.find(event.municipality(), event.aggregateId());
        meetings.apply(new MeetingEntry(event.aggregateId(), event.municipality(), event.arenaId(), event.startsAt(),
                null, null, event.participantUserIds(), event.sequence(), true,
                before.map(MeetingEntry::changedAt).orElse(event.occurredAt()), null));
        NoticeContent content = meetingContent(event.municipality(), event.arenaId(), event.aggregateId(), event.sequence(),
                event.startsAt(), before.map(MeetingEntry::endsAt).orElse(null), before.map(MeetingEntry::location).orElse(null));
        tell(event, event.arenaId(), TemplateCode.MEETING_CANCELLED, content, participants(event.municipality(), event.arenaId(),
                event.participantUserIds()));
    }

    /**
     * The meeting's participants learn that the agenda is ready. Guardians are told of the meeting only for a named
     * case whose referrer said they attend, and only those consent-service names: guardians with parental
     * responsibility, while an active consent covers the arena.
     */
    public void on(AgendaPublished event) {
        Optional<MeetingEntry> meeting = meetings.find(event.municipality(), event.aggregateId());
        NoticeContent content = meeting
                .map(known -> meetingContent(event.municipality(), event.arenaId(), known.id(), known.sequence(),
                        known.startsAt(), known.endsAt(), known.location()))
                .orElseGet(() -> NoticeContent.withoutMeeting(arenas.noticeTitle(event.municipality(), event.arenaId()),
                        meetingPage(event.aggregateId())));
        List<Recipient> members = meeting
                .map(known -> participants(event.municipality(), event.arenaId(), known.participantUserIds()))
                .orElseGet(() -> staff.membersOf(event.municipality(), event.arenaId()));
        tell(event, event.arenaId(), TemplateCode.AGENDA_PUBLISHED, content, members);

        Map<String, Recipient> toldGuardians = new LinkedHashMap<>();
        Map<String, List<String>> childrenOf = new LinkedHashMap<>();
        for (String referralId : event.referralIds()) {
            Optional<ReferralEntry> referral = referrals.find(event.municipality(), referralId);
            if (referral.isPresent() && referral.get().guardiansToBeTold()) {
                for (Recipient guardian : guardians.guardiansOf(event.municipality(), referral.get().subjectId(), event.arenaId())) {
                    toldGuardians.putIfAbsent(guardian.recipientId(), guardian);
                    childrenOf.computeIfAbsent(guardian.recipientId(), id -> new ArrayList<>()).add(referral.get().subjectId());
                }
            }
        }
        if (!toldGuardians.isEmpty()) {
            // Guardians are not members: the arena's name tells them nothing they need, and could say too much.
            NoticeContent guardianContent = new NoticeContent(content.startsAt(), content.endsAt(), content.place(), null,
                    guardianPage(), content.meetingId(), content.sequence());
            // Each notice knows its children, so that erasing one cancels it.
            for (Recipient guardian : toldGuardians.values()) {
                tell(event.eventId(), EventCatalogue.of(event).type(), event.municipality(), event.arenaId(),
                        TemplateCode.GUARDIAN_MEETING_NOTICE, guardianContent, List.of(guardian), childrenOf.get(guardian.recipientId()));
            }
        }
    }

    /**
     * The child was erased: notices still waiting to its guardians are cancelled, every notice to them loses their
     * address, and no case here keeps the child's id.
     */
    public void on(SubjectErased event) {
        referrals.on(event);
        notifications.forgetSubject(event.municipality(), event.aggregateId());
    }

    /** A new referral goes to the arena's coordinators at once; a case of the past recorded afterwards is not news. */
    public void on(ReferralSubmitted event) {
        referrals.on(event);
        if (event.historic()) {
            return;
        }
        Map<String, Recipient> coordinators = new LinkedHashMap<>();
        for (Recipient coordinator : staff.coordinatorsOf(event.municipality(), event.arenaId())) {
            coordinators.put(coordinator.recipientId(), coordinator);
        }
        arenas.find(event.municipality(), event.arenaId())
                .map(ArenaDirectory.ArenaEntry::coordinatorUserId)
                .filter(userId -> !coordinators.containsKey(userId))
                .flatMap(userId -> staff.staffMember(event.municipality(), userId))
                .ifPresent(coordinator -> coordinators.put(coordinator.recipientId(), coordinator));
        tell(event, event.arenaId(), TemplateCode.REFERRAL_SUBMITTED, referralContent(event.municipality(), event.arenaId(), event.aggregateId()),
                coordinators.values());
    }

    public void on(ReferralAccepted event) {
        tellReferrer(event, event.arenaId(), TemplateCode.REFERRAL_ACCEPTED);
    }

    public void on(ReferralReturned event) {
        tellReferrer(event, event.arenaId(), TemplateCode.REFERRAL_RETURNED);
    }

    /** To those the minutes give a responsibility, when the event names them; otherwise to the meeting's members. */
    public void on(MinutesRecorded event) {
        Optional<MeetingEntry> meeting = meetings.find(event.municipality(), event.aggregateId());
        NoticeContent content = meeting
                .map(known -> meetingContent(event.municipality(), event.arenaId(), known.id(), known.sequence(),
                        known.startsAt(), known.endsAt(), known.location()))
                .orElseGet(() -> NoticeContent.withoutMeeting(arenas.noticeTitle(event.municipality(), event.arenaId()),
                        meetingPage(event.aggregateId())));
        Set<String> responsible = new LinkedHashSet<>();
        for (MinutesItem item : event.items()) {
            if (item.hasResponsibilityAssignment() && item.responsibleUserId() != null) {
                responsible.add(item.responsibleUserId());
            }
        }
        List<Recipient> recipients;
        if (!responsible.isEmpty()) {
            recipients = new ArrayList<>();
            Map<String, Recipient> members = byId(staff.membersOf(event.municipality(), event.arenaId()));
            for (String userId : responsible) {
                Optional<Recipient> recipient = Optional.ofNullable(members.get(userId))
                        .or(() -> staff.staffMember(event.municipality(), userId));
                recipient.ifPresentOrElse(recipients::add, () -> skipped("NO_CONTACT"));
            }
        } else {
            recipients = meeting.map(known -> participants(event.municipality(), event.arenaId(), known.participantUserIds()))
                    .orElseGet(() -> staff.membersOf(event.municipality(), event.arenaId()));
        }
        tell(event, event.arenaId(), TemplateCode.MINUTES_RECORDED, content, recipients);
    }

    /**
     * The reminder before a meeting. Its source id is derived from the meeting and its start, so the reminder for
     * one start is recorded once however often this runs, and a moved meeting gets a reminder for its new start.
     */
    public void remind(MeetingEntry meeting) {
        UUID sourceId = UUID.nameUUIDFromBytes(("reminder|" + meeting.id() + "|" + meeting.startsAt())
                .getBytes(StandardCharsets.UTF_8));
        NoticeContent content = meetingContent(meeting.municipality(), meeting.arenaId(), meeting.id(), meeting.sequence(),
                meeting.startsAt(), meeting.endsAt(), meeting.location());
        tell(sourceId, REMINDER_SOURCE, meeting.municipality(), meeting.arenaId(), TemplateCode.MEETING_REMINDER, content,
                participants(meeting.municipality(), meeting.arenaId(), meeting.participantUserIds()));
        meetings.markReminded(meeting);
    }

    private void tellReferrer(DomainEvent event, String arenaId, TemplateCode template) {
        Optional<String> referrer = referrals.find(event.municipality(), event.aggregateId())
                .map(ReferralEntry::referrerUserId);
        if (referrer.isEmpty()) {
            skipped("REFERRER_UNKNOWN");
            return;
        }
        Optional<Recipient> recipient = staff.staffMember(event.municipality(), referrer.get());
        if (recipient.isEmpty()) {
            skipped("NO_CONTACT");
            return;
        }
        tell(event, arenaId, template, referralContent(event.municipality(), arenaId, event.aggregateId()), List.of(recipient.get()));
    }

    /** The participants who are members with contact details; a guest without them cannot be told. */
    private List<Recipient> participants(String municipality, String arenaId, Collection<String> participantUserIds) {
        Map<String, Recipient> members = byId(staff.membersOf(municipality, arenaId));
        List<Recipient> recipients = new ArrayList<>();
        for (String userId : new LinkedHashSet<>(participantUserIds)) {
            Recipient member = members.get(userId);
            if (member == null) {
                skipped("NO_CONTACT");
            } else {
                recipients.add(member);
            }
        }
        return recipients;
    }

    private NoticeContent meetingContent(String municipality, String arenaId, String meetingId, int sequence, Instant startsAt,
            Instant endsAt, String location) {
        return NoticeContent.forMeeting(meetingId, sequence, startsAt, endsAt, location, arenas.noticeTitle(municipality, arenaId),
                meetingPage(meetingId));
    }

    private NoticeContent referralContent(String municipality, String arenaId, String referralId) {
        return NoticeContent.withoutMeeting(arenas.noticeTitle(municipality, arenaId), casePage(referralId));
    }

    private URI casePage(String referralId) {
        return URI.create(appUrl + CASE_PAGE + referralId);
    }

    private URI meetingPage(String meetingId) {
        return URI.create(appUrl + MEETING_PAGE + meetingId);
    }

    private URI guardianPage() {
        return URI.create(appUrl + GUARDIAN_PAGE);
    }

    /** @param arenaId the arena the notice is about, by which its delivery status is shown to the arena's coordinator */
    private void tell(DomainEvent event, String arenaId, TemplateCode template, NoticeContent content, Collection<Recipient> recipients) {
        tell(event.eventId(), EventCatalogue.of(event).type(), event.municipality(), arenaId, template, content, recipients);
    }

    private void tell(UUID sourceEventId, String sourceType, String municipality, String arenaId, TemplateCode template,
            NoticeContent content, Collection<Recipient> recipients) {
        tell(sourceEventId, sourceType, municipality, arenaId, template, content, recipients, List.of());
    }

    private void tell(UUID sourceEventId, String sourceType, String municipality, String arenaId, TemplateCode template,
            NoticeContent content, Collection<Recipient> recipients, List<String> subjectIds) {
        Instant now = clock.instant();
        for (Recipient recipient : recipients) {
            if (recipient.channels().isEmpty()) {
                skipped("NO_CHANNEL");
            }
            for (Channel channel : recipient.channels()) {
                Message message = templates.render(template, recipient.language(), channel, content,
                        channel == Channel.EMAIL ? recipient.email() : null, now);
                notifications.record(new Intent(sourceEventId, sourceType, municipality, arenaId, template, recipient, channel, message,
                        subjectIds));
            }
        }
    }

    private static Map<String, Recipient> byId(List<Recipient> recipients) {
        Map<String, Recipient> byId = new LinkedHashMap<>();
        recipients.forEach(recipient -> byId.putIfAbsent(recipient.recipientId(), recipient));
        return byId;
    }

    private void skipped(String reason) {
        meters.counter("samhandling.notifications.recipients.skipped", "reason", reason).increment();
    }
}
