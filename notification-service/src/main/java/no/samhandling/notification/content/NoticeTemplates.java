package no.samhandling.notification.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import no.samhandling.events.notification.Channel;
import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.notification.recipients.Language;

/**
 * Renders notices from {@code notice-templates.properties} (bokmål) and {@code notice-templates_nn.properties}
 * (nynorsk). A template can only use {@code {time}}, {@code {end}}, {@code {place}}, {@code {arena}} and
 * {@code {link}}: the fields of {@link NoticeContent}.
 */
@Component
public class NoticeTemplates {

    /** Meetings are held in Norway; times are shown as the participants' clocks show them. */
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private final NotificationProperties.Calendar calendar;

    public NoticeTemplates(NotificationProperties properties) {
        this.calendar = properties.calendar();
        for (Language language : Language.values()) {
            // No fallback to the JVM's locale: bokmål is the base bundle, nynorsk its own.
            bundles.put(language, ResourceBundle.getBundle("notice-templates",
                    language == Language.NB ? java.util.Locale.ROOT : language.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    /**
     * @param attendee the recipient's own email address, named in the calendar file as its attendee; null for SMS
     * @param stamp when the notice is made (the calendar file's DTSTAMP)
     */
    public Message render(TemplateCode template, Language language, Channel channel, NoticeContent content, String attendee,
            Instant stamp) {
        ResourceBundle texts = bundles.get(language);
        Map<String, String> values = values(texts, language, content);
        if (channel == Channel.SMS) {
            return new Message(null, fill(texts.getString(template.name() + ".sms"), values), null, null);
        }
        String subject = fill(texts.getString(template.name() + ".subject"), values);
        String body = fill(texts.getString(template.name() + ".email"), values) + "\n\n" + texts.getString("email.footer");
        String ics = null;
        if (template.calendarMethod() != null && content.meetingId() != null && content.startsAt() != null) {
            ics = CalendarFile.of(template.calendarMethod(), content, fill(texts.getString("calendar.summary"), values),
                    fill(texts.getString("calendar.description"), values), calendar.uidDomain(), calendar.organizer(), attendee,
                    stamp);
        }
        return new Message(subject, body, ics, ics == null ? null : template.calendarMethod());
    }

    private static Map<String, String> values(ResourceBundle texts, Language language, NoticeContent content) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern(texts.getString("format.time"), language.locale()).withZone(OSLO);
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm", language.locale()).withZone(OSLO);
        Map<String, String> values = new HashMap<>();
        values.put("time", content.startsAt() == null ? "" : time.format(content.startsAt()));
        values.put("end", content.endsAt() == null ? "" : clock.format(content.endsAt()));
        values.put("place", content.place() == null || content.place().isBlank() ? texts.getString("place.unknown") : content.place());
        values.put("arena", content.arenaTitle() == null ? texts.getString("arena.unnamed") : content.arenaTitle());
        values.put("link", content.link().toString());
        return values;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                throw new IllegalStateException("Template uses unknown placeholder " + placeholders.group());
            }
            placeholders.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(out);
        return out.toString();
    }
}
