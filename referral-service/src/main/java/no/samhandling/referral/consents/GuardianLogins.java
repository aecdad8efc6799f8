package no.samhandling.referral.consents;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.platform.client.ServiceClients;

/**
 * The guardians' logins behind a ConsentGranted. consent.events carry them only as pseudonyms under the child's key
 * in consent-service, so that the topic, kept for good, cannot tie a guardian to the child once it is erased; this
 * service needs the logins themselves to let the guardians see and withdraw their child's case, and asks
 * consent-service for them ({@code POST /subjects/{id}/guardian-logins}, scope {@code guardian-logins}). It keeps
 * them only in {@code consent_directory}, which forgets them when the child is erased. Events from before
 * pseudonyms carry the logins themselves, which are taken as they are.
 * <p>
 * When consent-service cannot answer, the consent is kept at once without those guardians and they are asked for
 * again later ({@link PendingGuardians}), so an outage never sends a consent to the dead letters.
 */
@Component
class GuardianLogins {

    record Asked(List<String> pseudonyms) {
    }

    record Answer(List<String> userIds) {
    }

    private final ServiceClients clients;

    GuardianLogins(ServiceClients clients) {
        this.clients = clients;
    }

    /**
     * consent-service did not answer now (no connection, 5xx or 429): worth asking again later. An answer that refuses
     * (another 4xx) is not this, since waiting does not heal a bug or a refusal.
     */
    static final class Unavailable extends RuntimeException {

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @throws Unavailable when consent-service cannot answer now
     * @throws IllegalStateException when consent-service answered with a refusal: the event is retried, and
     *         dead-lettered for a replay if it still cannot, rather than stored without the guardians
     */
    List<String> behind(String municipality, String subjectId, List<String> published) {
        List<String> pseudonyms = pseudonymsIn(published);
        List<String> logins = new ArrayList<>(loginsIn(published));
        if (pseudonyms.isEmpty()) {
            return logins;
        }
        try {
            Answer answer = clients.client(ConsentedChild.CLIENT).post()
                    .uri(uri -> uri.path("/subjects/{subjectId}/guardian-logins").queryParam("municipality", municipality).build(subjectId))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(new Asked(pseudonyms))
                    .retrieve()
                    .body(Answer.class);
            if (answer != null && answer.userIds() != null) {
                logins.addAll(answer.userIds());
            }
            return logins;
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode().value() == 429) {
                throw new Unavailable("consent-service asked to wait (429)");
            }
            throw new IllegalStateException("consent-service refused to say which guardians the consent's pseudonyms stand for: "
                    + refused.getStatusCode().value());
        } catch (RestClientException unavailable) {
            throw new Unavailable("consent-service did not say which guardians the consent's pseudonyms stand for: "
                    + unavailable.getClass().getName());
        }
    }

    static List<String> pseudonymsIn(List<String> published) {
        return published == null ? List.of() : published.stream().filter(PersonalDataCipher::isPseudonym).toList();
    }

    static List<String> loginsIn(List<String> published) {
        return published == null ? List.of() : published.stream().filter(value -> !PersonalDataCipher.isPseudonym(value)).toList();
    }
}
