package no.samhandling.arena.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The minutes editor's form as the browser sent it, every field as typed: one row per case on the
 * agenda, then rows for other topics. Its fields carry the API's names
 * ({@code items[0].assignment.task}), so a refusal naming a field lands on it.
 */
record MinutesForm(List<Row> rows) {

    /** One item of the minutes: a case on the agenda (referralId) or a topic, what was decided, and who does what by when. */
    record Row(String referralId, String topic, String outcomeCode, String outcome, String responsibleUserId, String responsibleService,
            String task, String dueDate, String followUpDate) {

        boolean isCase() {
            return !referralId.isBlank();
        }

        boolean hasAssignment() {
            return !(responsibleUserId.isBlank() && responsibleService.isBlank() && task.isBlank() && dueDate.isBlank()
                    && followUpDate.isBlank());
        }

        boolean isBlank() {
            return topic.isBlank() && outcomeCode.isBlank() && outcome.isBlank() && !hasAssignment();
        }

        static Row forCase(String referralId) {
            return new Row(referralId, "", "", "", "", "", "", "", "");
        }

        static Row forTopic() {
            return forCase("");
        }
    }

    static final int MAX_ROWS = 50;

    /** The rows for the meeting: its draft where there is one, a row for each case on the agenda, and one for a topic. */
    static MinutesForm of(MeetingView meeting) {
        List<Row> rows = new ArrayList<>();
        for (String referralId : meeting.agenda()) {
            rows.add(meeting.minutes().stream().filter(entry -> referralId.equals(entry.referralId())).findFirst()
                    .map(MinutesForm::row).orElse(Row.forCase(referralId)));
        }
        meeting.minutes().stream().filter(entry -> entry.referralId() == null).map(MinutesForm::row).forEach(rows::add);
        rows.add(Row.forTopic());
        return new MinutesForm(rows);
    }

    static MinutesForm of(MultiValueMap<String, String> fields) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && fields.containsKey("items[" + i + "].outcome"); i++) {
            String item = "items[" + i + "].";
            rows.add(new Row(value(fields, item + "referralId"), value(fields, item + "topic"), value(fields, item + "outcomeCode"),
                    value(fields, item + "outcome"), value(fields, item + "assignment.responsibleUserId"),
                    value(fields, item + "assignment.responsibleService"), value(fields, item + "assignment.task"),
                    value(fields, item + "assignment.dueDate"), value(fields, item + "assignment.followUpDate")));
        }
        return new MinutesForm(rows);
    }

    /** The same form with another row for a topic (the button that adds one works without a script). */
    MinutesForm withAnotherTopic() {
        if (rows.size() >= MAX_ROWS) {
            return this;
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(Row.forTopic());
        return new MinutesForm(more);
    }

    /**
     * The API's draft: the rows someone wrote in (an untouched row is left out); dates that are no
     * dates are reported in {@code unreadable} by the field's id, numbered as the API numbers items.
     */
    MeetingRequests.MinutesDraft toRequest(Map<String, String> unreadable, String unreadableDate) {
        List<MeetingRequests.MinutesEntryRequest> items = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            Row r = rows.get(row);
            if (r.isBlank()) {
                continue;
            }
            MeetingRequests.AssignmentRequest assignment = null;
            if (r.hasAssignment()) {
                int index = items.size();
                assignment = new MeetingRequests.AssignmentRequest(blankToNull(r.responsibleUserId()), blankToNull(r.responsibleService()),
                        r.task(), date(r.dueDate(), "items-" + index + "-assignment-dueDate", unreadable, unreadableDate),
                        date(r.followUpDate(), "items-" + index + "-assignment-followUpDate", unreadable, unreadableDate));
            }
            items.add(new MeetingRequests.MinutesEntryRequest(blankToNull(r.referralId()), blankToNull(r.topic()), r.outcomeCode(),
                    r.outcome(), assignment));
        }
        return new MeetingRequests.MinutesDraft(items);
    }

    /** The rows as the API numbers them once untouched rows are left out, to put each refusal on its row. */
    Map<Integer, Integer> rowsByRequestIndex() {
        Map<Integer, Integer> byIndex = new LinkedHashMap<>();
        int index = 0;
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.get(row).isBlank()) {
                byIndex.put(index++, row);
            }
        }
        return byIndex;
    }

    private static Row row(Meeting.MinutesEntry entry) {
        Meeting.Assignment a = entry.assignment();
        return new Row(entry.referralId() == null ? "" : entry.referralId(), entry.topic() == null ? "" : entry.topic(),
                entry.outcomeCode(), entry.outcome(),
                a == null || a.responsibleUserId() == null ? "" : a.responsibleUserId(),
                a == null || a.responsibleService() == null ? "" : a.responsibleService(),
                a == null ? "" : a.task(),
                a == null || a.dueDate() == null ? "" : a.dueDate().toString(),
                a == null || a.followUpDate() == null ? "" : a.followUpDate().toString());
    }

    private static LocalDate date(String value, String field, Map<String, String> unreadable, String message) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            unreadable.put(field, message);
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static String value(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }
}
