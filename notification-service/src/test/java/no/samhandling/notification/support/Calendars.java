package no.samhandling.notification.support;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Reads calendar files with ical4j, an independent RFC 5545 parser, and validates them. */
public final class Calendars {

    /** The parts of a parsed calendar file the tests look at. */
    public record Invitation(String method, String uid, int sequence, String status, String dtStart, String dtEnd,
            String summary, String location, Calendar calendar) {
    }

    public static Invitation parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            if (calendar.validate().hasErrors()) {
                throw new AssertionError("Invalid calendar: " + calendar.validate());
            }
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            if (events.size() != 1) {
                throw new AssertionError("Expected one VEVENT, found " + events.size());
            }
            VEvent event = events.getFirst();
            return new Invitation(value(calendar.getProperty(Property.METHOD)), value(event.getProperty(Property.UID)),
                    Integer.parseInt(value(event.getProperty(Property.SEQUENCE))), value(event.getProperty(Property.STATUS)),
                    value(event.getProperty(Property.DTSTART)), value(event.getProperty(Property.DTEND)),
                    value(event.getProperty(Property.SUMMARY)), value(event.getProperty(Property.LOCATION)), calendar);
        } catch (IOException | ParserException | net.fortuna.ical4j.validate.ValidationException e) {
            throw new AssertionError("Not a valid iCalendar file: " + e.getMessage() + "\n" + ics, e);
        }
    }

    private static String value(java.util.Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }

    private Calendars() {
    }
}
