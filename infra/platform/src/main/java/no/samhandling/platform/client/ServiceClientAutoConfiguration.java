package no.samhandling.platform.client;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Outgoing calls between services: {@link ServiceClients} and the token they carry. */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(ServiceClientProperties properties, ObjectProvider<RestClient.Builder> builder,
            ObjectProvider<Clock> clock) {
        return new ClientCredentialsTokens(properties.serviceIdentity(), builder.getIfAvailable(RestClient::builder),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(ServiceClientProperties properties, ObjectProvider<RestClient.Builder> builder,
            ServiceTokens tokens) {
        return new ServiceClients(properties, builder.getIfAvailable(RestClient::builder), tokens);
    }
}
