package no.samhandling.consent.accesslog;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import no.samhandling.platform.access.AccessLog;
import no.samhandling.platform.access.AccessLogEntry;
import no.samhandling.platform.access.ChainCheck;
import no.samhandling.platform.client.ServiceClients;

/**
 * The access logs of every service that reads a child's data, in one place: this service's own,
 * and those of the services named in {@code samhandling.access-log.sources} (each a
 * {@code samhandling.clients.<name>}), asked with this service's token (scope {@code audit}). Each
 * service keeps its own log and chain, so no service can write another's; this only reads them.
 * When one service does not answer, the whole answer is unavailable rather than silently short.
 */
@Component
public class AccessLogs {

    static final ZoneId DAYS = ZoneId.of("Europe/Oslo");
    private static final ParameterizedTypeReference<List<AccessLogEntry>> ENTRIES = new ParameterizedTypeReference<>() {
    };

    private final AccessLog own;
    private final ServiceClients clients;
    private final List<String> sources;

    AccessLogs(AccessLog own, ServiceClients clients, Environment environment) {
        this.own = own;
        this.clients = clients;
        this.sources = Binder.get(environment).bind("samhandling.access-log.sources", Bindable.listOf(String.class)).orElse(List.of());
    }

    /**
     * Every read of the child's data in every service, of the child's municipality, newest first. This service logs the
     * child by its id, the others by the id it goes by outside consent-service, its topic id.
     */
    public List<AccessLogEntry> readsOf(String municipality, String subjectId, String topicId) {
        List<AccessLogEntry> reads = new ArrayList<>(own.readsOf(subjectId));
        for (String source : sources) {
            reads.addAll(fetch(source, uri -> uri.path("/access-log/reads").queryParam("subjectId", topicId).build()));
        }
        return reads.stream().filter(read -> municipality.equals(read.municipality()))
                .sorted(Comparator.comparing(AccessLogEntry::at).reversed()).toList();
    }

    /**
     * Every entry of the municipality from the first to the last day (both included) in every service, oldest first.
     *
     * @param complete false when a service had more entries than it gives in one answer
     */
    public record Period(List<AccessLogEntry> entries, boolean complete) {
    }

    public Period between(String municipality, LocalDate from, LocalDate to) {
        List<List<AccessLogEntry>> parts = new ArrayList<>();
        parts.add(own.between(municipality, from.atStartOfDay(DAYS).toInstant(), to.plusDays(1).atStartOfDay(DAYS).toInstant()));
        for (String source : sources) {
            parts.add(fetch(source, uri -> uri.path("/access-log/entries").queryParam("municipality", municipality)
                    .queryParam("from", from).queryParam("to", to).build()));
        }
        boolean complete = parts.stream().allMatch(part -> part.size() < AccessLog.QUERY_LIMIT);
        return new Period(parts.stream().flatMap(List::stream).sorted(Comparator.comparing(AccessLogEntry::at)).toList(), complete);
    }

    /** The chain check of the municipality's log in every service. */
    public List<ChainCheck> verify(String municipality) {
        List<ChainCheck> checks = new ArrayList<>();
        checks.add(own.verify(municipality));
        for (String source : sources) {
            try {
                checks.add(clients.client(source).get()
                        .uri(uri -> uri.path("/access-log/verify").queryParam("municipality", municipality).build())
                        .retrieve().body(ChainCheck.class));
            } catch (RestClientException | IllegalStateException e) {
                throw new AccessLogsUnavailableException(source, e);
            }
        }
        return checks;
    }

    private List<AccessLogEntry> fetch(String source, Function<UriBuilder, URI> uri) {
        try {
            List<AccessLogEntry> entries = clients.client(source).get().uri(uri).retrieve().body(ENTRIES);
            return entries == null ? List.of() : entries;
        } catch (RestClientException | IllegalStateException e) {
            throw new AccessLogsUnavailableException(source, e);
        }
    }
}
