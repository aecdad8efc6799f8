package no.samhandling.consent.subjects;

import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the staff member goes back to after choosing or registering a child and its consent: the
 * intake form that sent them here (referral-service's {@code /meld-inn/{arena}}), with the consent
 * chosen. Only a path on the same site is followed, never an address elsewhere, so a link cannot
 * send anyone off the gateway with a consent id.
 */
public final class IntakeReturn {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9][A-Za-z0-9/_.~-]*(\\?[A-Za-z0-9_.~=&%-]*)?");

    private IntakeReturn() {
    }

    /** The path, when it is one on this site; otherwise null. */
    public static String local(String path) {
        return path != null && path.length() <= 500 && LOCAL_PATH.matcher(path).matches() ? path : null;
    }

    /** The path with the chosen consent added. */
    public static String withConsent(String path, String consentId) {
        return UriComponentsBuilder.fromUriString(path).replaceQueryParam("samtykkeId", consentId).build().toUriString();
    }
}
