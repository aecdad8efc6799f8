package no.samhandling.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.samhandling.events.notification.Channel;

class AddressesTest {

    @Test
    void masksEmailAddressesAndPhoneNumbersBeyondUse() {
        assertThat(Addresses.mask(Channel.EMAIL, "coordinator@aukra.example")).isEqualTo("c***@a***.example");
        assertThat(Addresses.mask(Channel.SMS, "+4740000001")).isEqualTo("+47******01");
        assertThat(Addresses.mask(Channel.EMAIL, null)).isNull();
    }
}
