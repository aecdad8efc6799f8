package no.samhandling.system.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Drives referrals through their whole lifecycle while faults are injected: submitted by a referrer,
 * accepted by the arena's coordinator, scheduled to a meeting of the arena (made by the load, a little
 * ahead, up to 25 cases each), discussed in the meeting's minutes with an assignment, and closed. Waves of
 * cases run side by side. Every call is retried until it is known to have happened; a call whose fate is
 * unknown is found out first (a submission by its unique referrer unit, a transition by the case's status),
 * so the load never makes a case twice and never skips a step, whatever the system did meanwhile.
 */
final class Load {

    /** The minutes of a meeting take at most 50 items; half that keeps each meeting's calls short. */
    static final int WAVE = 25;
    private static final Duration STEP_DEADLINE = Duration.ofMinutes(10);
    /** How far ahead a wave's meeting is set: long enough to take in and schedule its cases with a fault in between. */
    private static final Duration MEETING_LEAD = Duration.ofSeconds(Long.getLong("faults.meeting-lead-seconds", 60));

    private final Client referrerReferrals;
    private final Client coordinatorReferrals;
    private final Client coordinatorArenas;
    private final String arenaId;
    private final String run;
    private final Consumer<String> log;
    private final Map<Integer, String> referrals = new ConcurrentHashMap<>();
    private final Set<String> meetings = ConcurrentHashMap.newKeySet();
    private final AtomicInteger lostCalls = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    Load(Client referrerReferrals, Client coordinatorReferrals, Client coordinatorArenas, String arenaId, String run,
            Consumer<String> log) {
        this.referrerReferrals = referrerReferrals;
        this.coordinatorReferrals = coordinatorReferrals;
        this.coordinatorArenas = coordinatorArenas;
        this.arenaId = arenaId;
        this.run = run;
        this.log = log;
    }

    /** The referrer unit that tells this run's case number n apart from every other case. */
    String unitOf(int n) {
        return "Feilprøve " + run + " nr " + n + " barnehage";
    }

    String unitPrefix() {
        return "Feilprøve " + run + " nr ";
    }

    Map<Integer, String> referrals() {
        return Map.copyOf(referrals);
    }

    Set<String> meetings() {
        return Set.copyOf(meetings);
    }

    int lostCalls() {
        return lostCalls.get();
    }

    int retries() {
        return retries.get();
    }

    /** Runs {@code count} cases, {@code parallelWaves} waves at a time, and returns when every one is closed. */
    void run(int count, int parallelWaves) throws Exception {
        try (ExecutorService waves = Executors.newFixedThreadPool(parallelWaves, Thread.ofVirtual().name("wave-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int from = 0; from < count; from += WAVE) {
                int first = from;
                int last = Math.min(count, from + WAVE);
                running.add(waves.submit(() -> {
                    wave(first, last);
                    return null;
                }));
            }
            for (Future<?> wave : running) {
                wave.get();
            }
        }
    }

    private void wave(int first, int last) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (int n = first; n < last; n++) {
            numbers.add(n);
        }
        try (ExecutorService cases = Executors.newVirtualThreadPerTaskExecutor()) {
            // The meeting is set first, so that its lead covers the cases' intake too.
            Instant startsAt = Instant.now().plus(MEETING_LEAD).truncatedTo(ChronoUnit.SECONDS);
            String meetingId = createMeeting(startsAt);
            forEach(cases, numbers, n -> {
                String id = submit(n);
                referrals.put(n, id);
                accept(id);
            });
            Map<String, List<String>> byMeeting = new LinkedHashMap<>();
            List<String> toSchedule = numbers.stream().map(referrals::get).toList();
            while (!toSchedule.isEmpty()) {
                if (!byMeeting.isEmpty()) {
                    startsAt = Instant.now().plus(MEETING_LEAD.dividedBy(2)).truncatedTo(ChronoUnit.SECONDS);
                    meetingId = createMeeting(startsAt);
                }
                String meeting = meetingId;
                Instant begins = startsAt;
                List<String> missed = new java.util.concurrent.CopyOnWriteArrayList<>();
                List<String> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
                forEach(cases, toSchedule, id -> (schedule(id, meeting, begins) ? scheduled : missed).add(id));
                byMeeting.put(meeting, List.copyOf(scheduled));
                if (!missed.isEmpty()) {
                    log.accept(missed.size() + " cases missed meeting " + meeting + " (it began first); scheduling them to another");
                }
                toSchedule = List.copyOf(missed);
            }
            byMeeting.forEach((held, ids) -> {
                if (!ids.isEmpty()) {
                    holdMeeting(held, ids);
                }
            });
            forEach(cases, numbers.stream().map(referrals::get).toList(), this::closeWhenDiscussed);
        }
        log.accept("cases " + first + "-" + (last - 1) + " closed (" + closed.get() + " in all)");
    }

    private interface Step<T> {
        void run(T item) throws Exception;
    }

    private static <T> void forEach(ExecutorService executor, List<T> items, Step<T> step) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(executor.submit(() -> {
                step.run(item);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private String submit(int n) {
        String body = """
                {"arenaId": "%s", "referrerUnit": "%s", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["%s"], "preventionLevel": "YELLOW", "guardiansAttend": false,
                 "measuresTried": [{"description": "Tett oppfølging i avdelinga", "period": "haust 2026", "effect": "Lite endring"}]}"""
                .formatted(arenaId, unitOf(n), n % 2 == 0 ? "LANGUAGE" : "BEHAVIOUR");
        return until("submit case " + n, () -> {
            try {
                Client.Reply reply = referrerReferrals.post("/referrals", body);
                if (reply.status() == 201) {
                    return reply.json().get("id").asString();
                }
                if (!reply.unavailable() && reply.status() != 401) {
                    throw new IllegalStateException("submit case " + n + " answered " + reply.status() + ": " + reply.body());
                }
            } catch (Client.Lost lost) {
                lostCalls.incrementAndGet();
            }
            // Unavailable or lost: it may have been stored all the same; only then is it sent again.
            return findSubmitted(n);
        });
    }

    /** The referrer's list holds their newest 500 cases, far more than the load has in flight at once. */
    private String findSubmitted(int n) {
        Client.Reply mine = referrerReferrals.get("/referrals");
        if (!mine.ok()) {
            return null;
        }
        for (JsonNode referral : mine.json()) {
            if (unitOf(n).equals(referral.path("referrerUnit").asString())) {
                return referral.get("id").asString();
            }
        }
        return null;
    }

    private void accept(String id) {
        transition("accept " + id, coordinatorReferrals, "/referrals/" + id + "/accept", "", id, status -> !status.equals("SUBMITTED"));
    }

    private String createMeeting(Instant startsAt) {
        String body = """
                {"startsAt": "%s", "endsAt": "%s", "location": "Aukra rådhus, møterom 2"}"""
                .formatted(startsAt, startsAt.plus(Duration.ofHours(1)));
        String id = until("create a meeting", () -> {
            Client.Reply reply = coordinatorArenas.post("/arenas/" + arenaId + "/meetings", body);
            if (reply.status() == 201) {
                return reply.json().get("id").asString();
            }
            if (!reply.unavailable() && reply.status() != 401) {
                throw new IllegalStateException("create meeting answered " + reply.status() + ": " + reply.body());
            }
            return null;
        });
        meetings.add(id);
        return id;
    }

    /** @return false if the meeting began before the case could be scheduled to it */
    private boolean schedule(String id, String meetingId, Instant startsAt) {
        String body = "{\"meetingId\": \"" + meetingId + "\"}";
        Boolean done = until("schedule " + id, () -> {
            if (Instant.now().isAfter(startsAt.minusSeconds(3))) {
                return scheduledTo(id, meetingId) ? Boolean.TRUE : Boolean.FALSE;
            }
            Client.Reply reply = coordinatorReferrals.post("/referrals/" + id + "/schedule", body);
            if (reply.ok()) {
                return Boolean.TRUE;
            }
            // 400: referral-service has not yet learnt of the meeting from arena.events; 409: an earlier lost call did it.
            if (reply.status() == 409 && scheduledTo(id, meetingId)) {
                return Boolean.TRUE;
            }
            if (reply.status() == 409) {
                throw new IllegalStateException("schedule " + id + " answered 409: " + reply.body());
            }
            return null;
        });
        return done;
    }

    private boolean scheduledTo(String id, String meetingId) {
        JsonNode referral = read(id);
        return referral != null && referral.path("status").asString().equals("SCHEDULED")
                && meetingId.equals(referral.path("meetingId").asString());
    }

    /** Waits for every case on the agenda, writes the minutes, and closes them once the meeting has begun. */
    private void holdMeeting(String meetingId, List<String> ids) {
        until("agenda of " + meetingId, () -> {
            Client.Reply meeting = coordinatorArenas.get("/meetings/" + meetingId);
            return meeting.ok() && ids.stream().allMatch(meeting.body()::contains) ? Boolean.TRUE : null;
        });
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.isEmpty() ? "" : ",").append("""
                    {"referralId": "%s", "outcomeCode": "MEASURES_AGREED", "outcome": "Tiltak avtalt i møtet.",
                     "assignment": {"responsibleUserId": "member", "responsibleService": "PPT", "task": "Observasjon og rettleiing",
                                    "dueDate": "2027-01-20", "followUpDate": "2027-02-10"}}""".formatted(id));
        }
        String minutes = "{\"items\": [" + items + "]}";
        until("minutes of " + meetingId, () -> {
            Client.Reply reply = coordinatorArenas.put("/meetings/" + meetingId + "/minutes", minutes);
            if (reply.ok()) {
                return Boolean.TRUE;
            }
            if (reply.status() == 409 && held(meetingId)) {
                return Boolean.TRUE;
            }
            if (!reply.unavailable() && reply.status() != 401) {
                throw new IllegalStateException("minutes of " + meetingId + " answered " + reply.status() + ": " + reply.body());
            }
            return null;
        });
        until("close the minutes of " + meetingId, () -> {
            Client.Reply reply = coordinatorArenas.post("/meetings/" + meetingId + "/minutes/close", "{}");
            // 409 before the meeting began; after a lost call, the meeting is held already.
            return reply.ok() || (reply.status() == 409 && held(meetingId)) ? Boolean.TRUE : null;
        });
    }

    private boolean held(String meetingId) {
        Client.Reply meeting = coordinatorArenas.get("/meetings/" + meetingId);
        return meeting.ok() && meeting.json().path("status").asString().equals("HELD");
    }

    private void closeWhenDiscussed(String id) {
        until("minutes reach " + id, () -> {
            JsonNode referral = read(id);
            return referral != null && Set.of("FOLLOW_UP", "DISCUSSED", "CLOSED").contains(referral.path("status").asString())
                    ? Boolean.TRUE : null;
        });
        transition("close " + id, coordinatorReferrals, "/referrals/" + id + "/close", "{\"reasonCode\": \"RESOLVED\"}", id,
                status -> status.equals("CLOSED"));
        closed.incrementAndGet();
    }

    private JsonNode read(String id) {
        Client.Reply reply = coordinatorReferrals.get("/referrals/" + id);
        return reply.ok() ? reply.json() : null;
    }

    /** A lifecycle step: done when it answers 2xx, or when a 409 shows an earlier lost call did it. */
    private void transition(String what, Client client, String path, String body, String id,
            java.util.function.Predicate<String> alreadyDone) {
        until(what, () -> {
            Client.Reply reply = client.post(path, body);
            if (reply.ok()) {
                return Boolean.TRUE;
            }
            if (reply.status() == 409) {
                JsonNode referral = read(id);
                if (referral != null && alreadyDone.test(referral.path("status").asString())) {
                    return Boolean.TRUE;
                }
                throw new IllegalStateException(what + " answered 409 in status "
                        + (referral == null ? "?" : referral.path("status").asString()) + ": " + reply.body());
            }
            if (!reply.unavailable() && reply.status() != 401 && reply.status() != 404) {
                throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
            }
            return null;
        });
    }

    /**
     * Tries until the attempt gives an answer (not null): a refused or lost call, or an unavailable
     * service, is tried again a second later, until the step's deadline.
     */
    private <T> T until(String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = attempt.get();
                if (answer != null) {
                    return answer;
                }
            } catch (Client.Unsent | Client.Lost e) {
                if (e instanceof Client.Lost) {
                    lostCalls.incrementAndGet();
                }
                last = e;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + what, e);
            }
        }
        throw new IllegalStateException(what + " did not happen within " + STEP_DEADLINE.toMinutes() + " minutes", last);
    }
}
