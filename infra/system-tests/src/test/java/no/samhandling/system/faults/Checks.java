package no.samhandling.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import no.samhandling.kafka.ConsumerProgress;
import no.samhandling.kafka.KafkaAccess;
import no.samhandling.local.RunningSystem;
import no.samhandling.local.Service;
import tools.jackson.databind.JsonNode;

/**
 * What the raw topics and stores say, once the system has settled, against what the load was told:
 * no case lost or made twice, each case's events once each and in its lifecycle's order, one notice per
 * intent and each delivered exactly once, reporting's counters equal to a fresh replay's and to the count
 * of the events themselves, and no dead letter left unreplayed.
 */
final class Checks {

    private static final List<String> LIFECYCLE = List.of("referral.submitted.v1", "referral.accepted.v1", "referral.scheduled.v1",
            "referral.discussed.v1", "referral.closed.v1");
    private static final Duration SETTLE = Duration.ofMinutes(Long.getLong("faults.settle-minutes", 20));
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^@>]+)@samhandling\\.notification>");

    private final RunningSystem system;
    private final FaultInjectionSuite.Tokens tokens;
    private final Load load;
    private final String arenaId;
    private final int expected;
    private final FaultInjectionSuite.Report report;
    private final SoftAssertions softly;
    private final Consumer<String> log;

    Checks(RunningSystem system, FaultInjectionSuite.Tokens tokens, Load load, String arenaId, int expected,
            FaultInjectionSuite.Report report, SoftAssertions softly, Consumer<String> log) {
        this.system = system;
        this.tokens = tokens;
        this.load = load;
        this.arenaId = arenaId;
        this.expected = expected;
        this.report = report;
        this.softly = softly;
        this.log = log;
    }

    void run() throws InterruptedException {
        try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
            awaitNoticesSettled(mongo.getDatabase(Service.NOTIFICATION.artifactId()));
            deadLetters();
            Map<String, Object> admin = system.kafkaClientProperties(KafkaAccess.ADMIN);
            TopicRecords referralEvents = TopicRecords.read(admin, "referral.events");
            TopicRecords notificationEvents = TopicRecords.read(admin, "notification.events");
            TopicRecords arenaEvents = TopicRecords.read(admin, "arena.events");
            casesNeitherLostNorDuplicated(mongo.getDatabase(Service.REFERRAL.artifactId()));
            eventsOncePerStepInOrder(referralEvents);
            report.figure("re-sent records (same ce_id again) on referral.events / arena.events / notification.events",
                    resent(referralEvents) + " / " + resent(arenaEvents) + " / " + resent(notificationEvents));
            notices(mongo.getDatabase(Service.NOTIFICATION.artifactId()), referralEvents, arenaEvents, notificationEvents);
            reporting(mongo, mongo.getDatabase(Service.REPORTING.artifactId()), referralEvents, notificationEvents);
        }
    }

    /** Every notice settles once the providers are well: none waits, none waits for a contact lookup. */
    private void awaitNoticesSettled(MongoDatabase notifications) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + SETTLE.toNanos();
        long lastLog = 0;
        while (true) {
            long pending = notifications.getCollection("notifications").countDocuments(Filters.eq("status", "PENDING"));
            long triggers = notifications.getCollection("pending_triggers").countDocuments();
            if (pending == 0 && triggers == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                softly.fail("notices still waiting after %d minutes: %d notices PENDING, %d triggers waiting for a contact lookup",
                        SETTLE.toMinutes(), pending, triggers);
                break;
            }
            if (System.nanoTime() - lastLog > Duration.ofMinutes(1).toNanos()) {
                log.accept("waiting for notices to settle: " + pending + " PENDING, " + triggers + " triggers waiting");
                lastLog = System.nanoTime();
            }
            Thread.sleep(2_000);
        }
        report.figure("notices settled after the load", "%.0f s".formatted((System.nanoTime() - began) / 1e9));
    }

    /** Dead letters, as each consuming service's administrator sees them; whatever is there is replayed. */
    private void deadLetters() {
        int found = 0;
        int replayed = 0;
        List<String> causes = new ArrayList<>();
        for (Service service : List.of(Service.ARENA, Service.REFERRAL, Service.CONSENT, Service.NOTIFICATION, Service.REPORTING)) {
            Client admin = tokens.client("demo-admin", List.of(service.baseUrl()), new Semaphore(1));
            JsonNode listing = admin.get("/admin/dead-letters?limit=1000").json();
            Set<String> topics = new HashSet<>();
            for (JsonNode letter : listing.path("deadLetters")) {
                found++;
                causes.add(service.artifactId() + ": " + letter.path("eventType").asString() + " from " + letter.path("originalTopic").asString()
                        + ": " + letter.path("cause").asString());
                if (!letter.path("replayed").asBoolean()) {
                    topics.add(letter.path("deadLetterTopic").asString());
                }
            }
            for (String topic : topics) {
                JsonNode outcome = admin.post("/admin/dead-letters/" + topic + "/replay", "").json();
                replayed += outcome.path("replayed").size();
                softly.assertThat(outcome.path("failed").size()).as("dead letters of %s that fail again on replay: %s", topic, outcome)
                        .isZero();
            }
        }
        report.figure("dead letters (all replayed)", found + " (" + replayed + " replayed now)");
        causes.forEach(cause -> report.figure("  dead letter", cause));
    }

    /**
     * referral-service's own store (read raw: its API lists only the newest 500) holds each of the run's cases once,
     * closed, and every case the load was told of.
     */
    private void casesNeitherLostNorDuplicated(MongoDatabase referralDb) {
        Map<String, List<String>> byUnit = new HashMap<>();
        Map<String, String> statusOf = new HashMap<>();
        for (Document referral : referralDb.getCollection("referrals")
                .find(Filters.regex("referrerUnit", "^" + Pattern.quote(load.unitPrefix())))) {
            String id = referral.getString("_id");
            byUnit.computeIfAbsent(referral.getString("referrerUnit"), u -> new ArrayList<>()).add(id);
            statusOf.put(id, referral.getString("status"));
        }
        long duplicated = byUnit.values().stream().filter(ids -> ids.size() > 1).count();
        Set<String> driven = new HashSet<>(load.referrals().values());
        Set<String> stored = byUnit.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> lost = new HashSet<>(driven);
        lost.removeAll(stored);
        long notClosed = statusOf.values().stream().filter(status -> !status.equals("CLOSED")).count();
        report.figure("cases stored / expected", stored.size() + " / " + expected);
        report.figure("cases lost / made twice / not closed", lost.size() + " / " + duplicated + " / " + notClosed);
        softly.assertThat(driven).as("cases the load drove").hasSize(expected);
        softly.assertThat(lost).as("cases the load was told of that referral-service does not have").isEmpty();
        softly.assertThat(duplicated).as("cases stored twice for one submission").isZero();
        softly.assertThat(stored).as("the run's cases in referral-service").hasSize(expected);
        softly.assertThat(notClosed).as("the run's cases not closed").isZero();
    }

    /** Each case's events: each step once, in the lifecycle's order, on one partition, in time order. */
    private void eventsOncePerStepInOrder(TopicRecords referralEvents) {
        Set<String> ours = new HashSet<>(load.referrals().values());
        Map<String, List<TopicRecords.Event>> byCase = new HashMap<>();
        for (TopicRecords.Event event : referralEvents.records()) {
            if (ours.contains(event.key())) {
                byCase.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event);
            }
        }
        int outOfOrder = 0;
        int missing = 0;
        int splitOverPartitions = 0;
        List<String> examples = new ArrayList<>();
        for (String id : ours) {
            List<TopicRecords.Event> events = byCase.getOrDefault(id, List.of());
            Set<String> seen = new HashSet<>();
            List<String> types = new ArrayList<>();
            List<String> times = new ArrayList<>();
            for (TopicRecords.Event event : events) {
                if (seen.add(event.id())) {
                    types.add(event.type());
                    times.add(event.time());
                }
            }
            if (events.stream().map(TopicRecords.Event::partition).distinct().count() > 1) {
                splitOverPartitions++;
            }
            if (!types.equals(LIFECYCLE)) {
                if (new HashSet<>(types).containsAll(LIFECYCLE) && types.size() == LIFECYCLE.size()) {
                    outOfOrder++;
                } else {
                    missing++;
                }
                if (examples.size() < 5) {
                    examples.add(id + ": " + types);
                }
            } else {
                List<java.time.Instant> instants = times.stream().map(time -> java.time.OffsetDateTime.parse(time).toInstant()).toList();
                if (!instants.stream().sorted().toList().equals(instants)) {
                    outOfOrder++;
                    if (examples.size() < 5) {
                        examples.add(id + ": times " + times);
                    }
                }
            }
        }
        report.figure("cases whose events are lost or doubled / out of order / split over partitions",
                missing + " / " + outOfOrder + " / " + splitOverPartitions);
        softly.assertThat(missing).as("cases whose events are not each step once: %s", examples).isZero();
        softly.assertThat(outOfOrder).as("cases whose events are out of order: %s", examples).isZero();
        softly.assertThat(splitOverPartitions).as("cases whose events are on more than one partition").isZero();
    }

    private static long resent(TopicRecords topic) {
        return topic.records().size() - topic.records().stream().map(TopicRecords.Event::id).distinct().count();
    }

    /**
     * One notice per intent (event, recipient, channel); every one SENT, announced on notification.events, and
     * received by the post office exactly once (by its Message-ID or SMS reference, the notice's id); nothing received
     * that no notice accounts for. Each submitted case told its coordinator, each meeting's minutes its assignee.
     */
    private void notices(MongoDatabase notificationDb, TopicRecords referralEvents, TopicRecords arenaEvents,
            TopicRecords notificationEvents) {
        Map<String, Document> notices = new HashMap<>();
        Map<String, Integer> perIntent = new HashMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Set<String>> bySource = new HashMap<>();
        for (Document notice : notificationDb.getCollection("notifications").find()) {
            String id = notice.getString("_id");
            notices.put(id, notice);
            perIntent.merge(notice.getString("sourceEventId") + "|" + notice.getString("recipientId") + "|" + notice.getString("channel"),
                    1, Integer::sum);
            byStatus.merge(notice.getString("status"), 1L, Long::sum);
            bySource.computeIfAbsent(notice.getString("sourceEventId"), key -> new HashSet<>()).add(id);
        }
        report.figure("notices by status", byStatus.toString());
        softly.assertThat(perIntent.values().stream().filter(count -> count > 1).count()).as("intents with more than one notice").isZero();
        softly.assertThat(byStatus.keySet()).as("notice statuses once settled").containsOnly("SENT");

        Set<String> ours = new HashSet<>(load.referrals().values());
        long submittedUntold = referralEvents.records().stream()
                .filter(event -> ours.contains(event.key()) && event.type().equals("referral.submitted.v1"))
                .map(TopicRecords.Event::id).distinct().filter(id -> !bySource.containsKey(id)).count();
        Set<String> meetings = load.meetings();
        long minutesUntold = arenaEvents.records().stream()
                .filter(event -> meetings.contains(event.key()) && event.type().equals("arena.minutes-recorded.v1"))
                .map(TopicRecords.Event::id).distinct().filter(id -> !bySource.containsKey(id)).count();
        report.figure("submitted cases / recorded minutes that told no one", submittedUntold + " / " + minutesUntold);
        softly.assertThat(submittedUntold).as("submitted cases whose coordinator got no notice").isZero();
        softly.assertThat(minutesUntold).as("recorded minutes whose assignee got no notice").isZero();

        Set<String> sent = notices.values().stream().filter(n -> "SENT".equals(n.getString("status")))
                .map(n -> n.getString("_id")).collect(Collectors.toSet());
        Set<String> announced = notificationEvents.records().stream().filter(event -> event.type().equals("notification.sent.v1"))
                .map(TopicRecords.Event::key).collect(Collectors.toSet());
        Set<String> unannounced = new HashSet<>(sent);
        unannounced.removeAll(announced);
        softly.assertThat(unannounced).as("SENT notices without notification.sent.v1 on notification.events").isEmpty();

        Map<String, Integer> received = new LinkedHashMap<>();
        for (String mail : system.receivedMail()) {
            Matcher id = MESSAGE_ID.matcher(mail);
            received.merge(id.find() ? id.group(1) : "(no Message-ID)", 1, Integer::sum);
        }
        int mails = received.values().stream().mapToInt(Integer::intValue).sum();
        for (String sms : system.receivedSms()) {
            received.merge(Client.JSON.readTree(sms).path("reference").asString("(no reference)"), 1, Integer::sum);
        }
        long neverReceived = sent.stream().filter(id -> !received.containsKey(id)).count();
        long receivedTwice = received.values().stream().filter(count -> count > 1).count();
        Set<String> unaccounted = new HashSet<>(received.keySet());
        unaccounted.removeAll(sent);
        report.figure("notices SENT / emails received / SMS received", sent.size() + " / " + mails + " / " + system.receivedSms().size());
        report.figure("notices never received / received more than once / received without a SENT notice",
                neverReceived + " / " + receivedTwice + " / " + unaccounted.size());
        softly.assertThat(neverReceived).as("SENT notices the post office never received").isZero();
        softly.assertThat(receivedTwice).as("notices the post office received more than once").isZero();
        softly.assertThat(unaccounted).as("messages received that no SENT notice accounts for").isEmpty();
    }

    /**
     * reporting's counters, which lived through every fault, against a generation rebuilt from the topics after
     * the fact, and the arena's new and closed cases and the notices sent against the events themselves.
     */
    private void reporting(MongoClient mongo, MongoDatabase reporting, TopicRecords referralEvents, TopicRecords notificationEvents)
            throws InterruptedException {
        Map<String, Long> lived = awaitAllApplied(mongo, reporting);
        Client admin = tokens.client("demo-admin", List.of(Service.REPORTING.baseUrl()), new Semaphore(1));
        int before = admin.get("/reports/rebuild").json().path("currentGeneration").asInt();
        Client.Reply started = admin.post("/reports/rebuild", "");
        softly.assertThat(started.status()).as("rebuild answered %s", started.body()).isIn(200, 202);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long began = System.nanoTime();
        JsonNode status = admin.get("/reports/rebuild").json();
        while (status.path("currentGeneration").asInt() == before && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            status = admin.get("/reports/rebuild").json();
        }
        report.figure("rebuild of reporting from the topics", "%.0f s".formatted((System.nanoTime() - began) / 1e9));
        Map<String, Long> replayed = counters(reporting, status.path("currentGeneration").asInt());
        Map<String, String> differences = new TreeMap<>();
        Set<String> keys = new HashSet<>(lived.keySet());
        keys.addAll(replayed.keySet());
        for (String key : keys) {
            long a = lived.getOrDefault(key, 0L);
            long b = replayed.getOrDefault(key, 0L);
            if (a != b) {
                differences.put(key, a + " lived, " + b + " replayed");
            }
        }
        report.figure("counters that lived through the faults / differing from a fresh replay", lived.size() + " / " + differences.size());
        softly.assertThat(differences).as("counters that differ from a fresh replay (generation %d vs %d)", before,
                status.path("currentGeneration").asInt()).isEmpty();

        Map<String, String> arenaOf = new HashMap<>();
        Set<String> submitted = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (TopicRecords.Event event : referralEvents.records()) {
            if (event.type().equals("referral.submitted.v1") && arenaId.equals(event.data().path("arenaId").asString())) {
                submitted.add(event.id());
                arenaOf.put(event.key(), arenaId);
            }
        }
        for (TopicRecords.Event event : referralEvents.records()) {
            if (event.type().equals("referral.closed.v1") && arenaOf.containsKey(event.key())) {
                closed.add(event.id());
            }
        }
        long sentEvents = notificationEvents.records().stream().filter(event -> event.type().equals("notification.sent.v1"))
                .map(TopicRecords.Event::id).distinct().count();
        long newCases = sum(lived, "REFERRALS_BY_ARENA", arenaId);
        long closedCases = sum(lived, "CLOSED_BY_ARENA", arenaId);
        long noticesSent = sum(lived, "NOTIFICATIONS_SENT_BY_CHANNEL", null);
        report.figure("arena's new cases: counted / events", newCases + " / " + submitted.size());
        report.figure("arena's closed cases: counted / events", closedCases + " / " + closed.size());
        report.figure("notices sent: counted / events", noticesSent + " / " + sentEvents);
        softly.assertThat(newCases).as("new cases counted in the arena").isEqualTo(submitted.size());
        softly.assertThat(closedCases).as("closed cases counted in the arena").isEqualTo(closed.size());
        softly.assertThat(noticesSent).as("notices counted as sent").isEqualTo(sentEvents);
    }

    /**
     * The live generation's counters once every event is applied, as the broker and the stores say: no outbox holds an
     * event still to publish, every service's consumer group is live (reporting's in the live generation), and every live
     * group's committed offsets equal the end offsets of the partitions it reads ({@link ConsumerProgress}; the
     * platform's consumers commit only what they have applied). The counters are read between two such readings in
     * which reporting's group had committed the same offsets, so they are exactly what those offsets applied.
     */
    private Map<String, Long> awaitAllApplied(MongoClient mongo, MongoDatabase reporting) throws InterruptedException {
        int generation = reporting.getCollection("figure_generations").find(Filters.eq("_id", "current")).first().getInteger("generation");
        Set<String> required = new TreeSet<>();
        for (KafkaAccess.Grant grant : KafkaAccess.GRANTS) {
            if (!grant.consumes().isEmpty() && !grant.principal().equals(KafkaAccess.EXTERNAL_READER)) {
                required.add(grant.principal().equals(Service.REPORTING.artifactId()) ? grant.principal() + ".g" + generation : grant.principal());
            }
        }
        long began = System.nanoTime();
        long deadline = began + Duration.ofMinutes(5).toNanos();
        long lastLog = began;
        try (Admin admin = Admin.create(system.kafkaClientProperties(KafkaAccess.ADMIN))) {
            ConsumerProgress progress = new ConsumerProgress(admin);
            String reportingGroup = Service.REPORTING.artifactId() + ".g" + generation;
            Progress before = progress(mongo, progress, required, reportingGroup);
            while (true) {
                if (before.waiting().isEmpty()) {
                    Map<String, Long> counters = counters(reporting, generation);
                    Progress after = progress(mongo, progress, required, reportingGroup);
                    if (after.equals(before)) {
                        report.figure("every event applied after the notices settled", "%.0f s".formatted((System.nanoTime() - began) / 1e9));
                        return counters;
                    }
                    before = after;
                }
                if (System.nanoTime() > deadline) {
                    softly.fail("not every event was applied five minutes after the notices settled: %s", before.waiting());
                    return counters(reporting, generation);
                }
                if (System.nanoTime() - lastLog > Duration.ofMinutes(1).toNanos()) {
                    log.accept("waiting for every event to be applied: " + before.waiting());
                    lastLog = System.nanoTime();
                }
                Thread.sleep(1_000);
                before = progress(mongo, progress, required, reportingGroup);
            }
        }
    }

    /** What keeps the system from having applied every event (nothing, once it has), and what reporting has committed. */
    private record Progress(String waiting, Map<TopicPartition, Long> reportingCommitted) {
    }

    /**
     * Events waiting in an outbox, required consumer groups without members, and the records each live group has
     * committed short of its partitions' ends.
     */
    private Progress progress(MongoClient mongo, ConsumerProgress progress, Set<String> required, String reportingGroup) {
        List<String> waiting = new ArrayList<>();
        for (Service service : List.of(Service.ARENA, Service.REFERRAL, Service.CONSENT, Service.NOTIFICATION)) {
            MongoDatabase database = mongo.getDatabase(service.artifactId());
            for (String collection : database.listCollectionNames()) {
                long pending = database.getCollection(collection).countDocuments(Filters.exists("outbox.0"));
                if (pending > 0) {
                    waiting.add(service.artifactId() + "." + collection + " has " + pending + " documents with events to publish");
                }
            }
        }
        Map<String, ConsumerGroupDescription> live = progress.liveGroups();
        for (String group : required) {
            if (!live.containsKey(group)) {
                waiting.add("consumer group " + group + " has no members");
            }
        }
        for (ConsumerGroupDescription group : live.values()) {
            Map<TopicPartition, Long> behind = progress.behind(group);
            if (!behind.isEmpty()) {
                waiting.add(group.groupId() + " is " + behind.values().stream().mapToLong(Long::longValue).sum() + " records behind on "
                        + new TreeMap<>(behind.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))));
            }
        }
        return new Progress(String.join("; ", waiting), progress.committed(reportingGroup));
    }

    private static Map<String, Long> counters(MongoDatabase reporting, int generation) {
        Map<String, Long> counters = new HashMap<>();
        for (Document counter : reporting.getCollection("figure_counters_g" + generation).find()) {
            String key = counter.getString("municipality") + " " + counter.getString("metric") + " " + counter.getString("key") + " "
                    + counter.get("month");
            counters.merge(key, ((Number) counter.get("count")).longValue(), Long::sum);
        }
        return counters;
    }

    private static long sum(Map<String, Long> counters, String metric, String key) {
        return counters.entrySet().stream()
                .filter(entry -> entry.getKey().split(" ")[1].equals(metric) && (key == null || entry.getKey().split(" ")[2].equals(key)))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
