package no.samhandling.events.referral;

import java.util.List;

/**
 * The closed list of age bands on {@code ReferralSubmitted.ageBand}, as intake accepts them. Reports
 * list every band, always, and count anything else (events from before the list) as unknown.
 */
public final class AgeBand {

    public static final List<String> CODES = List.of("0-5", "6-12", "13-15", "16-18", "19-25");

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    private AgeBand() {
    }
}
