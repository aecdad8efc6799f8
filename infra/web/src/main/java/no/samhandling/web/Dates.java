package no.samhandling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Dates and times as pages write them, in Norwegian time: {@code 3. mars 2026} and
 * {@code 3. mars 2026 kl. 14.05}. Templates call it as {@code ${@dates.dateTime(instant)}}.
 */
public class Dates {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d. MMMM yyyy", locale()).format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(OSLO).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", locale()).format(instant.atZone(OSLO));
    }

    /** The time of day alone, {@code 14.05}, for the end of a meeting that began the same day. */
    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH.mm", locale()).format(instant.atZone(OSLO));
    }

    /** For {@code <time datetime=…>}: the machine-readable form of the same moment. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(OSLO).withNano(0));
    }

    private static Locale locale() {
        return PageContextInterceptor.isNynorsk(LocaleContextHolder.getLocale()) ? Locale.forLanguageTag("nn") : Locale.forLanguageTag("nb");
    }
}
