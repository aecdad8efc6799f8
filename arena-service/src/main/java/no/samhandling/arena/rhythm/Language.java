package no.samhandling.arena.rhythm;

import java.util.Locale;

/** The two written standards of Norwegian. */
public enum Language {
    BOKMAAL(Locale.of("nb")),
    NYNORSK(Locale.of("nn"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** Nynorsk for {@code nn} (and {@code no-NO-NY}), otherwise bokmål. */
    public static Language of(Locale locale) {
        return "nn".equals(locale.getLanguage()) || "NY".equals(locale.getVariant()) ? NYNORSK : BOKMAAL;
    }

    public Locale locale() {
        return locale;
    }
}
