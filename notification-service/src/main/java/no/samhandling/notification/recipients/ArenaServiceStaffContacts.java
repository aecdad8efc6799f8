package no.samhandling.notification.recipients;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import no.samhandling.events.notification.Channel;

/** {@link StaffContacts} over arena-service's contact endpoints, with this service's own token (scope contacts). */
public class ArenaServiceStaffContacts implements StaffContacts {

    /** arena-service's answer; its channel names are EMAIL and SMS, as ours. */
    record MemberContact(String userId, String party, String role, String email, String phone, Set<String> channels,
            String language) {

        Recipient recipient() {
            Set<Channel> wanted = EnumSet.noneOf(Channel.class);
            for (String channel : channels == null ? Set.<String>of() : channels) {
                for (Channel known : Channel.values()) {
                    if (known.name().equals(channel)) {
                        wanted.add(known);
                    }
                }
            }
            return new Recipient(userId, RecipientKind.STAFF, email, phone, wanted, Language.of(language));
        }
    }

    private final RestClient arena;

    public ArenaServiceStaffContacts(RestClient arena) {
        this.arena = arena;
    }

    @Override
    public List<Recipient> membersOf(String municipality, String arenaId) {
        return contacts(municipality, arenaId).stream().map(MemberContact::recipient).toList();
    }

    @Override
    public List<Recipient> coordinatorsOf(String municipality, String arenaId) {
        return contacts(municipality, arenaId).stream()
                .filter(contact -> "COORDINATOR".equals(contact.role()))
                .map(MemberContact::recipient)
                .toList();
    }

    @Override
    public Optional<Recipient> staffMember(String municipality, String userId) {
        try {
            MemberContact contact = arena.get()
                    .uri("/members/{userId}/contact?municipality={municipality}", userId, municipality)
                    .retrieve()
                    .body(MemberContact.class);
            return Optional.ofNullable(contact).map(MemberContact::recipient);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<MemberContact> contacts(String municipality, String arenaId) {
        try {
            MemberContact[] contacts = arena.get()
                    .uri("/arenas/{arenaId}/members/contacts?municipality={municipality}", arenaId, municipality)
                    .retrieve()
                    .body(MemberContact[].class);
            return contacts == null ? List.of() : List.of(contacts);
        } catch (HttpClientErrorException e) {
            // An arena arena-service does not know (any more) has nobody to tell.
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
    }
}
