package no.samhandling.referral.consents;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import no.samhandling.platform.client.ServiceClients;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * Whether the child a referral names is the child a consent was given for, as consent-service registered
 * it. consent-service keeps the child's identity sealed and answers only match or no match
 * ({@code POST /subjects/{id}/identity-match}, scope {@code identity-match}, with this service's own
 * token), so referral-service learns nothing of the child it was not told by the referrer. Asked once, at
 * intake; later steps re-check the binding of the consent to its child, which consent.events carries.
 */
@Component
public class ConsentedChild {

    static final String CLIENT = "consent";

    /** The identity a referral claims for its child; never logged. */
    public record Claim(String name, LocalDate birthDate, String nationalId) {

        @Override
        public String toString() {
            return "Claim[…]";
        }
    }

    record Answer(boolean match) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsentedChild.class);

    private final ServiceClients clients;

    ConsentedChild(ServiceClients clients) {
        this.clients = clients;
    }

    /**
     * @throws ProblemException 503 when consent-service cannot be asked now: a named case is not taken on trust
     */
    public boolean isTheChild(String municipality, String subjectId, Claim claim) {
        try {
            Answer answer = clients.client(CLIENT).post()
                    .uri(uri -> uri.path("/subjects/{subjectId}/identity-match").queryParam("municipality", municipality).build(subjectId))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(claim)
                    .retrieve()
                    .body(Answer.class);
            return answer != null && answer.match();
        } catch (RestClientException | IllegalStateException unavailable) {
            log.warn("consent-service did not answer the identity match: {}", unavailable.getClass().getName());
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("consent-service-unavailable"),
                    "referral.identity-check-unavailable", null, Map.of());
        }
    }
}
