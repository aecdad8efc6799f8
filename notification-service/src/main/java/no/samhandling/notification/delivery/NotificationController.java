package no.samhandling.notification.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.notification.directory.ArenaCoordinators;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.web.ProblemException;

/**
 * Delivery status, addresses only masked: to a coordinator for the notices of the arenas they coordinate,
 * to an administrator for the municipality's (they keep delivery running). Who was told of a meeting is
 * the arena's business, so another arena's notice does not exist for a coordinator (404).
 */
@RestController
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;
    private final ArenaCoordinators coordinators;

    NotificationController(Notifications notifications, ArenaCoordinators coordinators) {
        this.notifications = notifications;
        this.coordinators = coordinators;
    }

    /** Every notice one event caused that the caller may follow: who (by opaque id), on which channel, and what became of it. */
    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    List<NotificationView> bySourceEvent(@RequestParam UUID sourceEventId, Caller caller) {
        Optional<Set<String>> arenas = arenasOf(caller);
        return notifications.bySourceEvent(caller.municipality(), sourceEventId).stream()
                .filter(notice -> arenas.map(own -> own.contains(notice.arenaId())).orElse(true))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    NotificationView notification(@PathVariable String id, Caller caller) {
        Optional<Set<String>> arenas = arenasOf(caller);
        return notifications.find(caller.municipality(), id)
                .filter(notice -> arenas.map(own -> own.contains(notice.arenaId())).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("Varsel", id));
    }

    /** The arenas whose notices the caller follows; empty for an administrator, who follows them all. */
    private Optional<Set<String>> arenasOf(Caller caller) {
        return caller.has(Role.ADMIN) ? Optional.empty()
                : Optional.of(Set.copyOf(coordinators.coordinatedBy(caller.municipality(), caller.subject())));
    }
}
