package no.samhandling.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import no.samhandling.notification.support.SmsGatewayStub;

/** The gateway adapter against a real HTTP server: what it sends, and which answers are worth trying again. */
class HttpSmsGatewayTest {

    final SmsGatewayStub gateway = new SmsGatewayStub();

    @AfterEach
    void stop() {
        gateway.close();
    }

    HttpSmsGateway adapter(String apiKey) {
        return new HttpSmsGateway(URI.create(gateway.baseUrl()), apiKey, "Samhandling", Duration.ofSeconds(2));
    }

    @Test
    void sendsTheNormalisedNumberTextAndReferenceWithTheApiKey() {
        String id = adapter(SmsGatewayStub.API_KEY).send("+47 400 00 001", "Hei", "n-1");

        assertThat(id).startsWith("gw-");
        assertThat(gateway.delivered()).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("4740000001");
            assertThat(message.text()).isEqualTo("Hei");
            assertThat(message.reference()).isEqualTo("n-1");
        });
    }

    @Test
    void anOutageIsTransientAndARefusedNumberIsPermanent() {
        gateway.goDown();
        assertThatThrownBy(() -> adapter(SmsGatewayStub.API_KEY).send("+4740000001", "Hei", "n-2"))
                .isInstanceOf(TransientDeliveryFailure.class);
        gateway.comeBack();
        assertThatThrownBy(() -> adapter(SmsGatewayStub.API_KEY).send("+4740000099", "Hei", "n-3"))
                .isInstanceOfSatisfying(PermanentDeliveryFailure.class,
                        failure -> assertThat(failure.reasonCode()).isEqualTo("RECIPIENT_UNREACHABLE"));
        assertThatThrownBy(() -> adapter("wrong").send("+4740000001", "Hei", "n-4"))
                .isInstanceOfSatisfying(PermanentDeliveryFailure.class,
                        failure -> assertThat(failure.reasonCode()).isEqualTo("PROVIDER_REJECTED"));
    }

    @Test
    void refusesAnInvalidNumberWithoutCallingTheGateway() {
        assertThatThrownBy(() -> adapter(SmsGatewayStub.API_KEY).send("+47 12", "Hei", "n-5"))
                .isInstanceOfSatisfying(PermanentDeliveryFailure.class,
                        failure -> assertThat(failure.reasonCode()).isEqualTo("INVALID_ADDRESS"));
        assertThat(gateway.delivered()).isEmpty();
    }

    @Test
    void anUnreachableGatewayIsTransient() {
        HttpSmsGateway nowhere = new HttpSmsGateway(URI.create("http://127.0.0.1:1"), "k", "Samhandling", Duration.ofSeconds(1));

        assertThatThrownBy(() -> nowhere.send("+4740000001", "Hei", "n-6")).isInstanceOf(TransientDeliveryFailure.class);
    }
}
