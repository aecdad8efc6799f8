package no.samhandling.web;

/**
 * What the shared layout needs to frame a page: its language, the signed-in user's municipality
 * (by name) and user name, where the language switch leads, and the CSRF token the gateway
 * issued for this session (every form posts it back through the gateway).
 *
 * @param lang {@code nb} or {@code nn}
 * @param municipalityName for example {@code Melhus kommune}; null when nobody is signed in
 * @param user the user name from the token; null when nobody is signed in
 * @param switchLanguageUrl this page in the other language
 * @param csrfToken the session's CSRF token, or null outside the gateway
 */
public record PageContext(String lang, String municipalityName, String user, String switchLanguageUrl, String csrfToken) {

    public static final String MODEL_ATTRIBUTE = "page";

    public String otherLang() {
        return "nn".equals(lang) ? "nb" : "nn";
    }

    public boolean signedIn() {
        return user != null;
    }
}
