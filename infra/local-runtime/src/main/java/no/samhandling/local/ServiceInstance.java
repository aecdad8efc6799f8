package no.samhandling.local;

/**
 * One running copy of a service. The first copy is the service itself, on its fixed port; copy n (from 2) listens on
 * the fixed port plus {@value #PORT_STEP} · (n − 1) and shares everything else with the first: its MongoDB database,
 * its Kafka user and consumer groups (so the copies split the partitions), its leases.
 */
public record ServiceInstance(Service service, int number) {

    static final int PORT_STEP = 100;

    public ServiceInstance {
        if (number < 1 || number > Instances.MAX) {
            throw new IllegalArgumentException("instance number of " + service.artifactId() + " must be 1 to " + Instances.MAX);
        }
    }

    /** The process, log and pid file name: the artifact id, with the copy's number from the second on. */
    public String name() {
        return number == 1 ? service.artifactId() : service.artifactId() + "-" + number;
    }

    public int port() {
        return service.port() + PORT_STEP * (number - 1);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }
}
