package no.samhandling.notification.content;

/** Which notice; also the {@code templateCode} on NotificationSent and NotificationFailed. */
public enum TemplateCode {
    MEETING_INVITATION(CalendarMethod.REQUEST),
    MEETING_RESCHEDULED(CalendarMethod.REQUEST),
    MEETING_CANCELLED(CalendarMethod.CANCEL),
    MEETING_REMINDER(null),
    AGENDA_PUBLISHED(null),
    GUARDIAN_MEETING_NOTICE(null),
    REFERRAL_SUBMITTED(null),
    REFERRAL_ACCEPTED(null),
    REFERRAL_RETURNED(null),
    MINUTES_RECORDED(null);

    private final CalendarMethod calendarMethod;

    TemplateCode(CalendarMethod calendarMethod) {
        this.calendarMethod = calendarMethod;
    }

    /** The iTIP method of the calendar file an email of this notice carries, or null when it carries none. */
    public CalendarMethod calendarMethod() {
        return calendarMethod;
    }

    public enum CalendarMethod {
        REQUEST,
        CANCEL
    }
}
