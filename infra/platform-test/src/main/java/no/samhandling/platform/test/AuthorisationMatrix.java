package no.samhandling.platform.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix of one service: every endpoint the application maps (taken from its own
 * {@link RequestMappingHandlerMapping}, pages included) is called by every caller, each role in
 * each standing towards the resources (own, related, unrelated, another municipality), each
 * service scope, and nobody without a token, and the answer is held against the one table of rules
 * the service's test declares. An endpoint the table has no rule for fails the test before anything
 * is called, and so does a rule for an endpoint that no longer exists.
 *
 * <pre>
 * AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, roles).scopes("contacts", "audit")
 *         .withPlatformEndpoints();
 * matrix.on("GET /subjects/{subjectId}").rule(Rule.roles("REFERRER", "COORDINATOR", "MEMBER").when(OWN, RELATED));
 * matrix.on("POST /subjects").body("{...}").rule(Rule.roles("REFERRER", "COORDINATOR", "MEMBER").always());
 * matrix.verify(world);
 * </pre>
 *
 * What "allowed" means here is that the request got past access control: any answer but 401, 403,
 * 404 and 5xx (a 400 or 409 says the service judged the request itself). Refused callers are tried
 * first on each endpoint and allowed ones after, and the {@link World} prepares fresh resources per
 * endpoint, so that one allowed call that changes state (a withdrawal, an erasure) does not change
 * what the next endpoint's callers meet.
 */
public final class AuthorisationMatrix {

    /** How a caller stands towards the resources the world prepared. */
    public enum Standing {
        /** Theirs: the registrar of the child, the referrer of the case, the guardian of the child. */
        OWN,
        /** Related through another verified relationship, such as membership of the arena. */
        RELATED,
        /** The same municipality and role, and no relationship at all. */
        UNRELATED,
        /** Another municipality. */
        OTHER_MUNICIPALITY
    }

    /** What the table expects a caller to meet. */
    public enum Expected {
        ALLOWED,
        /** 404: not even existence is disclosed. */
        HIDDEN,
        FORBIDDEN,
        UNAUTHENTICATED;

        boolean matches(int status) {
            return switch (this) {
                case ALLOWED -> status < 500 && status != 401 && status != 403 && status != 404;
                case HIDDEN -> status == 404;
                case FORBIDDEN -> status == 403;
                case UNAUTHENTICATED -> status == 401;
            };
        }
    }

    /**
     * One caller: a person with a role in a standing, a service with one scope, or nobody.
     *
     * @param role a role name, for a person
     * @param standing the person's standing towards the prepared resources
     * @param scope the scope, for a service
     */
    public record Caller(String role, Standing standing, String scope) {

        public static final Caller NO_TOKEN = new Caller(null, null, null);

        public static Caller person(String role, Standing standing) {
            return new Caller(Objects.requireNonNull(role), Objects.requireNonNull(standing), null);
        }

        public static Caller service(String scope) {
            return new Caller(null, null, Objects.requireNonNull(scope));
        }

        public boolean isPerson() {
            return role != null;
        }

        @Override
        public String toString() {
            return role != null ? role + "/" + standing : scope != null ? "service[" + scope + "]" : "no token";
        }
    }

    /** One endpoint, as {@code "GET /subjects/{subjectId}"}. */
    public record Endpoint(String method, String path) {

        static Endpoint parse(String endpoint) {
            String[] parts = endpoint.strip().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("An endpoint is written \"METHOD /path\": " + endpoint);
            }
            return new Endpoint(parts[0].toUpperCase(java.util.Locale.ROOT), parts[1]);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What the service's test provides: the resources each endpoint is tried on, and the callers' tokens. */
    public interface World {

        /**
         * Fresh resources for one endpoint. The values fill the endpoint's path variables, query and
         * body by name: {@code {subjectId}}.
         */
        Map<String, String> prepare(Endpoint endpoint);

        /** The token of a person or a service, standing as the caller says towards what was prepared. */
        String token(Caller caller, Map<String, String> prepared);
    }

    /**
     * The token of a caller that is not a person: none for {@link Caller#NO_TOKEN}, Prometheus' own for
     * the {@code metrics} scope, otherwise a service's client-credentials token with its one scope.
     */
    public static String machineToken(Caller caller) {
        if (caller.isPerson()) {
            throw new IllegalArgumentException(caller + " is a person");
        }
        if (caller.scope() == null) {
            return null;
        }
        return caller.scope().equals("metrics") ? TestTokens.metricsToken() : TestTokens.serviceToken("matrix-service", caller.scope());
    }

    /** Who gets in at one endpoint. Roles without a rule are refused (403) by the role gate. */
    public static final class Rule {

        private final Map<String, Set<Standing>> standingsByRole = new LinkedHashMap<>();
        private final Set<String> scopes = new LinkedHashSet<>();
        private final Map<String, Expected> exceptions = new HashMap<>();
        private boolean open;
        private List<String> pending = List.of();

        private Rule() {
        }

        /** These roles pass the role gate; say next in which standings they get in ({@link #when}, {@link #always}). */
        public static Rule roles(String... roles) {
            return new Rule().and(roles);
        }

        /** Only services with one of these scopes. */
        public static Rule scopes(String... scopes) {
            Rule rule = new Rule();
            rule.scopes.addAll(List.of(scopes));
            return rule;
        }

        /** No token needed: everyone gets in. */
        public static Rule open() {
            Rule rule = new Rule();
            rule.open = true;
            return rule;
        }

        /** More roles, with standings of their own. */
        public Rule and(String... roles) {
            pending = List.of(roles);
            return this;
        }

        /** The roles just named get in when they stand so towards the resource; otherwise it does not exist for them. */
        public Rule when(Standing... standings) {
            for (String role : pending) {
                standingsByRole.put(role, Set.of(standings));
            }
            pending = List.of();
            return this;
        }

        /** The roles just named get in whatever their standing (no relation is needed, or the answer is their own). */
        public Rule always() {
            return when(Standing.values());
        }

        /** And services with these scopes. */
        public Rule orScopes(String... more) {
            scopes.addAll(List.of(more));
            return this;
        }

        /** One caller meets something else than the rule says, such as a member who sees a case but may not move it (403). */
        public Rule except(String role, Standing standing, Expected expected) {
            exceptions.put(role + "/" + standing, expected);
            return this;
        }

        Expected expected(Caller caller) {
            if (open) {
                return Expected.ALLOWED;
            }
            if (caller.equals(Caller.NO_TOKEN)) {
                return Expected.UNAUTHENTICATED;
            }
            if (!caller.isPerson()) {
                return scopes.contains(caller.scope()) ? Expected.ALLOWED : Expected.FORBIDDEN;
            }
            Expected exception = exceptions.get(caller.toString());
            if (exception != null) {
                return exception;
            }
            Set<Standing> standings = standingsByRole.get(caller.role());
            if (standings == null) {
                return Expected.FORBIDDEN;
            }
            return standings.contains(caller.standing()) ? Expected.ALLOWED : Expected.HIDDEN;
        }

        void requireComplete(Endpoint endpoint) {
            if (!pending.isEmpty()) {
                throw new IllegalStateException(endpoint + ": say when roles " + pending + " get in (when(...) or always())");
            }
        }
    }

    /** One row of the table: the rule, and how to call the endpoint. */
    public final class Entry {

        private final Endpoint endpoint;
        private Rule rule;
        private String query;
        private String body;
        private boolean form;
        private boolean freshPerCall;
        private Map<String, String> values = Map.of();

        private Entry(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** A query string, with {@code {name}} filled from what was prepared: {@code "arenaId={arenaId}"}. */
        public Entry query(String template) {
            this.query = template;
            return this;
        }

        /** A JSON body, with {@code {name}} filled from what was prepared; it must pass validation, or 400 hides the rule. */
        public Entry body(String template) {
            this.body = template;
            return this;
        }

        /** A form post (a page), url-encoded fields with {@code {name}} filled. */
        public Entry form(String template) {
            this.body = template;
            this.form = true;
            return this;
        }

        /**
         * Fresh resources for each allowed call, for an endpoint whose first allowed call takes away
         * what relates the next caller (a withdrawn consent no longer relates its arena's members).
         */
        public Entry freshPerCall() {
            this.freshPerCall = true;
            return this;
        }

        /** Values for path variables that no service's world prepares (the platform's own endpoints). */
        public Entry values(Map<String, String> own) {
            this.values = Map.copyOf(own);
            return this;
        }

        public AuthorisationMatrix rule(Rule who) {
            this.rule = who;
            return AuthorisationMatrix.this;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final ApplicationContext context;
    private final int port;
    private final List<String> roles;
    private final List<String> scopes = new ArrayList<>();
    private final Map<Endpoint, Entry> table = new LinkedHashMap<>();

    private AuthorisationMatrix(ApplicationContext context, int port, List<String> roles) {
        this.context = context;
        this.port = port;
        this.roles = List.copyOf(roles);
    }

    /** The matrix of the application in {@code context}, answering on {@code port}, tried with these roles. */
    public static AuthorisationMatrix of(ApplicationContext context, int port, List<String> roles) {
        return new AuthorisationMatrix(context, port, roles);
    }

    /** The service scopes to try, besides every role and no token. */
    public AuthorisationMatrix scopes(String... more) {
        scopes.addAll(List.of(more));
        return this;
    }

    /** The row of one endpoint, {@code "POST /subjects/{subjectId}/guardians"}. */
    public Entry on(String endpoint) {
        Endpoint parsed = Endpoint.parse(endpoint);
        if (table.containsKey(parsed)) {
            throw new IllegalStateException("Two rules for " + parsed);
        }
        Entry entry = new Entry(parsed);
        table.put(parsed, entry);
        return entry;
    }

    /**
     * The rows of the endpoints every service has from the platform: its own access log, read by
     * the municipality's privacy officer (each their own municipality's) and by services with the
     * {@code audit} scope, and its consumers' dead letters, for its administrators.
     */
    public AuthorisationMatrix withPlatformEndpoints() {
        on("GET /access-log/verify").rule(Rule.roles("PRIVACY_OFFICER").always().orScopes("audit"));
        on("GET /access-log/entries").query("from=2026-01-01&to=2026-12-31")
                .rule(Rule.roles("PRIVACY_OFFICER").always().orScopes("audit"));
        on("GET /access-log/reads").query("subjectId=matrix-child").rule(Rule.scopes("audit"));
        // The consumers' dead letters: the service's administrators only. A dead letter that does not
        // exist (the matrix names none) is 404 to them, past the role gate, and 403 to everyone else.
        Map<String, String> noDeadLetter = Map.of("topic", "arena.events.nobody.dlq", "partition", "0", "offset", "0");
        on("GET /admin/dead-letters").rule(Rule.roles("ADMIN").always());
        on("GET /admin/dead-letters/{topic}/{partition}/{offset}").values(noDeadLetter).rule(Rule.roles("ADMIN").when());
        on("POST /admin/dead-letters/{topic}/{partition}/{offset}/replay").values(noDeadLetter).rule(Rule.roles("ADMIN").when());
        on("POST /admin/dead-letters/{topic}/replay").values(noDeadLetter).rule(Rule.roles("ADMIN").when());
        return this;
    }

    /** Every endpoint the application maps, but Spring's own error endpoint. */
    public Set<Endpoint> mappedEndpoints() {
        Set<Endpoint> endpoints = new TreeSet<>(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String path : info.getPatternValues()) {
                    if (path.equals("/error")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", path));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method.name(), path));
                    }
                }
            }
        }
        return endpoints;
    }

    /** Calls every endpoint as every caller and fails with every answer that is not what the table says. */
    public void verify(World world) {
        Set<Endpoint> mapped = mappedEndpoints();
        List<String> withoutRule = mapped.stream().filter(endpoint -> !table.containsKey(endpoint)).map(Endpoint::toString).toList();
        List<String> stale = table.keySet().stream().filter(endpoint -> !mapped.contains(endpoint)).map(Endpoint::toString).toList();
        if (!withoutRule.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError("The authorisation table does not match the application's endpoints."
                    + (withoutRule.isEmpty() ? "" : "\nEndpoints without a rule: " + withoutRule)
                    + (stale.isEmpty() ? "" : "\nRules for endpoints that do not exist: " + stale));
        }
        table.values().forEach(entry -> {
            if (entry.rule == null) {
                throw new IllegalStateException(entry.endpoint + " has no rule");
            }
            entry.rule.requireComplete(entry.endpoint);
        });
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : mapped) {
            Entry entry = table.get(endpoint);
            Map<String, String> prepared = world.prepare(endpoint);
            Map<Expected, List<Caller>> byExpectation = new EnumMap<>(Expected.class);
            for (Caller caller : callers()) {
                byExpectation.computeIfAbsent(entry.rule.expected(caller), expected -> new ArrayList<>()).add(caller);
            }
            // Refused callers first: an allowed call may change the state the others would meet.
            for (Expected expected : List.of(Expected.UNAUTHENTICATED, Expected.FORBIDDEN, Expected.HIDDEN, Expected.ALLOWED)) {
                for (Caller caller : byExpectation.getOrDefault(expected, List.of())) {
                    if (expected == Expected.ALLOWED && entry.freshPerCall) {
                        prepared = world.prepare(endpoint);
                    }
                    HttpApi.Response response = call(entry, prepared, world.token(caller, prepared));
                    calls++;
                    if (!expected.matches(response.status())) {
                        mismatches.add(endpoint + " as " + caller + ": expected " + expected + ", got " + response.status()
                                + " " + abbreviated(response.body()));
                    }
                }
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + calls + " calls were not answered as the table says:\n"
                    + String.join("\n", mismatches));
        }
    }

    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (String role : roles) {
            for (Standing standing : Standing.values()) {
                callers.add(Caller.person(role, standing));
            }
        }
        for (String scope : scopes) {
            callers.add(Caller.service(scope));
        }
        callers.add(Caller.NO_TOKEN);
        return callers;
    }

    private HttpApi.Response call(Entry entry, Map<String, String> prepared, String token) {
        Map<String, String> values = new HashMap<>(entry.values);
        values.putAll(prepared);
        String path = fill(entry.endpoint.path(), values, entry.endpoint) + (entry.query == null ? "" : "?" + fill(entry.query, values, entry.endpoint));
        HttpApi api = token == null ? HttpApi.at(port) : HttpApi.at(port).as(token);
        String body = entry.body == null ? "" : fill(entry.body, values, entry.endpoint);
        return switch (entry.endpoint.method()) {
            case "GET" -> api.get(path);
            case "POST" -> entry.form ? api.postForm(path, body) : api.post(path, body);
            case "PUT" -> api.put(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalStateException("No way to call " + entry.endpoint.method());
        };
    }

    private static String fill(String template, Map<String, String> prepared, Endpoint endpoint) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = prepared.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(endpoint + ": the world prepared no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String abbreviated(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
