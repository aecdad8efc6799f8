package no.samhandling.notification.delivery;

/**
 * PENDING until the provider took it (SENT) or it cannot be delivered (FAILED), or it was CANCELLED before it
 * went because the child it is about was erased; nothing leaves those three.
 */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
}
