package no.samhandling.notification.recipients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.samhandling.platform.client.ServiceClients;

/**
 * Where contact details come from: arena-service ({@code samhandling.clients.arena}) and consent-service
 * ({@code samhandling.clients.consent}), called with this service's own client-credentials token
 * (scope {@code contacts}, {@code samhandling.service-identity.*}).
 */
@Configuration
class ContactSources {

    @Bean
    StaffContacts staffContacts(ServiceClients clients) {
        return new ArenaServiceStaffContacts(clients.client("arena"));
    }

    @Bean
    GuardianContacts guardianContacts(ServiceClients clients) {
        return new ConsentServiceGuardianContacts(clients.client("consent"));
    }
}
