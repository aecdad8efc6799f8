package no.samhandling.notification.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import no.samhandling.notification.config.NotificationProperties;

class ContactLookupRetriesTest {

    @Test
    void waitsForASourceThatIsDownButNotForOneThatAnswered() {
        assertThat(ContactLookupRetries.isContactSourceDown(new ResourceAccessException("connection refused"))).isTrue();
        assertThat(ContactLookupRetries.isContactSourceDown(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isTrue();
        assertThat(ContactLookupRetries.isContactSourceDown(new HttpClientErrorException(HttpStatus.TOO_MANY_REQUESTS))).isTrue();
        assertThat(ContactLookupRetries.isContactSourceDown(new IllegalStateException("wrapped",
                new ResourceAccessException("timeout")))).isTrue();

        assertThat(ContactLookupRetries.isContactSourceDown(new HttpClientErrorException(HttpStatus.FORBIDDEN))).isFalse();
        assertThat(ContactLookupRetries.isContactSourceDown(new IllegalArgumentException("a bug"))).isFalse();
    }

    @Test
    void doublesTheWaitAfterEachFailedAttemptUpToTheMaximum() {
        NotificationProperties.ContactRetry settings = new NotificationProperties.ContactRetry(Duration.ofSeconds(1), 100,
                Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(ContactLookupRetries.backoff(1, settings)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ContactLookupRetries.backoff(2, settings)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ContactLookupRetries.backoff(3, settings)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ContactLookupRetries.backoff(4, settings)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ContactLookupRetries.backoff(40, settings)).isEqualTo(Duration.ofSeconds(5));
    }
}
