package no.samhandling.reporting.figures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import no.samhandling.reporting.projection.Counters;
import no.samhandling.reporting.projection.Generation;
import no.samhandling.reporting.projection.Metric;

/** Reads raw counters of one generation. Its results never leave the service without disclosure control. */
@Component
class FigureReader {

    private final MongoTemplate mongo;

    FigureReader(MongoTemplate mongo) {
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

    /** A stock kept under {@link Counters#NOW}, per key. */
    Map<String, Long> now(Generation generation, String municipality, Metric metric) {
        Map<String, Long> counts = new TreeMap<>();
        mongo.getCollection(generation.counters())
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("metric", metric.name()),
                        Filters.eq("month", Counters.NOW)))
                .forEach(document -> counts.put(document.getString("key"), Math.max(0, count(document))));
        return counts;
    }

    /** Active arenas' titles by arena id; retired arenas are left out unless they have figures. */
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
