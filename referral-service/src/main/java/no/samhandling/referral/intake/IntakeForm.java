package no.samhandling.referral.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import no.samhandling.events.referral.PreventionLevel;
import no.samhandling.events.referral.Theme;
import no.samhandling.events.referral.UnitType;

/**
 * The intake page's form as the browser sent it, every field as typed, so that a form with
 * mistakes comes back exactly as it was. Its fields carry the API's names ({@code referrerUnit},
 * {@code measuresTried[0].period}, {@code subject.name}), so a refusal naming a field lands on it.
 */
record IntakeForm(
        String referrerUnit,
        List<String> themes,
        String preventionLevel,
        List<Measure> measures,
        String description,
        String guardiansAttend,
        String childName,
        String childBirthDate,
        String childNationalId,
        String consentId) {

    /** One row of the measures table: what was tried, when, and what came of it. */
    record Measure(String description, String period, String effect) {

        boolean isBlank() {
            return description.isBlank() && period.isBlank() && effect.isBlank();
        }
    }

    static final int MAX_MEASURES = 20;

    static IntakeForm empty(String consentId) {
        return new IntakeForm("", List.of(), "", List.of(new Measure("", "", "")), "", "", "", "", "", consentId == null ? "" : consentId);
    }

    static IntakeForm of(MultiValueMap<String, String> fields) {
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < MAX_MEASURES && fields.containsKey("measuresTried[" + i + "].description"); i++) {
            measures.add(new Measure(value(fields, "measuresTried[" + i + "].description"), value(fields, "measuresTried[" + i + "].period"),
                    value(fields, "measuresTried[" + i + "].effect")));
        }
        if (measures.isEmpty()) {
            measures.add(new Measure("", "", ""));
        }
        return new IntakeForm(value(fields, "referrerUnit"), fields.getOrDefault("themes", List.of()), value(fields, "preventionLevel"),
                measures, value(fields, "description"), value(fields, "guardiansAttend"), value(fields, "subject.name"),
                value(fields, "subject.birthDate"), value(fields, "subject.nationalId"), value(fields, "consentId"));
    }

    /** The same form with one more empty row of measures, for the button that adds one (it works without a script). */
    IntakeForm withAnotherMeasure() {
        if (measures.size() >= MAX_MEASURES) {
            return this;
        }
        List<Measure> more = new ArrayList<>(measures);
        more.add(new Measure("", "", ""));
        return new IntakeForm(referrerUnit, themes, preventionLevel, more, description, guardiansAttend, childName, childBirthDate,
                childNationalId, consentId);
    }

    /**
     * The API's request for this form; what cannot even be read (a date that is no date, a code not
     * in its list) is left out and reported in {@code unreadable}, by field, for the page to show
     * beside the API's own checks.
     */
    SubmitReferral toRequest(String arenaId, String referrerUnitType, String ageBand, boolean named, Map<String, String> unreadable) {
        List<Theme> chosenThemes = new ArrayList<>();
        for (String theme : themes) {
            try {
                chosenThemes.add(Theme.valueOf(theme));
            } catch (IllegalArgumentException notATheme) {
                unreadable.put("themes", "intake.form.theme-unknown");
            }
        }
        UnitType unitType = null;
        if (referrerUnitType != null && !referrerUnitType.isBlank()) {
            try {
                unitType = UnitType.valueOf(referrerUnitType);
            } catch (IllegalArgumentException notAUnitType) {
                unreadable.put("referrerUnitType", "intake.form.choose");
            }
        }
        PreventionLevel level = null;
        if (!preventionLevel.isBlank()) {
            try {
                level = PreventionLevel.valueOf(preventionLevel);
            } catch (IllegalArgumentException notALevel) {
                unreadable.put("preventionLevel", "intake.form.choose");
            }
        }
        List<SubmitReferral.MeasureTried> tried = measures.stream().filter(measure -> !measure.isBlank())
                .map(measure -> new SubmitReferral.MeasureTried(measure.description(), measure.period(), measure.effect())).toList();
        Boolean attend = switch (guardiansAttend) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        SubmitReferral.Subject subject = null;
        if (named) {
            LocalDate birthDate = null;
            if (!childBirthDate.isBlank()) {
                try {
                    birthDate = LocalDate.parse(childBirthDate);
                } catch (DateTimeParseException notADate) {
                    unreadable.put("subject-birthDate", "intake.form.date");
                }
            }
            subject = new SubmitReferral.Subject(childName, birthDate, childNationalId.isBlank() ? null : childNationalId.replaceAll("\\s", ""));
        }
        return new SubmitReferral(arenaId, referrerUnit, unitType, ageBand, chosenThemes, level, tried,
                description.isBlank() ? null : description, attend, subject, named && !consentId.isBlank() ? consentId : null, null);
    }

    /** The rows of measures as the API numbers them once empty rows are left out, to put each refusal on its row. */
    Map<Integer, Integer> measureRowsByRequestIndex() {
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        int index = 0;
        for (int row = 0; row < measures.size(); row++) {
            if (!measures.get(row).isBlank()) {
                rows.put(index++, row);
            }
        }
        return rows;
    }

    private static String value(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "IntakeForm[…]";
    }
}
