package no.samhandling.notification.delivery;

/** PENDING until the provider took it (SENT) or it cannot be delivered (FAILED); nothing leaves those two. */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED
}
