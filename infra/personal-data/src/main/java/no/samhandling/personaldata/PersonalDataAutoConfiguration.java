package no.samhandling.personaldata;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import no.samhandling.platform.access.ChildLinks;

/**
 * Gives a service that has this library a {@link PersonalDataCipher} over its own MongoDB database.
 * Startup fails when {@code samhandling.personal-data.master-key} is missing or not 32 bytes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataCipher personalDataCipher(MongoTemplate mongo, PersonalDataProperties properties, ObjectProvider<Clock> clock) {
        MasterKey master = MasterKey.fromBase64(properties.getMasterKey());
        return new PersonalDataCipher(new SubjectKeys(mongo, master, clock.getIfAvailable(Clock::systemUTC)));
    }

    /** In a service with the platform: its access log keeps what links an entry to a child under the child's key. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "no.samhandling.platform.access.ChildLinks")
    static class AccessLogLinks {

        @Bean
        @ConditionalOnMissingBean
        ChildLinks accessLogChildLinks(PersonalDataCipher cipher) {
            return new AccessLogChildLinks(cipher);
        }
    }
}
