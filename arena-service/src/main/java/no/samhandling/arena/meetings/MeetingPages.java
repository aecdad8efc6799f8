package no.samhandling.arena.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.arena.membership.Memberships;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.PageForms;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.web.PageController;

/**
 * Meetings as pages ({@code /moter}, behind the gateway; notices link to {@code /moter/{id}}): the
 * calendar of the arenas a coordinator or member sits in, a new meeting, one meeting with its
 * agenda (published by the coordinator) and its minutes, and the minutes editor with a written
 * responsibility assignment per item. {@link Meetings} decides who sees and runs each meeting, as
 * for the API; a page only offers the coordinator's forms to the arena's coordinator.
 */
@PageController
@RequestMapping("/moter")
@PreAuthorize(MeetingController.READ)
class MeetingPages {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** How far back and ahead the calendar looks. */
    static final Duration PAST = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofDays(180);
    /** What a meeting may conclude for an item; the API takes any code. */
    static final List<String> OUTCOMES = List.of("MEASURES_AGREED", "RESPONSIBILITY_ASSIGNED", "FOLLOW_UP_LATER", "ESCALATE",
            "REFER_ELSEWHERE", "DISCUSSED");
    private static final Pattern ITEM_FIELD = Pattern.compile("items-(\\d+)-(.+)");

    private final Meetings meetings;
    private final ArenaLookup arenas;
    private final Memberships memberships;
    private final PageForms forms;
    private final java.time.Clock clock;

    MeetingPages(Meetings meetings, ArenaLookup arenas, Memberships memberships, PageForms forms, java.time.Clock clock) {
        this.meetings = meetings;
        this.arenas = arenas;
        this.memberships = memberships;
        this.forms = forms;
        this.clock = clock;
    }

    /** The calendar: the meetings of the caller's arenas (or of one of them), the coming ones first. */
    @GetMapping
    String calendar(@RequestParam(required = false) String arena, Caller caller, Model model) {
        Instant now = clock.instant();
        List<MeetingView> all = arena == null || arena.isBlank()
                ? meetings.ofMyArenas(caller, now.minus(PAST), now.plus(AHEAD))
                : meetings.list(caller, arena, now.minus(PAST), now.plus(AHEAD));
        model.addAttribute("coming", all.stream().filter(meeting -> meeting.endsAt().isAfter(now)).toList());
        model.addAttribute("past", all.stream().filter(meeting -> !meeting.endsAt().isAfter(now)).toList().reversed());
        model.addAttribute("arena", arena == null || arena.isBlank() ? null : arenas.summary(caller.municipality(), arena).orElse(null));
        return scheduleForm(model, caller, Map.of(), Map.of());
    }

    /** A meeting outside the arena's rhythm, by its coordinator: date, time and place. */
    @PostMapping
    @PreAuthorize(MeetingController.RUN)
    String schedule(@RequestParam MultiValueMap<String, String> fields, Caller caller, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String arenaId = text(fields.getFirst("arenaId"));
        if (arenaId.isBlank()) {
            errors.put("arenaId", forms.message("form.required"));
        }
        Instant startsAt = at(fields.getFirst("date"), fields.getFirst("startTime"), "startTime", errors);
        Instant endsAt = at(fields.getFirst("date"), fields.getFirst("endTime"), "endTime", errors);
        MeetingRequests.ScheduleMeeting request = new MeetingRequests.ScheduleMeeting(startsAt, endsAt,
                text(fields.getFirst("location")).isBlank() ? null : fields.getFirst("location").strip(), List.of(), null);
        forms.violations(request).forEach((field, message) -> errors.putIfAbsent("endAfterStart".equals(field) ? "endTime" : field, message));
        if (errors.isEmpty()) {
            try {
                return "redirect:/moter/" + meetings.scheduleMeeting(caller, arenaId, request).id() + "?opprettet";
            } catch (ProblemException refusal) {
                PageForms.rethrowUnlessCorrectable(refusal);
                errors.putAll(forms.of(refusal));
            }
        }
        Instant now = clock.instant();
        List<MeetingView> all = meetings.ofMyArenas(caller, now.minus(PAST), now.plus(AHEAD));
        model.addAttribute("coming", all.stream().filter(meeting -> meeting.endsAt().isAfter(now)).toList());
        model.addAttribute("past", all.stream().filter(meeting -> !meeting.endsAt().isAfter(now)).toList().reversed());
        model.addAttribute("arena", null);
        return scheduleForm(model, caller, fields.toSingleValueMap(), errors);
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable String id, Caller caller, Model model) {
        return page(model, caller, meetings.find(caller, id), Map.of());
    }

    @PostMapping("/{id}/publiser")
    @PreAuthorize(MeetingController.RUN)
    String publishAgenda(@PathVariable String id, Caller caller, Model model) {
        try {
            meetings.publishAgenda(caller, id);
            return "redirect:/moter/" + id + "?publisert";
        } catch (ProblemException refusal) {
            return refused(model, caller, id, refusal);
        }
    }

    @GetMapping("/{id}/referat")
    @PreAuthorize(MeetingController.RUN)
    String minutes(@PathVariable String id, Caller caller, Model model) {
        MeetingView meeting = meetings.find(caller, id);
        if (!isCoordinator(caller, meeting.arenaId())) {
            // Members read the minutes on the meeting's page; only its coordinator writes them.
            throw new org.springframework.security.access.AccessDeniedException("Only the arena's coordinator writes the minutes");
        }
        return editor(model, caller, meeting, MinutesForm.of(meeting), Map.of());
    }

    /** Saves the draft, or adds a row for another topic. */
    @PostMapping("/{id}/referat")
    @PreAuthorize(MeetingController.RUN)
    String saveMinutes(@PathVariable String id, @RequestParam MultiValueMap<String, String> fields, Caller caller, Model model) {
        MinutesForm form = MinutesForm.of(fields);
        if ("leggTilTema".equals(fields.getFirst("handling"))) {
            return editor(model, caller, meetings.find(caller, id), form.withAnotherTopic(), Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        MeetingRequests.MinutesDraft draft = form.toRequest(errors, forms.message("meetings.form.date"));
        forms.violations(draft).forEach(errors::putIfAbsent);
        if (draft.items().isEmpty()) {
            errors.put("items", forms.message("meetings.minutes.empty"));
        }
        if (errors.isEmpty()) {
            try {
                meetings.draftMinutes(caller, id, draft);
                return "redirect:/moter/" + id + "/referat?lagret";
            } catch (ProblemException refusal) {
                PageForms.rethrowUnlessCorrectable(refusal);
                errors.put(refusal.properties().containsKey("field") ? PageForms.fieldId(String.valueOf(refusal.properties().get("field")))
                        : "items", forms.message(refusal));
            }
        }
        return editor(model, caller, meetings.find(caller, id), form, onTheirRows(errors, form));
    }

    /** Approves the minutes: the meeting is held, and every case on it moves on. */
    @PostMapping("/{id}/referat/godkjenn")
    @PreAuthorize(MeetingController.RUN)
    String closeMinutes(@PathVariable String id, @RequestParam(defaultValue = "false") boolean acceptItemsWithoutAssignment,
            Caller caller, Model model) {
        try {
            meetings.closeMinutes(caller, id, acceptItemsWithoutAssignment);
            return "redirect:/moter/" + id + "?godkjent";
        } catch (ProblemException refusal) {
            PageForms.rethrowUnlessCorrectable(refusal);
            MeetingView meeting = meetings.find(caller, id);
            return editor(model, caller, meeting, MinutesForm.of(meeting), Map.of("close", forms.message(refusal)));
        }
    }

    private String refused(Model model, Caller caller, String id, ProblemException refusal) {
        PageForms.rethrowUnlessCorrectable(refusal);
        return page(model, caller, meetings.find(caller, id), Map.of("step", forms.message(refusal)));
    }

    private String page(Model model, Caller caller, MeetingView meeting, Map<String, String> errors) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("arena", arenas.summary(caller.municipality(), meeting.arenaId()).orElse(null));
        model.addAttribute("coordinator", isCoordinator(caller, meeting.arenaId()));
        model.addAttribute("caseNumbers", caseNumbers(meeting));
        model.addAttribute("errors", errors);
        return "meetings/meeting";
    }

    private String editor(Model model, Caller caller, MeetingView meeting, MinutesForm form, Map<String, String> errors) {
        model.addAttribute("meeting", meeting);
        model.addAttribute("arena", arenas.summary(caller.municipality(), meeting.arenaId()).orElse(null));
        model.addAttribute("caseNumbers", caseNumbers(meeting));
        model.addAttribute("form", form);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("errors", errors);
        return "meetings/minutes";
    }

    private String scheduleForm(Model model, Caller caller, Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> coordinated = new LinkedHashMap<>();
        memberships.placesOf(caller).forEach((arenaId, role) -> {
            if (role == MemberRole.COORDINATOR) {
                arenas.summary(caller.municipality(), arenaId).filter(ArenaLookup.Summary::active)
                        .ifPresent(arena -> coordinated.put(arena.id(), arena.title()));
            }
        });
        model.addAttribute("coordinated", coordinated);
        model.addAttribute("titles", titles(caller));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "meetings/calendar";
    }

    private boolean isCoordinator(Caller caller, String arenaId) {
        return caller.has(no.samhandling.platform.security.Role.COORDINATOR)
                && memberships.placesOf(caller).get(arenaId) == MemberRole.COORDINATOR;
    }

    private Map<String, String> titles(Caller caller) {
        Map<String, String> titles = new LinkedHashMap<>();
        memberships.placesOf(caller).keySet().forEach(arenaId ->
                arenas.summary(caller.municipality(), arenaId).ifPresent(arena -> titles.put(arenaId, arena.title())));
        return titles;
    }

    /** Cases are named on the page by their place on the agenda: Sak 1, Sak 2, … */
    private static Map<String, Integer> caseNumbers(MeetingView meeting) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < meeting.agenda().size(); i++) {
            numbers.put(meeting.agenda().get(i), i + 1);
        }
        return numbers;
    }

    private Instant at(String date, String time, String field, Map<String, String> errors) {
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            errors.putIfAbsent(date == null || date.isBlank() ? "date" : field, forms.message("form.required"));
            return null;
        }
        try {
            return ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), OSLO).toInstant();
        } catch (DateTimeParseException notATime) {
            errors.putIfAbsent(field, forms.message("meetings.form.date"));
            return null;
        }
    }

    /** The API numbers minutes items without the untouched rows; each refusal goes back to the row it is about. */
    private static Map<String, String> onTheirRows(Map<String, String> errors, MinutesForm form) {
        Map<Integer, Integer> rows = form.rowsByRequestIndex();
        Map<String, String> placed = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            Matcher item = ITEM_FIELD.matcher(field);
            placed.putIfAbsent(item.matches()
                    ? "items-" + rows.getOrDefault(Integer.parseInt(item.group(1)), 0) + "-" + item.group(2) : field, message);
        });
        return placed;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
