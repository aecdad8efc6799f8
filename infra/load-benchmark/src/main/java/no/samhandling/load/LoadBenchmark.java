package no.samhandling.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;

/**
 * The load benchmark of the running local system (see the README): anonymous referrals through
 * the REST API at a fixed rate, their POST latency and their time until reporting has counted them,
 * and beside them the bare limit of a plain MongoDB and Kafka client on the same servers.
 */
public final class LoadBenchmark {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final String MONGO = "mongodb://127.0.0.1:27017";
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Object> kafka = kafkaAdmin(options.dataDir());
        ReferralLoad load = ReferralLoad.signIn();
        Schedule schedule = options.schedule();
        try (CountedWatch watch = new CountedWatch(kafka)) {
            say("Warming up: %.0f referrals/s for %ds (not measured)", schedule.ratePerSecond(), WARM_UP.toSeconds());
            load.run(new Schedule(schedule.ratePerSecond(), WARM_UP), (id, due) -> { });
            say("Submitting %d anonymous referrals at %.0f/s for %ds; reporting's group %s", schedule.count(),
                    schedule.ratePerSecond(), schedule.duration().toSeconds(), watch.group());
            List<String> ids = new ArrayList<>();
            ReferralLoad.Outcome outcome = load.run(schedule, (id, due) -> {
                watch.submitted(id, due);
                synchronized (ids) {
                    ids.add(id);
                }
            });
            boolean allCounted = watch.awaitCounted(outcome.posts().count(), options.drain());
            report(outcome, watch, allCounted);
            if (options.bareLimits() && !ids.isEmpty() && !watch.samples().isEmpty()) {
                bareLimits(kafka, ids.getFirst(), watch.samples().getLast(), schedule.count());
            }
        }
    }

    private static void report(ReferralLoad.Outcome outcome, CountedWatch watch, boolean allCounted) {
        say("");
        say("Load: %d referrals due, %d created, %d errors", outcome.requests(), outcome.posts().count(), outcome.errorCount());
        outcome.errorLines().forEach(line -> say("  error %s", line));
        say("  issued rate     %.1f/s", outcome.issuedRate());
        say("  achieved rate   %.1f/s (created, from the first due time to the last answer)", outcome.achievedRate());
        say("  POST            %s", outcome.posts().format());
        say("  submit→counted  %s%s", watch.summary().format(),
                allCounted ? "" : "  NOT ALL COUNTED: %d of %d".formatted(watch.counted(), outcome.posts().count()));
        say("  (latencies from each request's due time; counted = reporting's consumer group committed past the referral's record)");
    }

    private static void bareLimits(Map<String, Object> kafka, String referralId, ConsumerRecord<String, byte[]> record, int count)
            throws Exception {
        say("");
        say("Bare limits of this machine for the same %d documents and records:", count);
        say("  %s", BareLimits.mongo(MONGO, referralId, record, count).format());
        say("  %s", BareLimits.kafka(kafka, record, count).format());
    }

    /** The broker's own user (a local super user), whose password the local runtime made in .local/keys/kafka/. */
    static Map<String, Object> kafkaAdmin(Path dataDir) throws IOException {
        Path file = dataDir.resolve("keys").resolve("kafka").resolve(KafkaAccess.ADMIN);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No Kafka password in " + file + ": run from the clone whose local system is running");
        }
        Map<String, Object> properties = new HashMap<>(new KafkaCredentials(KafkaAccess.ADMIN, Files.readString(file).strip()).clientProperties());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        return properties;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
