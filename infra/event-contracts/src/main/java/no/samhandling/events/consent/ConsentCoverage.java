package no.samhandling.events.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

/**
 * The one rule for whether a consent lets an arena discuss a child by name, as every service that
 * acts on consent.events applies it (consent-service for guardian notices, referral-service's gate,
 * arena-service for guardians at meetings). A consent <em>covers arena X with parties P on day D</em>
 * when all of this holds:
 * <ul>
 * <li>it is in force: granted, and not withdrawn, expired or erased since;</li>
 * <li>it names arena X;</li>
 * <li>every service that sits in arena X is among the consent's services: information is shared
 * with the whole arena, so one service the guardians did not agree to is enough to say no;</li>
 * <li>D lies in its period, both ends included: validFrom ≤ D ≤ validTo, with no validTo meaning
 * until withdrawn.</li>
 * </ul>
 * Days are calendar days in Europe/Oslo ({@link #today(Clock)}): a consent that ends on the 31st
 * still holds at 00:30 on the 31st in Oslo, which is the 30th in UTC, and no longer at 00:30 on the
 * 1st. A consent whose first day is unknown (its grant was never seen) covers nothing.
 *
 * @param inForce granted and not ended since
 * @param arenaIds the arenas the consent names
 * @param parties the services (party codes) that may share information under it
 * @param validFrom its first day, or null when unknown
 * @param validTo its last day, or null when it holds until withdrawn
 */
public record ConsentCoverage(boolean inForce, List<String> arenaIds, List<String> parties, LocalDate validFrom, LocalDate validTo) {

    /** Where a consent's days begin and end. */
    public static final ZoneId DAYS = ZoneId.of("Europe/Oslo");

    public ConsentCoverage {
        arenaIds = arenaIds == null ? List.of() : List.copyOf(arenaIds);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /** Whether the consent lets arena {@code arenaId}, with every service in {@code arenaParties}, discuss the child on {@code day}. */
    public boolean covers(String arenaId, Collection<String> arenaParties, LocalDate day) {
        return inForceOn(day) && arenaIds.contains(arenaId) && parties.containsAll(arenaParties);
    }

    /** Whether the consent holds at all on {@code day}, whatever it covers. */
    public boolean inForceOn(LocalDate day) {
        return inForce && validFrom != null && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Today as consents count days. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(DAYS));
    }
}
