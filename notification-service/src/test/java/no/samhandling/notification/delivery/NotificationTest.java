package no.samhandling.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.samhandling.events.notification.Channel;
import no.samhandling.events.notification.NotificationFailed;
import no.samhandling.events.notification.NotificationSent;
import no.samhandling.notification.content.Message;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.recipients.Language;
import no.samhandling.notification.recipients.Recipient;
import no.samhandling.notification.recipients.RecipientKind;

/** A notice's life: recorded once per event, recipient and channel; waits with growing backoff; settles once. */
class NotificationTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration INITIAL = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofMinutes(5);
    static final Duration GIVE_UP = Duration.ofHours(24);

    final UUID sourceEventId = UUID.randomUUID();
    final Recipient recipient = new Recipient("member-1", RecipientKind.STAFF, "member@aukra.example", "+4740000001",
            Set.of(Channel.EMAIL, Channel.SMS), Language.NN);

    Intent intent(Channel channel) {
        return new Intent(sourceEventId, "arena.meeting-scheduled.v1", "1547", "arena-1", TemplateCode.MEETING_INVITATION, recipient, channel,
                new Message("Emne", "Tekst", null, null));
    }

    @Test
    void theSameEventRecipientAndChannelAlwaysGiveTheSameIdAndAnotherChannelAnother() {
        assertThat(intent(Channel.EMAIL).notificationId()).isEqualTo(intent(Channel.EMAIL).notificationId());
        assertThat(intent(Channel.SMS).notificationId()).isNotEqualTo(intent(Channel.EMAIL).notificationId());
    }

    @Test
    void aNoticeAboutAnErasedChildIsCancelledWhileWaitingAndKeepsNothingOfItsGuardian() {
        Notification waiting = Notification.record(guardianNotice(Channel.SMS, "subject-1"), NOW);

        assertThat(waiting.forgetSubject("subject-3")).isFalse();
        assertThat(waiting.forgetSubject("subject-1")).isTrue();

        assertThat(waiting.status()).isEqualTo(NotificationStatus.CANCELLED);
        assertThat(waiting.outgoing().address()).isNull();
        assertThat(waiting.view().maskedAddress()).isNull();
        assertThat(waiting.view().nextAttemptAt()).isNull();
        assertThat(waiting.recipientId()).doesNotContain("member-1");
        assertThat(waiting.forgetSubject("subject-1")).isFalse();
        assertThat(waiting.pendingEvents()).isEmpty();
    }

    @Test
    void aNoticeAboutTwoChildrenStillGoesForTheOneNotErased() {
        Notification waiting = Notification.record(guardianNotice(Channel.SMS, "subject-1", "subject-2"), NOW);

        assertThat(waiting.forgetSubject("subject-1")).isTrue();

        assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(waiting.outgoing().address()).isEqualTo("+4740000001");
        assertThat(waiting.forgetSubject("subject-1")).isFalse();
        assertThat(waiting.forgetSubject("subject-2")).isTrue();
        assertThat(waiting.status()).isEqualTo(NotificationStatus.CANCELLED);
    }

    Intent guardianNotice(Channel channel, String... subjectIds) {
        return new Intent(sourceEventId, "arena.agenda-published.v1", "1547", "arena-1", TemplateCode.GUARDIAN_MEETING_NOTICE,
                recipient, channel, new Message("Emne", "Tekst", null, null), java.util.List.of(subjectIds));
    }

    @Test
    void aSentNoticeAboutAnErasedChildStaysSentWithoutTheAddress() {
        Notification sent = Notification.record(guardianNotice(Channel.EMAIL, "subject-1"), NOW);
        sent.sent("message-1", 1, NOW);

        assertThat(sent.forgetSubject("subject-1")).isTrue();

        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.view().maskedAddress()).isNull();
    }

    @Test
    void theEventOfAGuardiansNoticeNamesTheNoticeNotTheGuardian() {
        Recipient guardian = new Recipient("guardian-login-1", RecipientKind.GUARDIAN, "mor@example.no", "+4740000002",
                Set.of(Channel.EMAIL), Language.NB);
        Notification sent = Notification.record(new Intent(sourceEventId, "arena.agenda-published.v1", "1547", "arena-1",
                TemplateCode.GUARDIAN_MEETING_NOTICE, guardian, Channel.EMAIL, new Message("Emne", "Tekst", null, null),
                java.util.List.of("subject-1")), NOW);
        Notification failed = Notification.record(new Intent(sourceEventId, "arena.agenda-published.v1", "1547", "arena-1",
                TemplateCode.GUARDIAN_MEETING_NOTICE, guardian, Channel.SMS, new Message("Emne", "Tekst", null, null),
                java.util.List.of("subject-1")), NOW);

        sent.sent("message-1", 1, NOW);
        failed.failed("RECIPIENT_UNREACHABLE", 1, NOW);

        assertThat(((NotificationSent) sent.pendingEvents().getFirst()).recipientId()).isEqualTo("guardian-notice-" + sent.view().id());
        assertThat(((NotificationFailed) failed.pendingEvents().getFirst()).recipientId()).isEqualTo("guardian-notice-" + failed.view().id());
    }

    @Test
    void waitsTwiceAsLongAfterEachFailedRoundUpToTheMaximum() {
        Notification notice = Notification.record(intent(Channel.SMS), NOW);

        notice.postpone("PROVIDER_UNAVAILABLE", 3, NOW, INITIAL, MAX, GIVE_UP);
        assertThat(notice.view().nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        notice.postpone("PROVIDER_UNAVAILABLE", 3, NOW, INITIAL, MAX, GIVE_UP);
        assertThat(notice.view().nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        for (int i = 0; i < 10; i++) {
            notice.postpone("PROVIDER_UNAVAILABLE", 3, NOW, INITIAL, MAX, GIVE_UP);
        }
        assertThat(notice.view().nextAttemptAt()).isEqualTo(NOW.plus(MAX));
        assertThat(notice.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notice.pendingEvents()).isEmpty();
    }

    @Test
    void givesUpAfterWaitingTooLongAndSaysSoWithoutTheAddress() {
        Notification notice = Notification.record(intent(Channel.SMS), NOW);
        notice.postpone("PROVIDER_UNAVAILABLE", 2, NOW, INITIAL, MAX, GIVE_UP);

        notice.postpone("PROVIDER_UNAVAILABLE", 2, NOW.plus(GIVE_UP), INITIAL, MAX, GIVE_UP);

        assertThat(notice.status()).isEqualTo(NotificationStatus.FAILED);
        NotificationFailed failed = (NotificationFailed) notice.pendingEvents().getFirst();
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.failureReasonCode()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(failed.recipientId()).isEqualTo("member-1");
        assertThat(notice.view().maskedAddress()).isEqualTo("+47******01");
        assertThat(notice.outgoing().address()).isNull();
        assertThat(notice.outgoing().text()).isNull();
    }

    @Test
    void aDeliveryIsReportedOnceWithItsAttempts() {
        Notification notice = Notification.record(intent(Channel.EMAIL), NOW);

        notice.sent("<id@x>", 2, NOW);

        assertThat(notice.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(notice.pendingEvents()).singleElement().isInstanceOfSatisfying(NotificationSent.class, sent -> {
            assertThat(sent.attempts()).isEqualTo(2);
            assertThat(sent.sourceEventId()).isEqualTo(sourceEventId);
            assertThat(sent.templateCode()).isEqualTo("MEETING_INVITATION");
        });
        assertThat(notice.view().maskedAddress()).isEqualTo("m***@a***.example");
    }
}
