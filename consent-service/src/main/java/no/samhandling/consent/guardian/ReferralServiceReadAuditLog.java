package no.samhandling.consent.guardian;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import no.samhandling.platform.client.ServiceClients;

/**
 * Asks referral-service ({@code samhandling.clients.referral}) for the reads of a child's data:
 * {@code GET /personal-data-reads?subjectId=...}, with this service's own token.
 */
@Component
class ReferralServiceReadAuditLog implements ReadAuditLog {

    static final String CLIENT = "referral";
    private static final ParameterizedTypeReference<List<PersonalDataRead>> READS = new ParameterizedTypeReference<>() {
    };

    private final ServiceClients clients;

    ReferralServiceReadAuditLog(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<PersonalDataRead> readsOf(String subjectId) {
        try {
            List<PersonalDataRead> reads = clients.client(CLIENT).get()
                    .uri(uri -> uri.path("/personal-data-reads").queryParam("subjectId", subjectId).build())
                    .retrieve()
                    .body(READS);
            return reads == null ? List.of() : reads;
        } catch (RestClientException | IllegalStateException e) {
            throw new ReadAuditUnavailableException(e);
        }
    }
}
