package no.samhandling.platform.deadletters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import no.samhandling.platform.events.EventConsumers;
import no.samhandling.platform.events.ReplayOutcome;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;

/**
 * What an administrator can do with the service's dead letters: list them and inspect one without
 * their payload, and replay one or all of a dead-letter topic into the consumers after the cause
 * was fixed. An administrator sees the dead letters of their own municipality, and those that name
 * none (records that never were valid events).
 */
final class DeadLetterAdministration {

    static final int MAX_LIMIT = 1000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdministration.class);

    private final EventConsumers consumers;
    private final DeadLetterTopics topics;
    private final DeadLetterReplays replays;

    DeadLetterAdministration(EventConsumers consumers, DeadLetterTopics topics, DeadLetterReplays replays) {
        this.consumers = consumers;
        this.topics = topics;
        this.replays = replays;
    }

    Listing list(Caller caller, String topic, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "problem.dead-letters.limit", MAX_LIMIT);
        }
        Set<String> named = consumers.deadLetterTopics();
        if (topic != null && !named.contains(topic)) {
            throw ProblemException.invalid("topic", "problem.dead-letters.topic");
        }
        List<DeadLetter> found = new ArrayList<>();
        int[] total = {0};
        for (String each : topic == null ? named : Set.of(topic)) {
            topics.readAll(each, letter -> {
                if (visibleTo(caller, letter)) {
                    total[0]++;
                    if (found.size() < limit) {
                        found.add(letter);
                    }
                }
            });
        }
        Set<String> replayed = replays.replayed(ids(found));
        return new Listing(found.stream().map(letter -> letter.summary(replayed.contains(letter.id()))).toList(), total[0],
                total[0] > found.size());
    }

    DeadLetter.Detail inspect(Caller caller, String topic, int partition, long offset) {
        DeadLetter letter = find(caller, topic, partition, offset);
        return letter.detail(!replays.replayed(Set.of(letter.id())).isEmpty());
    }

    Replayed replay(Caller caller, String topic, int partition, long offset) {
        DeadLetter letter = find(caller, topic, partition, offset);
        switch (replays.claim(letter.id(), caller.subject())) {
            case ALREADY_REPLAYED -> throw ProblemException.conflict("problem.dead-letters.replayed", letter.id());
            case IN_PROGRESS -> throw ProblemException.conflict("problem.dead-letters.replaying", letter.id());
            case CLAIMED -> {
                // Claimed: replayed below.
            }
        }
        try {
            return replayClaimed(letter);
        } catch (ReplayFailed failed) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.type("dead-letter-replay-failed"),
                    "problem.dead-letters.replay-failed", new Object[] {letter.id()}, Map.of("cause", failed.getMessage()));
        }
    }

    /** Replays every dead letter of the topic the caller sees that has not been replayed yet; reports each. */
    ReplayedAll replayAll(Caller caller, String topic) {
        if (!consumers.deadLetterTopics().contains(topic)) {
            throw ProblemException.notFound("Feilkø", topic);
        }
        List<DeadLetter> letters = new ArrayList<>();
        topics.readAll(topic, letter -> {
            if (visibleTo(caller, letter)) {
                letters.add(letter);
            }
        });
        Set<String> done = replays.replayed(ids(letters));
        List<Replayed> replayed = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (DeadLetter letter : letters) {
            if (done.contains(letter.id()) || replays.claim(letter.id(), caller.subject()) != DeadLetterReplays.Claim.CLAIMED) {
                continue;
            }
            try {
                replayed.add(replayClaimed(letter));
            } catch (ReplayFailed e) {
                failed.add(new Failed(letter.id(), e.getMessage()));
            }
        }
        return new ReplayedAll(replayed, failed);
    }

    private Replayed replayClaimed(DeadLetter letter) {
        Integer partition = letter.originalPartition();
        try {
            ReplayOutcome outcome = consumers.replay(letter.originalTopic(), partition == null ? 0 : partition, letter.id(),
                    letter.headers(), letter.payload());
            replays.replayed(letter.id(), outcome);
            log.info("Dead letter {} replayed: {}", letter.id(), outcome);
            return new Replayed(letter.id(), outcome);
        } catch (RuntimeException e) {
            replays.giveBack(letter.id());
            String cause = EventConsumers.cause(e);
            log.warn("Replaying dead letter {} failed: {}", letter.id(), cause);
            throw new ReplayFailed(cause);
        }
    }

    private DeadLetter find(Caller caller, String topic, int partition, long offset) {
        String id = topic + "-" + partition + "@" + offset;
        if (!consumers.deadLetterTopics().contains(topic)) {
            throw ProblemException.notFound("Feilkøoppføring", id);
        }
        return topics.read(topic, partition, offset).filter(letter -> visibleTo(caller, letter))
                .orElseThrow(() -> ProblemException.notFound("Feilkøoppføring", id));
    }

    private static boolean visibleTo(Caller caller, DeadLetter letter) {
        String municipality = letter.municipality();
        return municipality == null || !municipality.matches("[0-9]{4}") || municipality.equals(caller.municipality());
    }

    private static Set<String> ids(List<DeadLetter> letters) {
        Set<String> ids = new LinkedHashSet<>();
        letters.forEach(letter -> ids.add(letter.id()));
        return ids;
    }

    /** A page of dead letters; {@code total} counts every one the caller may see. */
    record Listing(List<DeadLetter.Summary> deadLetters, int total, boolean truncated) {
    }

    record Replayed(String id, ReplayOutcome outcome) {
    }

    record Failed(String id, String cause) {
    }

    record ReplayedAll(List<Replayed> replayed, List<Failed> failed) {
    }

    private static final class ReplayFailed extends RuntimeException {

        ReplayFailed(String cause) {
            super(cause, null, false, false);
        }
    }
}
