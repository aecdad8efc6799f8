package no.samhandling.arena.meetings;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import no.samhandling.arena.rhythm.SchoolCalendar;

/**
 * Each municipality's school calendar (closed periods), from configuration:
 * {@code samhandling.arena.school-calendars.<kommunenummer>.closed-periods}. A municipality
 * without one gets the typical Norwegian school year.
 */
@Configuration
@EnableConfigurationProperties(SchoolCalendars.Properties.class)
class SchoolCalendars {

    @ConfigurationProperties("samhandling.arena")
    record Properties(Map<String, SchoolCalendar> schoolCalendars) {

        Properties {
            schoolCalendars = schoolCalendars == null ? Map.of() : Map.copyOf(schoolCalendars);
        }
    }

    private final Properties properties;

    SchoolCalendars(Properties properties) {
        this.properties = properties;
    }

    SchoolCalendar forMunicipality(String municipality, LocalDate from, LocalDate to) {
        SchoolCalendar configured = properties.schoolCalendars().get(municipality);
        if (configured != null) {
            return configured;
        }
        SchoolCalendar calendar = SchoolCalendar.defaultFor(from.getYear() - 1);
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            calendar = calendar.and(SchoolCalendar.defaultFor(year));
        }
        return calendar;
    }
}
