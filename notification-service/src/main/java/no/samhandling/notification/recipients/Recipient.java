package no.samhandling.notification.recipients;

import java.util.EnumSet;
import java.util.Set;

import no.samhandling.events.notification.Channel;

/**
 * Someone to tell, with the addresses their source of truth holds. Only ever built from arena-service
 * membership or consent-service guardian records, never from free text.
 *
 * @param recipientId opaque id: the staff user's id or the guardian's id
 * @param channels the channels to use, each with its address present
 */
public record Recipient(String recipientId, RecipientKind kind, String email, String phone, Set<Channel> channels,
        Language language) {

    public Recipient {
        Set<Channel> usable = EnumSet.noneOf(Channel.class);
        for (Channel channel : channels == null ? Set.<Channel>of() : channels) {
            if (channel == Channel.EMAIL && email != null && !email.isBlank()
                    || channel == Channel.SMS && phone != null && !phone.isBlank()) {
                usable.add(channel);
            }
        }
        channels = Set.copyOf(usable);
        language = language == null ? Language.NB : language;
    }

    public String addressFor(Channel channel) {
        return channel == Channel.EMAIL ? email : phone;
    }
}
