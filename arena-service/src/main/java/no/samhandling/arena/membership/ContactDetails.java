package no.samhandling.arena.membership;

import java.util.EnumSet;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import no.samhandling.platform.web.ProblemException;

/**
 * How a member wants to be told about the arena's meetings. Stored with the membership, given only
 * to clients with the {@code contacts} scope (notification-service), and never put on an event.
 *
 * @param phone E.164, for example {@code +4740000000}
 * @param language {@code nb} (bokmål) or {@code nn} (nynorsk)
 */
record ContactDetails(String email, String phone, Set<PreferredChannel> channels, String language) {

    /** Numbers without a country code are Norwegian. */
    static final String DEFAULT_REGION = "NO";

    ContactDetails {
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    /**
     * Checks a member's contact request and normalises the phone number to E.164 with libphonenumber.
     *
     * @param path where the contact sits in the request body, for naming the wrong field ("contact." or "")
     * @throws ProblemException naming the field that is wrong
     */
    static ContactDetails from(MembershipController.ContactRequest request, String path) {
        String email = blankToNull(request.email());
        String phone = blankToNull(request.phone()) == null ? null : normalisePhone(request.phone(), path + "phone");
        Set<PreferredChannel> channels = request.channels() == null || request.channels().isEmpty()
                ? defaultChannels(email, phone) : EnumSet.copyOf(request.channels());
        if (channels.isEmpty()) {
            throw ProblemException.invalid(path.isEmpty() ? "channels" : "contact", "membership.contact.empty");
        }
        if (channels.contains(PreferredChannel.EMAIL) && email == null) {
            throw ProblemException.invalid(path + "email", "membership.contact.email-required");
        }
        if (channels.contains(PreferredChannel.SMS) && phone == null) {
            throw ProblemException.invalid(path + "phone", "membership.contact.phone-required");
        }
        String language = request.language() == null ? "nb" : request.language();
        return new ContactDetails(email, phone, channels, language);
    }

    private static Set<PreferredChannel> defaultChannels(String email, String phone) {
        Set<PreferredChannel> channels = EnumSet.noneOf(PreferredChannel.class);
        if (email != null) {
            channels.add(PreferredChannel.EMAIL);
        }
        if (phone != null && email == null) {
            channels.add(PreferredChannel.SMS);
        }
        return channels;
    }

    static String normalisePhone(String raw, String field) {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber parsed = numbers.parse(raw, DEFAULT_REGION);
            if (!numbers.isValidNumber(parsed)) {
                throw ProblemException.invalid(field, "membership.contact.phone-invalid");
            }
            return numbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalid(field, "membership.contact.phone-invalid");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
