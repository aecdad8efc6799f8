package no.samhandling.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many copies of each service the local system runs ({@code --instances referral-service=2,notification-service=2}),
 * one by default. Two copies show what production does with several: shared stores, split partitions, leases.
 */
public record Instances(Map<Service, Integer> counts) {

    static final int MAX = 5;

    public Instances {
        counts = Map.copyOf(counts);
    }

    public static Instances one() {
        return new Instances(Map.of());
    }

    /** @param spec comma-separated {@code artifact-id=count}, each count 1 to {@value #MAX} */
    static Instances parse(String spec) {
        Map<Service, Integer> counts = new EnumMap<>(Service.class);
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--instances takes service=count, e.g. referral-service=2; got: " + entry);
            }
            Service service = Arrays.stream(Service.values())
                    .filter(candidate -> candidate.artifactId().equals(parts[0].trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--instances: unknown service " + parts[0].trim() + "; known: "
                            + Arrays.stream(Service.values()).map(Service::artifactId).collect(Collectors.joining(", "))));
            int count;
            try {
                count = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("--instances: the count of " + service.artifactId() + " must be 1 to " + MAX);
            }
            counts.put(service, count);
        }
        return new Instances(counts);
    }

    public int of(Service service) {
        return counts.getOrDefault(service, 1);
    }

    public Instances with(Service service, int count) {
        Map<Service, Integer> changed = new EnumMap<>(Service.class);
        changed.putAll(counts);
        changed.put(service, count);
        return new Instances(changed);
    }

    /** The service's copies, the first (on the fixed port) first. */
    public List<ServiceInstance> instancesOf(Service service) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (int number = 1; number <= of(service); number++) {
            instances.add(new ServiceInstance(service, number));
        }
        return instances;
    }
}
