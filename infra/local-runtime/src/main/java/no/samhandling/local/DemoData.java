package no.samhandling.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports the Aukra and Melhus arena catalogues and posts a few anonymous referrals through the services' public
 * APIs, once per data directory. Going through the APIs (not the database) means the events flow and the reports
 * fill up as in use. The catalogues are arena-service's own files, read from the repository, so there is one copy.
 */
final class DemoData {

    /** Where arena-service keeps the catalogues, relative to the repository root. */
    static final Path CATALOGUES = Path.of("arena-service", "src", "main", "resources", "catalogues");
    static final String AUKRA_CATALOGUE = "aukra-1547.json";
    static final String MELHUS_CATALOGUE = "melhus-5028.json";
    static final String REFERRALS = "demo/referrals.json";
    /** The arena of the demo guardian's named case. */
    static final String GUARDIANS_ARENA = "aukra-0-6-tverrfagleg-forskoleteam";
    /** The arenas the demo youth's own health consent and their guardian's school consent name. */
    static final String YOUTHS_HEALTH_ARENA = "aukra-6-18-samarbeidsmote-legetenesta-og-helsestasjonen";
    static final String YOUTHS_SCHOOL_ARENA = "aukra-6-18-skole-og-ppt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Contact details the demo users enrol with, so that notification-service has someone to tell. Example domains
     * and numbers from a range no real subscriber has; never anything on an event.
     */
    static final Map<String, Map<String, Object>> DEMO_CONTACTS = Map.of(
            "coordinator", Map.of("email", "coordinator@aukra.example", "phone", "+4740000001",
                    "channels", List.of("EMAIL", "SMS"), "language", "nb"),
            "member", Map.of("email", "member@aukra.example", "phone", "+4740000002",
                    "channels", List.of("EMAIL"), "language", "nn"),
            "melhus-coordinator", Map.of("email", "coordinator@melhus.example", "phone", "+4740000003",
                    "channels", List.of("EMAIL"), "language", "nb"));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One place in an arena and who grants it, as arena-service's rules have it: an administrator appoints the
     * coordinator, the coordinator adds the members, and nobody adds themself.
     */
    record Grant(String grantor, String userId, String role) {
    }

    /** Aukra's demo users get a place in every Aukra arena, in this order. */
    static final List<Grant> AUKRA_GRANTS = List.of(
            new Grant("admin", "coordinator", "COORDINATOR"),
            new Grant("coordinator", "member", "MEMBER"));
    /** Melhus' catalogue, as imported by its administrator, names its coordinator for every arena. */
    static final String MELHUS_COORDINATOR = "melhus-coordinator";

    /** Requests in flight at once: enough to keep every service and the MongoDB server busy, few enough for two cores. */
    static final int PARALLEL_REQUESTS = 4;

    private final HttpClient http;
    private final ExecutorService requestPool;

    DemoData(HttpClient http, ExecutorService requestPool) {
        this.http = http;
        this.requestPool = requestPool;
    }

    /** Loads the demo data unless an earlier run did; the marker is written only after everything succeeded. */
    static void loadOnce(DataLayout layout, Consumer<String> progress) {
        if (Files.exists(layout.demoLoadedMarker())) {
            progress.accept("Demo data already loaded (delete " + layout.demoLoadedMarker() + " to load it again)");
            return;
        }
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
             ExecutorService requestPool = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
            new DemoData(http, requestPool).load(progress);
            Files.writeString(layout.demoLoadedMarker(), Instant.now() + "\n");
        } catch (IOException e) {
            throw new LocalSystemException("Demo data: " + e.getMessage(), e);
        }
    }

    static JsonNode read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** A catalogue file of arena-service, found from the launcher's code location or the working directory. */
    static JsonNode catalogue(String file) {
        Path path = catalogueDirectory().resolve(file);
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /**
     * The launcher runs from {@code infra/local-runtime/target} (jar or classes) or from the repository root, so the
     * catalogues are found by walking up from either until the repository's arena-service appears.
     */
    static Path catalogueDirectory() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(DemoData.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // No usable code location (unusual class loader): the working directory still works.
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(CATALOGUES))) {
                    return dir.resolve(CATALOGUES);
                }
            }
        }
        throw new LocalSystemException("Demo data: no " + CATALOGUES + " above " + starts);
    }

    private void load(Consumer<String> progress) {
        List<String> tokens = inParallel(Stream.of("admin", "referrer", "melhus-admin", MELHUS_COORDINATOR)
                .<Callable<String>>map(user -> () -> accessToken(http, "demo-" + user, "demo")).toList());
        String admin = tokens.get(0);
        String referrer = tokens.get(1);
        String melhusAdmin = tokens.get(2);
        String melhusCoordinator = tokens.get(3);

        // Imports are idempotent by externalKey, so an earlier, interrupted load is simply completed.
        JsonNode aukra = catalogue(AUKRA_CATALOGUE);
        JsonNode melhus = namingCoordinator(catalogue(MELHUS_CATALOGUE), MELHUS_COORDINATOR);
        inParallel(List.of(
                () -> send(post(Service.ARENA.baseUrl() + "/arenas/import", admin, aukra), Set.of(), "Aukra catalogue import"),
                () -> send(post(Service.ARENA.baseUrl() + "/arenas/import", melhusAdmin, melhus), Set.of(), "Melhus catalogue import")));
        Map<String, String> arenaIds = arenaIdsByExternalKey(admin);
        Map<String, String> melhusArenaIds = arenaIdsByExternalKey(melhusCoordinator);
        // Need-to-know: only an arena's members see its meetings, so the demo users get a place in every arena of their municipality.
        List<Callable<String>> places = new ArrayList<>(enrolments(aukra, arenaIds, AUKRA_GRANTS));
        for (JsonNode arena : melhus.path("arenas")) {
            String arenaId = melhusArenaIds.get(arena.path("externalKey").asString());
            places.add(() -> send(put(Service.ARENA.baseUrl() + "/arenas/" + arenaId + "/members/" + MELHUS_COORDINATOR + "/contact",
                    melhusCoordinator, JSON.valueToTree(DEMO_CONTACTS.get(MELHUS_COORDINATOR))), Set.of(), "contact details of " + MELHUS_COORDINATOR));
        }
        inParallel(places);

        Map<String, String> bothMunicipalities = new HashMap<>(arenaIds);
        bothMunicipalities.putAll(melhusArenaIds);
        int past = pastReferrals(bothMunicipalities);

        JsonNode referrals = read(REFERRALS);
        List<Callable<String>> submissions = new ArrayList<>();
        for (JsonNode referral : referrals) {
            String key = referral.path("arenaExternalKey").asString();
            String arenaId = arenaIds.get(key);
            if (arenaId == null) {
                throw new LocalSystemException("Demo data: GET /arenas has no arena with externalKey " + key);
            }
            ObjectNode body = ((ObjectNode) referral).deepCopy();
            body.remove("arenaExternalKey");
            body.put("arenaId", arenaId);
            submissions.add(() -> sendWhenKnown(post(Service.REFERRAL.baseUrl() + "/referrals", referrer, body), "referral into " + key));
        }
        inParallel(submissions);
        inParallel(List.of(
                () -> guardianDemo(referrer, arenaById(admin, arenaIds.get(GUARDIANS_ARENA))),
                () -> youthDemo(arenaById(admin, arenaIds.get(YOUTHS_HEALTH_ARENA)), arenaById(admin, arenaIds.get(YOUTHS_SCHOOL_ARENA))),
                () -> leadersAgenda(referrer)));
        progress.accept("Demo data loaded: " + aukra.path("arenas").size() + " Aukra arenas, " + melhus.path("arenas").size()
                + " Melhus arenas, " + past + " referrals of the previous months, " + (referrals.size() + 1)
                + " referrals today (one named, under the demo guardian's consent), the demo youth's consents,"
                + " a system case and a deviation report");
    }

    /**
     * Runs independent requests {@value #PARALLEL_REQUESTS} at a time and returns their answers in order. The services
     * spend most of a request waiting on MongoDB and Kafka, so requests side by side load the demo in a fraction of the
     * time one after the other took. The first failure fails the load.
     */
    private <T> List<T> inParallel(List<Callable<T>> requests) {
        return inParallel(requestPool, requests);
    }

    static <T> List<T> inParallel(ExecutorService requestPool, List<Callable<T>> requests) {
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : requestPool.invokeAll(requests)) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while loading demo data", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new LocalSystemException("Demo data: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The months before this one, dated then, so that a leader has published releases to read on a fresh
     * start ({@link PastReferrals}); each municipality's administrator imports its own.
     */
    private int pastReferrals(Map<String, String> arenaIds) {
        int imported = 0;
        for (PastReferrals.Import past : PastReferrals.imports(read(PastReferrals.HISTORY), arenaIds, Instant.now(), JSON)) {
            sendWhenKnown(post(Service.REFERRAL.baseUrl() + "/referrals/demo-history", accessToken(http, past.adminClient(), "demo"), past.body()),
                    "the past cases of " + past.municipalityCatalogue());
            imported += past.size();
        }
        return imported;
    }

    /**
     * The demo guardian ("guardian") has a child in Aukra: registered with consent to discuss her by name in the
     * preschool team, referred there by name, accepted, and her data read once by the coordinator, so that
     * "Mitt barn" has a consent to show and withdraw and a read to account for. Made-up names, example address.
     */
    private String guardianDemo(String referrer, JsonNode arena) {
        String coordinator = accessToken(http, "demo-coordinator", "demo");
        JsonNode child = JSON.readTree(send(post(Service.CONSENT.baseUrl() + "/subjects", coordinator, JSON.readTree("""
                {"name": "Sofie Demodatter", "birthDate": "2021-04-12",
                 "guardians": [{"name": "Kari Demodatter", "email": "guardian@aukra.example", "phone": "+4740000004",
                                "parentalResponsibility": true, "userId": "guardian", "language": "nb"}]}""")),
                Set.of(), "the demo guardian's child"));
        String subjectId = child.path("id").asString();
        ObjectNode scope = JSON.createObjectNode();
        scope.set("arenaIds", JSON.createArrayNode().add(arena.path("id").asString()));
        scope.set("parties", arena.path("parties"));
        scope.put("purposeCode", "INTERDISCIPLINARY_DISCUSSION");
        scope.set("informationIncluded", JSON.createArrayNode().add("LANGUAGE").add("LEARNING"));
        scope.set("informationExcluded", JSON.createArrayNode().add("HEALTH_RECORD"));
        ObjectNode consent = JSON.createObjectNode().put("legalArea", "EDUCATION");
        consent.set("decidedBy", JSON.createObjectNode().set("guardianIds",
                JSON.createArrayNode().add(child.path("guardians").path(0).path("guardianId").asString())));
        consent.set("scope", scope);
        consent.set("evidence", JSON.createObjectNode().put("type", "SIGNED_FORM").put("reference", "Demo-arkiv 2026/1"));
        String consentId = JSON.readTree(send(post(Service.CONSENT.baseUrl() + "/subjects/" + subjectId + "/consents", coordinator, consent),
                Set.of(), "the demo child's consent")).path("id").asString();

        ObjectNode named = (ObjectNode) JSON.readTree("""
                {"referrerUnit": "Barnebo barnehage", "referrerUnitType": "KINDERGARTEN", "ageBand": "0-5",
                 "themes": ["LANGUAGE"], "preventionLevel": "YELLOW", "guardiansAttend": true,
                 "measuresTried": [{"description": "Språkgruppe to gonger i veka", "period": "haust 2026", "effect": "Litt betre"}],
                 "description": "Foreldra og barnehagen ønskjer å drøfte språkutviklinga saman med helsestasjonen.",
                 "subject": {"name": "Sofie Demodatter", "birthDate": "2021-04-12"}}""");
        named.put("arenaId", arena.path("id").asString()).put("consentId", consentId);
        String referralId = JSON.readTree(sendWhenKnown(post(Service.REFERRAL.baseUrl() + "/referrals", referrer, named),
                "the demo child's named referral")).path("id").asString();
        sendWhenKnown(post(Service.REFERRAL.baseUrl() + "/referrals/" + referralId + "/accept", coordinator, JSON.createObjectNode()),
                "accepting the named referral");
        return send(get(Service.REFERRAL.baseUrl() + "/referrals/" + referralId + "/personal-data?purpose=INTAKE_ASSESSMENT", coordinator),
                Set.of(), "the coordinator's read of the named referral");
    }

    /**
     * The demo youth ("youth") is a child of 16 in Aukra, registered with their own login the way the demo guardian's is:
     * by the coordinator, who is related to the child. At 16 the youth decides alone about health, so their own health
     * consent is in their view and can be withdrawn there; the guardian's consent about school is not (the youth decides
     * about school from 18). The coordinator reads the consents once, so there is a read to account for.
     */
    private String youthDemo(JsonNode healthArena, JsonNode schoolArena) {
        String coordinator = accessToken(http, "demo-coordinator", "demo");
        JsonNode child = JSON.readTree(send(post(Service.CONSENT.baseUrl() + "/subjects", coordinator, JSON.readTree("""
                {"name": "Emil Demosen", "birthDate": "2010-03-05", "youthUserId": "youth",
                 "guardians": [{"name": "Per Demosen", "email": "per.demosen@aukra.example", "parentalResponsibility": true,
                                "language": "nn"}]}""")), Set.of(), "the demo youth"));
        String subjectId = child.path("id").asString();
        ObjectNode health = consentOn(healthArena, "HEALTH", JSON.createObjectNode().put("youth", true), "HEALTH", "Demo-arkiv 2026/2");
        send(post(Service.CONSENT.baseUrl() + "/subjects/" + subjectId + "/consents", coordinator, health), Set.of(),
                "the demo youth's own consent");
        ObjectNode guardian = JSON.createObjectNode();
        guardian.set("guardianIds", JSON.createArrayNode().add(child.path("guardians").path(0).path("guardianId").asString()));
        send(post(Service.CONSENT.baseUrl() + "/subjects/" + subjectId + "/consents", coordinator,
                consentOn(schoolArena, "EDUCATION", guardian, "LEARNING", "Demo-arkiv 2026/3")), Set.of(), "the demo youth's guardian's consent");
        return send(get(Service.CONSENT.baseUrl() + "/subjects/" + subjectId + "/consents", coordinator), Set.of(),
                "the coordinator's read of the demo youth's consents");
    }

    /** A consent for one arena and its services, decided by whom the body says, on a signed form. */
    private static ObjectNode consentOn(JsonNode arena, String legalArea, ObjectNode decidedBy, String information, String reference) {
        ObjectNode scope = JSON.createObjectNode();
        scope.set("arenaIds", JSON.createArrayNode().add(arena.path("id").asString()));
        scope.set("parties", arena.path("parties"));
        scope.put("purposeCode", "INTERDISCIPLINARY_DISCUSSION");
        scope.set("informationIncluded", JSON.createArrayNode().add(information));
        scope.set("informationExcluded", JSON.createArrayNode().add("HEALTH_RECORD"));
        ObjectNode consent = JSON.createObjectNode().put("legalArea", legalArea);
        consent.set("decidedBy", decidedBy);
        consent.set("scope", scope);
        consent.set("evidence", JSON.createObjectNode().put("type", "SIGNED_FORM").put("reference", reference));
        return consent;
    }

    /** The leaders' fixed agenda (Giske) has something on it: a system case followed up, and a deviation report. */
    private String leadersAgenda(String referrer) {
        String leader = accessToken(http, "demo-leader", "demo");
        String systemCase = JSON.readTree(send(post(Service.REFERRAL.baseUrl() + "/system-cases", leader, JSON.readTree("""
                {"category": "ARENA_GAP", "title": "Ingen arena for ungdom mellom 16 og 18 år",
                 "description": "Ungdom som har gått ut av ungdomsskulen, har ingen fast arena å bli drøfta i."}""")),
                Set.of(), "a system case")).path("id").asString();
        send(post(Service.REFERRAL.baseUrl() + "/system-cases/" + systemCase + "/follow-ups", leader, JSON.readTree("""
                {"note": "Rektor ved vidaregåande skule og NAV er inviterte til neste møte i samhandlingsteamet."}""")),
                Set.of(), "a follow-up of the system case");
        ObjectNode deviation = (ObjectNode) JSON.readTree("""
                {"category": "MEETING_WITHOUT_MINUTES", "unitType": "SCHOOL",
                 "whatHappened": "Møtet i skuleteamet vart halde utan at det vart skrive referat."}""");
        deviation.put("occurredOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).minusDays(3).toString());
        return send(post(Service.REFERRAL.baseUrl() + "/deviations", referrer, deviation), Set.of(), "a deviation report");
    }

    private JsonNode arenaById(String token, String arenaId) {
        return JSON.readTree(send(get(Service.ARENA.baseUrl() + "/arenas/" + arenaId, token), Set.of(), "arena " + arenaId));
    }

    /** The catalogue file with every row naming the coordinator, as a municipality's own overview would. */
    static JsonNode namingCoordinator(JsonNode catalogue, String coordinatorUserId) {
        ObjectNode named = (ObjectNode) catalogue.deepCopy();
        named.path("arenas").forEach(arena -> ((ObjectNode) arena).put("coordinatorUserId", coordinatorUserId));
        return named;
    }

    /**
     * The places in every arena of the catalogue, one request chain per arena: each grant with its grantor's own token and
     * for the arena's first party, in order (the coordinator adds the members once appointed); 409 means the place was
     * granted by an earlier, interrupted load.
     */
    private List<Callable<String>> enrolments(JsonNode catalogue, Map<String, String> arenaIds, List<Grant> grants) {
        Map<String, String> tokens = new HashMap<>();
        for (Grant grant : grants) {
            tokens.computeIfAbsent(grant.grantor(), grantor -> accessToken(http, "demo-" + grantor, "demo"));
        }
        List<Callable<String>> chains = new ArrayList<>();
        for (JsonNode arena : catalogue.path("arenas")) {
            String arenaId = arenaIds.get(arena.path("externalKey").asString());
            String party = arena.path("parties").path(0).asString();
            chains.add(() -> {
                for (Grant grant : grants) {
                    ObjectNode body = JSON.createObjectNode().put("userId", grant.userId()).put("party", party).put("role", grant.role());
                    if (DEMO_CONTACTS.containsKey(grant.userId())) {
                        body.set("contact", JSON.valueToTree(DEMO_CONTACTS.get(grant.userId())));
                    }
                    send(post(Service.ARENA.baseUrl() + "/arenas/" + arenaId + "/members", tokens.get(grant.grantor()), body), Set.of(409),
                            "membership of " + grant.userId() + " in " + arena.path("externalKey").asString());
                }
                return arenaId;
            });
        }
        return chains;
    }

    /**
     * referral-service learns of arenas from arena.events and of consents from consent.events, a moment after
     * they are made: until then it answers that the arena or consent is unknown (400 naming arenaId or consentId),
     * and the loader tries again, for a while. So it does while the coordinator's membership, which makes the
     * case visible to them, has not arrived yet (404).
     */
    private String sendWhenKnown(HttpRequest request, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                boolean notYetKnown = response.statusCode() == 404 || response.statusCode() == 400
                        && (response.body().contains("arenaId\"") || response.body().contains("\"consentId\""));
                if (!notYetKnown || System.nanoTime() > deadline) {
                    if (response.statusCode() / 100 != 2) {
                        throw new LocalSystemException("Demo data: POST " + request.uri() + " (" + what + ") answered "
                                + response.statusCode() + "\n" + response.body());
                    }
                    return response.body();
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new LocalSystemException("Demo data: POST " + request.uri() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalSystemException("Interrupted while loading demo data", e);
            }
        }
    }

    private Map<String, String> arenaIdsByExternalKey(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Service.ARENA.baseUrl() + "/arenas"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode body = JSON.readTree(send(request, Set.of(), "arena list"));
        Map<String, String> ids = new HashMap<>();
        for (JsonNode arena : body) {
            ids.put(arena.path("externalKey").asString(), arena.path("id").asString());
        }
        return ids;
    }

    /** Client credentials grant against the local authorization server; demo clients all have secret "demo". */
    static String accessToken(HttpClient http, String clientId, String secret) {
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalSystem.AUTH_ISSUER + "/oauth2/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)))
                .build();
        String body = send(http, request, Set.of(), "token for " + clientId);
        String token = JSON.readTree(body).path("access_token").asString("");
        if (token.isEmpty()) {
            throw new LocalSystemException("Demo data: the token response for " + clientId + " has no access_token");
        }
        return token;
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .GET()
                .build();
    }

    private static HttpRequest put(String url, String token, JsonNode body) {
        return withBody("PUT", url, token, body);
    }

    private static HttpRequest post(String url, String token, JsonNode body) {
        return withBody("POST", url, token, body);
    }

    private static HttpRequest withBody(String method, String url, String token, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    private String send(HttpRequest request, Set<Integer> alsoAccepted, String what) {
        return send(http, request, alsoAccepted, what);
    }

    /** Any status other than 2xx (or one accepted explicitly) fails the load, showing the problem details. */
    private static String send(HttpClient http, HttpRequest request, Set<Integer> alsoAccepted, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2 && !alsoAccepted.contains(status)) {
                throw new LocalSystemException("Demo data: " + request.method() + " " + request.uri() + " (" + what
                        + ") answered " + status + "\n" + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new LocalSystemException("Demo data: " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while loading demo data", e);
        }
    }
}
