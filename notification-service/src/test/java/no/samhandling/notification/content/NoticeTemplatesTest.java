package no.samhandling.notification.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import no.samhandling.events.notification.Channel;
import no.samhandling.notification.recipients.Language;
import no.samhandling.notification.support.Calendars;
import no.samhandling.notification.support.TestProperties;

/** Every template, in both written standards and on both channels, says only when, where, which arena and a link. */
class NoticeTemplatesTest {

    static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T09:30:00Z");
    static final URI LINK = URI.create("https://samhandling.aukra.example/meetings/m-1");

    final NoticeTemplates templates = new NoticeTemplates(TestProperties.defaults());

    static Stream<Arguments> everyTemplate() {
        List<Arguments> all = new ArrayList<>();
        for (TemplateCode template : TemplateCode.values()) {
            for (Language language : Language.values()) {
                for (Channel channel : Channel.values()) {
                    all.add(Arguments.of(template, language, channel));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void rendersTimePlaceArenaAndLinkWithNothingLeftOver(TemplateCode template, Language language, Channel channel) {
        Message message = templates.render(template, language, channel,
                NoticeContent.forMeeting("m-1", 2, START, END, "Aukra rådhus, møterom 2", "Skoleteam", LINK), "a@aukra.example", START);

        String all = String.join("\n", message.text(), String.valueOf(message.subject()));
        assertThat(all).contains(LINK.toString()).doesNotContain("{").doesNotContain("}");
        assertThat(message.text()).isNotBlank();
        if (channel == Channel.SMS) {
            assertThat(message.subject()).isNull();
            assertThat(message.calendar()).isNull();
            assertThat(message.text().length()).as("one or two SMS segments").isLessThanOrEqualTo(306);
        } else {
            assertThat(message.subject()).isNotBlank();
            assertThat(message.calendar() != null).isEqualTo(template.calendarMethod() != null);
        }
        if (template.name().startsWith("MEETING") || template == TemplateCode.AGENDA_PUBLISHED
                || template == TemplateCode.MINUTES_RECORDED) {
            // 08:00 UTC is 09:00 in Oslo in December.
            assertThat(all).contains("kl. 09:00");
        }
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void leavesOutTheNameOfASensitiveArena(TemplateCode template, Language language, Channel channel) {
        Message message = templates.render(template, language, channel,
                NoticeContent.forMeeting("m-1", 0, START, END, "Rom 4", null, LINK), "a@aukra.example", START);

        String all = Stream.of(message.subject(), message.text(), message.calendar())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(all).doesNotContain("null");
        if (template != TemplateCode.GUARDIAN_MEETING_NOTICE) {
            assertThat(all).containsAnyOf("en samarbeidsarena", "ein samarbeidsarena");
        }
    }

    @Test
    void writesBokmålAndNynorskDifferently() {
        NoticeContent content = NoticeContent.forMeeting("m-1", 0, START, END, "Rom 4", "Skoleteam", LINK);

        Message bokmål = templates.render(TemplateCode.MEETING_INVITATION, Language.NB, Channel.EMAIL, content, "a@b.example", START);
        Message nynorsk = templates.render(TemplateCode.MEETING_INVITATION, Language.NN, Channel.EMAIL, content, "a@b.example", START);

        assertThat(bokmål.text()).contains("Du er innkalt", "tirsdag 1. desember 2026 kl. 09:00", "Sted: Rom 4");
        assertThat(nynorsk.text()).contains("Du er kalla inn", "tysdag 1. desember 2026 kl. 09:00", "Stad: Rom 4");
    }

    @Test
    void bothBundlesHaveTheSameKeysAndOneSetPerTemplate() throws Exception {
        Properties bokmål = bundle("/notice-templates.properties");
        Properties nynorsk = bundle("/notice-templates_nn.properties");

        assertThat(nynorsk.stringPropertyNames()).isEqualTo(bokmål.stringPropertyNames());
        for (TemplateCode template : TemplateCode.values()) {
            assertThat(bokmål).containsKeys(template + ".subject", template + ".email", template + ".sms");
        }
    }

    @Test
    void invitationCarriesACalendarFileThatAnIndependentParserAccepts() {
        Message message = templates.render(TemplateCode.MEETING_RESCHEDULED, Language.NN, Channel.EMAIL,
                NoticeContent.forMeeting("m-1", 3, START, END, "Aukra rådhus; møterom 2, 2. etasje", "Skoleteam", LINK),
                "a@aukra.example", START);

        Calendars.Invitation invitation = Calendars.parse(message.calendar());

        assertThat(invitation.method()).isEqualTo("REQUEST");
        assertThat(invitation.uid()).isEqualTo("meeting-m-1@samhandling.no");
        assertThat(invitation.sequence()).isEqualTo(3);
        assertThat(invitation.dtStart()).isEqualTo("20261201T080000Z");
        assertThat(invitation.dtEnd()).isEqualTo("20261201T093000Z");
        assertThat(invitation.location()).isEqualTo("Aukra rådhus; møterom 2, 2. etasje");
        assertThat(invitation.summary()).isEqualTo("Møte i Skoleteam");
        assertThat(message.calendar()).contains("\r\n").doesNotContain("\r\n\r\n");
        for (String line : message.calendar().split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    private static Properties bundle(String resource) throws Exception {
        Properties properties = new Properties();
        try (var in = NoticeTemplatesTest.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
