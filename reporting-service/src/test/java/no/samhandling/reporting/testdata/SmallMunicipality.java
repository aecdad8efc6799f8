package no.samhandling.reporting.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import no.samhandling.events.DomainEvent;
import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.PreventionLevel;

/**
 * A municipality with two busy arenas and one with only two referrals in the autumn of a year
 * (93 referrals in all): the small arena's counts must never appear in anything the service
 * publishes, while the busy arenas' do.
 */
public final class SmallMunicipality {

    public static final String BIG_ARENA = "arena-big";
    public static final String MIDDLE_ARENA = "arena-middle";
    public static final String TINY_ARENA = "arena-tiny";
    public static final String TINY_TITLE = "Lite familieteam";

    public static List<DomainEvent> events(String municipality, int year) {
        List<DomainEvent> events = new ArrayList<>();
        events.add(EventMother.arena(municipality, BIG_ARENA, "Tverrfagleg førskuleteam"));
        events.add(EventMother.arena(municipality, MIDDLE_ARENA, "Skuleteam Julsundet"));
        events.add(EventMother.arena(municipality, TINY_ARENA, TINY_TITLE));
        referrals(events, municipality, BIG_ARENA, 41, year, 9, "LANGUAGE");
        referrals(events, municipality, MIDDLE_ARENA, 10, year, 9, "ABSENCE");
        referrals(events, municipality, MIDDLE_ARENA, 23, year, 10, "ABSENCE");
        referrals(events, municipality, TINY_ARENA, 2, year, 9, "FAMILY_SITUATION");
        referrals(events, municipality, BIG_ARENA, 17, year, 3, "LANGUAGE");
        for (int i = 0; i < 6; i++) {
            events.add(EventMother.deviation(municipality, "MISSED_FOLLOW_UP", EventMother.at(year, 8 + i % 4, 3 + i)));
            events.add(EventMother.minutes(municipality, BIG_ARENA, EventMother.at(year, 7 + i, 14), 3, i % 2));
        }
        events.add(EventMother.cancelled(municipality, TINY_ARENA, EventMother.at(year, 11, 4), true));
        return events;
    }

    private static void referrals(List<DomainEvent> events, String municipality, String arena, int count, int year, int month,
            String theme) {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            events.add(EventMother.submitted(municipality, arena, id, EventMother.at(year, month, 1 + i % 20), i % 2 == 0 ? "0-5" : "6-12",
                    "KINDERGARTEN", List.of(theme), PreventionLevel.values()[i % 3], DiscussionBasis.ANONYMOUS));
            events.add(EventMother.discussed(municipality, arena, id, EventMother.at(year, month, 1 + i % 20).plusSeconds(86400L * (5 + i % 9))));
        }
    }

    private SmallMunicipality() {
    }
}
