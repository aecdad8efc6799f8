package no.samhandling.notification.recipients;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import no.samhandling.events.notification.Channel;

/**
 * {@link GuardianContacts} over consent-service's {@code GET /subjects/{subjectId}/guardian-contacts?arenaId=},
 * with this service's own token (scope contacts). Consent-service decides who may be told; this adapter adds no one.
 */
public class ConsentServiceGuardianContacts implements GuardianContacts {

    record GuardianContact(String guardianId, String email, String phone, String language) {

        /** Guardians state no channel preference: every address consent-service holds is used. */
        Recipient recipient() {
            return new Recipient(guardianId, RecipientKind.GUARDIAN, email, phone, EnumSet.allOf(Channel.class),
                    Language.of(language));
        }
    }

    private final RestClient consent;

    public ConsentServiceGuardianContacts(RestClient consent) {
        this.consent = consent;
    }

    @Override
    public List<Recipient> guardiansOf(String municipality, String subjectId, String arenaId) {
        try {
            GuardianContact[] guardians = consent.get()
                    .uri("/subjects/{subjectId}/guardian-contacts?arenaId={arenaId}&municipality={municipality}",
                            subjectId, arenaId, municipality)
                    .retrieve()
                    .body(GuardianContact[].class);
            if (guardians == null) {
                return List.of();
            }
            return Arrays.stream(guardians)
                    .filter(guardian -> guardian.guardianId() != null)
                    .distinct()
                    .map(GuardianContact::recipient)
                    .toList();
        } catch (HttpClientErrorException e) {
            // No such subject (or erased): nobody to tell. A refused token is a fault to retry, not an empty answer.
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }
}
