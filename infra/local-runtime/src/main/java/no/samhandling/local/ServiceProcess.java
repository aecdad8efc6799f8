package no.samhandling.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import no.samhandling.kafka.KafkaCredentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One Spring Boot service running from its exec jar as a child JVM. */
final class ServiceProcess {

    /** Spring Boot's graceful shutdown finishes in-flight requests and stops its consumers within this. */
    static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceInstance instance;
    private final ChildProcess process;
    private final long startedAt = System.nanoTime();
    private volatile Duration healthyAfter;

    private ServiceProcess(ServiceInstance instance, ChildProcess process) {
        this.instance = instance;
        this.process = process;
    }

    /** Starts the instance from its trained cache where {@code jars} has a usable one, or else from its executable jar. */
    static ServiceProcess start(ServiceInstance instance, ServiceJars jars, DataLayout layout) {
        Service service = instance.service();
        List<String> command = ServiceJvm.command(ChildProcess.javaBinary(), service, jars.jar(service), jars.cache(service));
        return new ServiceProcess(instance, ChildProcess.start(instance.name(), command, environment(instance, layout), layout));
    }

    /** Environment overrides of each service's application.yml, pointing it at the local infrastructure. */
    static Map<String, String> environment(ServiceInstance instance, DataLayout layout) {
        Service service = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(instance.port()));
        env.put("SAMHANDLING_SECURITY_ISSUER", LocalSystem.AUTH_ISSUER);
        if (service == Service.AUTH_SERVER) {
            env.put("SAMHANDLING_AUTH_ISSUER", LocalSystem.AUTH_ISSUER);
            // The signing key survives restarts, so tokens issued before a restart stay valid.
            env.put("SAMHANDLING_AUTH_KEY_FILE", layout.authKeyFile().toString());
            return env;
        }
        if (service == Service.GATEWAY) {
            // The route table's defaults already name the services' fixed local ports.
            return env;
        }
        env.put("SAMHANDLING_SECURITY_JWK_SET_URI", LocalSystem.AUTH_ISSUER + "/oauth2/jwks");
        env.put("SPRING_MONGODB_URI", MongoWireServer.uri() + "/" + service.artifactId());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.BOOTSTRAP_SERVERS);
        // The Kafka binder of Spring Cloud Stream reads its own property when it is set anywhere.
        env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", KafkaBroker.BOOTSTRAP_SERVERS);
        // Each service keeps its own per-child keys, all wrapped under this one local master key.
        env.put("SAMHANDLING_PERSONAL_DATA_MASTER_KEY", layout.masterKey());
        // Its own Kafka user (KafkaAccess), with a password made on first start.
        KafkaCredentials kafka = layout.kafkaCredentials(service.artifactId());
        env.put("SAMHANDLING_KAFKA_USERNAME", kafka.username());
        env.put("SAMHANDLING_KAFKA_PASSWORD", kafka.password());
        if (service == Service.REFERRAL) {
            // The demo data dates its past cases in the months before today (never possible in production).
            env.put("SAMHANDLING_REFERRAL_DEMO_HISTORY_ENABLED", "true");
        }
        // The demo secret of each service's own client at the local authorization server.
        env.put("SAMHANDLING_SERVICE_IDENTITY_CLIENT_SECRET", "demo");
        return env;
    }

    Service service() {
        return instance.service();
    }

    ServiceInstance instance() {
        return instance;
    }

    ChildProcess process() {
        return process;
    }

    /** From the start of its JVM until its health first answered UP; null until then. */
    Duration healthyAfter() {
        return healthyAfter;
    }

    /** True once actuator health answers 200 with status UP. */
    boolean isHealthy(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.healthUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
        } catch (java.io.IOException | JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while waiting for " + instance.name(), e);
        }
    }

    /**
     * Polls all services until each is UP; fails as soon as one exits, or at the deadline, naming the
     * service and showing the end of its log.
     */
    static void awaitHealthy(List<ServiceProcess> services, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (!waiting.isEmpty()) {
                for (var iterator = waiting.iterator(); iterator.hasNext(); ) {
                    ServiceProcess service = iterator.next();
                    if (!service.process.isAlive()) {
                        throw new LocalSystemException(service.instance.name() + " exited with code "
                                + service.process.exitValue() + " while starting\n" + service.process.tail());
                    }
                    if (service.isHealthy(http)) {
                        service.healthyAfter = Duration.ofNanos(System.nanoTime() - service.startedAt);
                        progress.accept(String.format("%s is up on port %d (%.1f s)", service.instance.name(),
                                service.instance.port(), service.healthyAfter.toNanos() / 1e9));
                        iterator.remove();
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    StringBuilder message = new StringBuilder("Timed out after " + timeout.toSeconds() + " s:");
                    for (ServiceProcess late : waiting) {
                        message.append("\n").append(late.instance.name()).append(" did not report UP on ")
                                .append(late.instance.healthUrl()).append("\n").append(late.process.tail());
                    }
                    throw new LocalSystemException(message.toString());
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSystemException("Interrupted while waiting for the services", e);
        }
    }
}
