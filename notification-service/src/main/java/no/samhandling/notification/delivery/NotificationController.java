package no.samhandling.notification.delivery;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/** Delivery status, addresses only masked, of the notices the caller follows ({@link Notifications}). */
@RestController
@RequestMapping("/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    List<NotificationView> bySourceEvent(@RequestParam UUID sourceEventId, Caller caller) {
        return notifications.bySourceEvent(caller, sourceEventId);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    NotificationView notification(@PathVariable String id, Caller caller) {
        return notifications.find(caller, id).orElseThrow(() -> ProblemException.notFound("Varsel", id));
    }
}
