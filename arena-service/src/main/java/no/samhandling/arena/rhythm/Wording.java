package no.samhandling.arena.rhythm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Norwegian sentences for rules, in bokmål and nynorsk. */
final class Wording {

    private static final String[] ORDINAL_NB = {"", "første", "andre", "tredje", "fjerde", "femte", "sjette",
            "sjuende", "åttende", "niende", "tiende", "ellevte", "tolvte"};
    private static final String[] ORDINAL_NN = {"", "første", "andre", "tredje", "fjerde", "femte", "sjette",
            "sjuande", "åttande", "niande", "tiande", "ellevte", "tolvte"};
    private static final String[] DAY_NB = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
    private static final String[] DAY_NN = {"måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"};
    private static final String[] MONTH = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"};

    private Wording() {
    }

    static String describe(MeetingRhythm rule, Language language) {
        boolean nn = language == Language.NYNORSK;
        String every = nn ? "kvar" : "hver";
        String month = nn ? "månad" : "måned";
        String text = switch (rule) {
            case MeetingRhythm.PerHalfYear r -> {
                List<String> parts = new ArrayList<>();
                if (r.spring() > 0) {
                    parts.add(r.spring() + " om våren");
                }
                if (r.autumn() > 0) {
                    parts.add(r.autumn() + (nn ? " om hausten" : " om høsten"));
                }
                yield meetings(r.spring() + r.autumn(), nn) + " i året: " + String.join(", ", parts)
                        + preferred(r.weekday(), nn);
            }
            case MeetingRhythm.EveryNWeeks r -> every + " " + ordinalPrefix(r.interval(), nn) + day(r.weekday(), nn);
            case MeetingRhythm.Weekly r -> every + " " + day(r.weekday(), nn);
            case MeetingRhythm.NthWeekdayOfMonth r -> nth(r.nth(), nn) + " " + day(r.weekday(), nn) + " " + every
                    + " " + month;
            case MeetingRhythm.EveryNMonths r -> nth(r.nth(), nn) + " " + day(r.weekday(), nn) + " " + every + " "
                    + ordinalPrefix(r.interval(), nn) + month + (r.interval() == 1 ? "" : from(r.firstMonth(), nn));
            case MeetingRhythm.TimesPerMonth r -> range(r.min(), r.max()) + " "
                    + (r.max() == 1 ? (nn ? "gong" : "gang") : (nn ? "gonger" : "ganger"))
                    + (nn ? " i månaden" : " i måneden") + preferred(r.weekday(), nn);
            case MeetingRhythm.DaysPerMonth r -> (nn ? "tilgjengeleg " : "tilgjengelig ") + range(r.min(), r.max())
                    + " " + (r.max() == 1 ? "dag" : (nn ? "dagar" : "dager"))
                    + (nn ? " i månaden" : " i måneden") + preferred(r.weekday(), nn);
            case MeetingRhythm.OnDemand r -> "ved behov";
            case MeetingRhythm.AgreedAtMeeting r -> range(r.min(), r.max()) + " "
                    + (r.max() == 1 || nn ? "møte" : "møter") + " i året, neste møte blir avtalt i møtet";
        };
        return text + rule.duration().map(d -> ", " + duration(d)).orElse("");
    }

    /** "1 t 30 min", "2 t", "45 min". */
    static String duration(Duration d) {
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return hours + " t" + (minutes == 0 ? "" : " " + minutes + " min");
    }

    static String day(DayOfWeek day, boolean nn) {
        return (nn ? DAY_NN : DAY_NB)[day.ordinal()];
    }

    /** "tredje " for 3, "" for 1 ("kvar tysdag"), "13. " beyond twelve. */
    private static String ordinalPrefix(int n, boolean nn) {
        if (n == 1) {
            return "";
        }
        return (n < ORDINAL_NB.length ? (nn ? ORDINAL_NN : ORDINAL_NB)[n] : n + ".") + " ";
    }

    private static String nth(int nth, boolean nn) {
        return nth == -1 ? "siste" : (nn ? ORDINAL_NN : ORDINAL_NB)[nth];
    }

    private static String meetings(int count, boolean nn) {
        return count + (count == 1 || nn ? " møte" : " møter");
    }

    private static String range(int min, int max) {
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    private static String preferred(Optional<DayOfWeek> weekday, boolean nn) {
        return weekday.map(d -> ", helst på " + day(d, nn)).orElse("");
    }

    private static String from(YearMonth first, boolean nn) {
        return (nn ? ", frå " : ", fra ") + MONTH[first.getMonthValue() - 1] + " " + first.getYear();
    }
}
