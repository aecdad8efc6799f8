package no.samhandling.referral.leadership;

/**
 * A deviation report's status in the register's own words: a deviation is <em>reported</em> where a
 * system case is registered. The API, the pages and the problems say REPORTED; the item stores
 * {@link LeadershipItem.Status#REGISTERED}.
 */
enum DeviationStatus {
    REPORTED,
    FOLLOWED_UP,
    CLOSED;

    static DeviationStatus of(LeadershipItem.Status status) {
        return switch (status) {
            case REGISTERED -> REPORTED;
            case FOLLOWED_UP -> FOLLOWED_UP;
            case CLOSED -> CLOSED;
        };
    }

    LeadershipItem.Status stored() {
        return switch (this) {
            case REPORTED -> LeadershipItem.Status.REGISTERED;
            case FOLLOWED_UP -> LeadershipItem.Status.FOLLOWED_UP;
            case CLOSED -> LeadershipItem.Status.CLOSED;
        };
    }
}
