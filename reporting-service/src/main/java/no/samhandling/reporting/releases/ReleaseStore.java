package no.samhandling.reporting.releases;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import no.samhandling.reporting.disclosure.Cell;
import no.samhandling.reporting.disclosure.Flag;

/**
 * Releases as published ({@code figure_releases}), the counts each was made from
 * ({@code figure_release_bases}, aggregates only, never served) and the running month's daily
 * figure ({@code running_months}). None of them belongs to a projection generation: a rebuild
 * never changes what was published. A release is written once, under its municipality and period;
 * when two instances make the same release, the first one written is the release.
 */
@Component
class ReleaseStore {

    static final String RELEASES = "figure_releases";
    static final String BASES = "figure_release_bases";
    static final String RUNNING = "running_months";

    private final MongoTemplate mongo;

    ReleaseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new release and its counts; false when it was there already. */
    boolean insert(ReleaseBuilder.Stored stored) {
        String id = id(stored.release().municipality(), stored.release().period());
        try {
            // The counts first: a release without them could not be built on.
            mongo.getCollection(BASES).replaceOne(Filters.eq("_id", id), base(id, stored),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
            mongo.getCollection(RELEASES).insertOne(document(id, stored.release()));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<Release> release(String municipality, String period) {
        return Optional.ofNullable(mongo.getCollection(RELEASES).find(Filters.eq("_id", id(municipality, period))).first())
                .map(ReleaseStore::release);
    }

    /** The releases of a year, in publication order. */
    List<Release> releases(String municipality, int year) {
        List<Release> releases = new ArrayList<>();
        mongo.getCollection(RELEASES).find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("year", year)))
                .forEach(document -> releases.add(release(document)));
        releases.sort((a, b) -> a.releasePeriod().compareTo(b.releasePeriod()));
        return releases;
    }

    /** The releases of a year with the counts each was made from, in publication order. */
    List<ReleaseBuilder.Stored> stored(String municipality, int year) {
        List<ReleaseBuilder.Stored> stored = new ArrayList<>();
        for (Release release : releases(municipality, year)) {
            Document base = mongo.getCollection(BASES).find(Filters.eq("_id", id(municipality, release.period()))).first();
            if (base == null) {
                throw new IllegalStateException("the counts of release " + release.period() + " are missing");
            }
            stored.add(new ReleaseBuilder.Stored(release, values(base, "cells"), values(base, "latents"), values(base, "known")));
        }
        return stored;
    }

    /** Stores the running month's figure of a day unless one is stored; returns the one stored. */
    RunningMonth runningMonth(String municipality, String day, RunningMonth figure) {
        String id = municipality + "|" + day;
        Document existing = mongo.getCollection(RUNNING).find(Filters.eq("_id", id)).first();
        if (existing == null) {
            try {
                mongo.getCollection(RUNNING).insertOne(new Document("_id", id).append("municipality", municipality)
                        .append("month", figure.month()).append("asOf", Date.from(figure.asOf()))
                        .append("atLeast", figure.atLeast()).append("fewerThan", figure.fewerThan())
                        .append("publishedFrom", Date.from(figure.publishedFrom())));
                return figure;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing = mongo.getCollection(RUNNING).find(Filters.eq("_id", id)).first();
            }
        }
        return new RunningMonth(existing.getString("month"), existing.getDate("asOf").toInstant(), longOrNull(existing, "atLeast"),
                longOrNull(existing, "fewerThan"), existing.getDate("publishedFrom").toInstant());
    }

    /** Per month index of the year, the highest "at least" the running month ever showed. */
    Map<Integer, Long> runningLowerBounds(String municipality, int year) {
        Map<Integer, Long> bounds = new LinkedHashMap<>();
        mongo.getCollection(RUNNING).find(Filters.and(Filters.eq("municipality", municipality), Filters.regex("month", "^" + year + "-")))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> {
                    Long atLeast = longOrNull(document, "atLeast");
                    if (atLeast != null) {
                        bounds.merge(Integer.parseInt(document.getString("month").substring(5, 7)) - 1, atLeast, Math::max);
                    }
                });
        return bounds;
    }

    static String id(String municipality, String period) {
        return municipality + "|" + period;
    }

    private static Document base(String id, ReleaseBuilder.Stored stored) {
        return new Document("_id", id).append("cells", entries(stored.cells())).append("latents", entries(stored.latents()))
                .append("known", entries(stored.known()));
    }

    private static List<Document> entries(Map<String, Long> values) {
        return values.entrySet().stream().map(entry -> new Document("id", entry.getKey()).append("value", entry.getValue())).toList();
    }

    private static Map<String, Long> values(Document base, String field) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Document entry : base.getList(field, Document.class, List.of())) {
            values.put(entry.getString("id"), ((Number) entry.get("value")).longValue());
        }
        return values;
    }

    private static Document document(String id, Release release) {
        List<Document> tables = new ArrayList<>();
        for (Release.Table table : release.tables()) {
            tables.add(new Document("id", table.id())
                    .append("rows", table.rows().stream().map(row -> cell(row.cell()).append("key", row.key())).toList())
                    .append("total", table.total() == null ? null : cell(table.total())));
        }
        Document statistics = new Document();
        release.statistics().forEach((name, cell) -> statistics.append(name, cell(cell)));
        return new Document("_id", id).append("municipality", release.municipality()).append("period", release.period())
                .append("year", release.releasePeriod().year()).append("kind", release.kind().name())
                .append("publishedAt", Date.from(release.publishedAt())).append("suppressionThreshold", release.suppressionThreshold())
                .append("minimumBreakdownTotal", release.minimumBreakdownTotal())
                .append("arenas", release.arenas().stream().map(arena -> new Document("id", arena.id()).append("title", arena.title())).toList())
                .append("tables", tables).append("statistics", statistics);
    }

    private static Release release(Document document) {
        List<Release.Table> tables = new ArrayList<>();
        for (Document table : document.getList("tables", Document.class)) {
            List<Release.Row> rows = table.getList("rows", Document.class).stream()
                    .map(row -> new Release.Row(row.getString("key"), cell(row))).toList();
            Document total = table.get("total", Document.class);
            tables.add(new Release.Table(table.getString("id"), rows, total == null ? null : cell(total)));
        }
        Map<String, Cell> statistics = new LinkedHashMap<>();
        Document stored = document.get("statistics", Document.class);
        stored.keySet().forEach(name -> statistics.put(name, cell(stored.get(name, Document.class))));
        return new Release(document.getString("municipality"), document.getString("period"),
                ReleasePeriod.Kind.valueOf(document.getString("kind")), document.getDate("publishedAt").toInstant(),
                document.getInteger("suppressionThreshold"), document.getInteger("minimumBreakdownTotal"),
                document.getList("arenas", Document.class).stream()
                        .map(arena -> new Release.ArenaLabel(arena.getString("id"), arena.getString("title"))).toList(),
                tables, statistics);
    }

    private static Document cell(Cell cell) {
        return new Document("value", cell.value()).append("flag", cell.flag().name());
    }

    private static Cell cell(Document document) {
        Object value = document.get("value");
        Flag flag = Flag.valueOf(document.getString("flag"));
        if (flag != Flag.SHOWN) {
            return flag == Flag.SUPPRESSED ? Cell.SUPPRESSED : Cell.MISSING;
        }
        return value instanceof Double decimal ? Cell.shown(decimal.doubleValue()) : Cell.shown(((Number) value).longValue());
    }

    private static Long longOrNull(Document document, String field) {
        Object value = document.get(field);
        return value == null ? null : ((Number) value).longValue();
    }
}
