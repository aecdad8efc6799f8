package no.samhandling.notification.recipients;

import java.util.Locale;

/** The written standard a recipient reads: bokmål or nynorsk. */
public enum Language {
    NB,
    NN;

    public Locale locale() {
        return Locale.of(name().toLowerCase(Locale.ROOT));
    }

    /** {@code nn} is nynorsk; anything else, or nothing, is bokmål. */
    public static Language of(String code) {
        return "nn".equalsIgnoreCase(code) ? NN : NB;
    }
}
