package no.samhandling.notification.recipients;

import java.util.List;
import java.util.Optional;

/** Staff contact details, from their source of truth: arena-service membership. */
public interface StaffContacts {

    /** The arena's members who have given contact details. */
    List<Recipient> membersOf(String municipality, String arenaId);

    /** The arena's coordinators (møteansvarlege) who have given contact details. */
    List<Recipient> coordinatorsOf(String municipality, String arenaId);

    /** One staff user's contact details from any of their memberships in the municipality. */
    Optional<Recipient> staffMember(String municipality, String userId);
}
