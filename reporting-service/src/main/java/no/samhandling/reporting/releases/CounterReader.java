package no.samhandling.reporting.releases;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import no.samhandling.reporting.projection.Generation;
import no.samhandling.reporting.projection.Metric;

/** Reads raw counters of one generation. Only releases read them, and nothing raw leaves the service. */
@Component
class CounterReader {

    private final MongoTemplate mongo;

    CounterReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts per key and month (index 0–11) of one year. */
    Map<String, long[]> monthly(Generation generation, String municipality, Metric metric, int year) {
        Map<String, long[]> counts = new TreeMap<>();
        mongo.getCollection(generation.counters())
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("metric", metric.name()),
                        Filters.regex("month", "^" + year + "-")))
                .forEach(document -> {
                    int month = Integer.parseInt(document.getString("month").substring(5, 7)) - 1;
                    counts.computeIfAbsent(document.getString("key"), key -> new long[12])[month] += count(document);
                });
        return counts;
    }

    /** Counts per key of every month before a year. */
    Map<String, Long> before(Generation generation, String municipality, Metric metric, int year) {
        Map<String, Long> counts = new TreeMap<>();
        mongo.getCollection(generation.counters())
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("metric", metric.name()),
                        Filters.lt("month", year + "-"), Filters.regex("month", "^\\d{4}-\\d{2}$")))
                .forEach(document -> counts.merge(document.getString("key"), count(document), Long::sum));
        return counts;
    }

    /** The first month ({@code yyyy-MM}) the municipality has any figure for, or null. */
    String firstMonth(Generation generation, String municipality) {
        Document first = mongo.getCollection(generation.counters())
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.regex("month", "^\\d{4}-\\d{2}$")))
                .sort(new Document("month", 1)).limit(1).first();
        return first == null ? null : first.getString("month");
    }

    /** Every municipality with figures. */
    Set<String> municipalities(Generation generation) {
        Set<String> municipalities = new LinkedHashSet<>();
        mongo.getCollection(generation.counters()).distinct("municipality", String.class).forEach(municipalities::add);
        return municipalities;
    }

    /** The arenas the catalogue has told of, active or retired, with their current titles. */
    Map<String, Arena> arenas(Generation generation, String municipality) {
        Map<String, Arena> arenas = new LinkedHashMap<>();
        mongo.getCollection(generation.arenas()).find(Filters.eq("municipality", municipality))
                .forEach(document -> arenas.put(document.getString("arenaId"),
                        new Arena(document.getString("arenaId"), document.getString("title"), document.getBoolean("retired", false))));
        return arenas;
    }

    private static long count(Document document) {
        return ((Number) document.get("count")).longValue();
    }

    record Arena(String id, String title, boolean retired) {
    }
}
