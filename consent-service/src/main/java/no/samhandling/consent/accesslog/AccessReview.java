package no.samhandling.consent.accesslog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.Outcome;
import no.samhandling.platform.access.Relation;

/**
 * The privacy officer's review of a period, per user: how much each read, changed and was refused,
 * of how many children, and what looks unusual. A pure function of the access log's entries and the
 * {@link ReviewRules}, so that it is the same wherever the entries come from.
 *
 * <p>Flags, each with a count:
 * <ul>
 * <li>{@link Flag#MANY_CHILDREN}: the most different children the user read within the window, when it reaches the threshold;</li>
 * <li>{@link Flag#REFUSED}: attempts on cases or children the user had no relation to, ids that match nothing included
 * (a referrer whose access to a closed case has ended shows here);</li>
 * <li>{@link Flag#OUTSIDE_WORKING_HOURS}: reads and changes by staff outside working hours or at the weekend;</li>
 * <li>{@link Flag#GUARDIAN_ADDED}: guardians the user added to a child, logins included, for a second look;</li>
 * <li>{@link Flag#YOUTH_LOGIN_LINKED}: children whose own login the user linked, for the same reason.</li>
 * </ul>
 * Guardians and services are reviewed too, but their reads at night or of many children are their
 * nature (a parent in the evening, notices for every meeting), so only staff relations are flagged for those.
 */
public final class AccessReview {

    static final ZoneId DAYS = ZoneId.of("Europe/Oslo");
    private static final Set<Relation> STAFF = EnumSet.of(Relation.REFERRER, Relation.SUBJECT_REGISTRAR, Relation.ARENA_COORDINATOR,
            Relation.ARENA_MEMBER);

    /** What may need a privacy officer's look. */
    public enum Flag {
        MANY_CHILDREN,
        REFUSED,
        OUTSIDE_WORKING_HOURS,
        GUARDIAN_ADDED,
        YOUTH_LOGIN_LINKED
    }

    /**
     * One user's period.
     *
     * @param children how many different children they read or changed
     * @param flags what looks unusual, with how often (for MANY_CHILDREN: the most children within the window)
     */
    public record UserReview(String userId, int reads, int changes, int refusals, int children, Map<Flag, Integer> flags) {

        public UserReview {
            flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        }

        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /** Every user in the entries, flagged ones first, then by how much they read. */
    public static List<UserReview> review(List<AccessLogEntry> entries, ReviewRules rules) {
        return review(entries, rules, AccessLogEntry::subjectId);
    }

    /**
     * The same, with the child of each entry as {@code childOf} tells it: consent-service logs a child by its subject id,
     * the other services by its topic id, and one child must count once.
     */
    public static List<UserReview> review(List<AccessLogEntry> entries, ReviewRules rules, Function<AccessLogEntry, String> childOf) {
        Map<String, List<AccessLogEntry>> byUser = new LinkedHashMap<>();
        for (AccessLogEntry entry : entries) {
            byUser.computeIfAbsent(entry.userId(), user -> new ArrayList<>()).add(entry);
        }
        List<UserReview> reviews = new ArrayList<>();
        byUser.forEach((user, own) -> reviews.add(reviewOf(user, own, rules, childOf)));
        reviews.sort(Comparator.comparing(UserReview::flagged).reversed()
                .thenComparing(Comparator.comparingInt((UserReview review) -> review.reads() + review.changes()).reversed())
                .thenComparing(UserReview::userId));
        return reviews;
    }

    static UserReview reviewOf(String userId, List<AccessLogEntry> entries, ReviewRules rules, Function<AccessLogEntry, String> childOf) {
        List<AccessLogEntry> opened = entries.stream().filter(entry -> entry.outcome() != Outcome.REFUSED)
                .sorted(Comparator.comparing(AccessLogEntry::at)).toList();
        int reads = (int) opened.stream().filter(entry -> entry.outcome() == Outcome.READ).count();
        int refusals = entries.size() - opened.size();
        Set<String> children = new HashSet<>();
        opened.stream().map(childOf).filter(java.util.Objects::nonNull).forEach(children::add);
        Map<Flag, Integer> flags = new LinkedHashMap<>();
        List<AccessLogEntry> byStaff = opened.stream().filter(entry -> STAFF.contains(entry.relation())).toList();
        int mostChildren = mostChildrenWithin(byStaff, rules, childOf);
        if (mostChildren >= rules.manyChildren()) {
            flags.put(Flag.MANY_CHILDREN, mostChildren);
        }
        if (refusals > 0) {
            flags.put(Flag.REFUSED, refusals);
        }
        long outside = byStaff.stream().filter(entry -> outsideWorkingHours(entry, rules)).count();
        if (outside > 0) {
            flags.put(Flag.OUTSIDE_WORKING_HOURS, (int) outside);
        }
        long guardiansAdded = opened.stream().filter(entry -> "GUARDIAN_ADDED".equals(entry.purpose())).count();
        if (guardiansAdded > 0) {
            flags.put(Flag.GUARDIAN_ADDED, (int) guardiansAdded);
        }
        long youthLoginsLinked = opened.stream().filter(entry -> "YOUTH_LOGIN_LINKED".equals(entry.purpose())).count();
        if (youthLoginsLinked > 0) {
            flags.put(Flag.YOUTH_LOGIN_LINKED, (int) youthLoginsLinked);
        }
        return new UserReview(userId, reads, opened.size() - reads, refusals, children.size(), flags);
    }

    /** The most different children within any window of the given length, by a window sliding over the entries in time order. */
    static int mostChildrenWithin(List<AccessLogEntry> inTimeOrder, ReviewRules rules, Function<AccessLogEntry, String> childOf) {
        Deque<AccessLogEntry> window = new ArrayDeque<>();
        Map<String, Integer> inWindow = new HashMap<>();
        int most = 0;
        for (AccessLogEntry entry : inTimeOrder) {
            if (childOf.apply(entry) == null) {
                continue;
            }
            window.addLast(entry);
            inWindow.merge(childOf.apply(entry), 1, Integer::sum);
            while (window.peekFirst().at().plus(rules.manyChildrenWithin()).isBefore(entry.at())) {
                AccessLogEntry left = window.removeFirst();
                inWindow.computeIfPresent(childOf.apply(left), (child, count) -> count == 1 ? null : count - 1);
            }
            most = Math.max(most, inWindow.size());
        }
        return most;
    }

    static boolean outsideWorkingHours(AccessLogEntry entry, ReviewRules rules) {
        LocalDateTime local = LocalDateTime.ofInstant(entry.at(), DAYS);
        DayOfWeek day = local.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY
                || local.toLocalTime().isBefore(rules.workdayStarts()) || !local.toLocalTime().isBefore(rules.workdayEnds());
    }

    private AccessReview() {
    }
}
