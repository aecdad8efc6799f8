package no.samhandling.arena.catalogue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import no.samhandling.platform.web.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a municipality's whole arena overview (see {@code catalogues/README.md}). Every row is checked, against
 * the file and against the stored catalogue, before anything is written: one bad row rejects the whole file with
 * a report naming every problem, so an overview is never left half-imported. Rows are matched to arenas by
 * external key, which makes importing the same file again a no-op that raises no events.
 */
@Service
class CatalogueImporter {

    static final URI REJECTED = Problems.type("import-rejected");

    private final ArenaCatalogue catalogue;
    private final JsonMapper json;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    CatalogueImporter(ArenaCatalogue catalogue, JsonMapper json, Validator validator, MessageSource messages, Clock clock) {
        this.catalogue = catalogue;
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    ImportReport importCatalogue(Caller writer, JsonNode file) {
        String municipality = writer.municipality();
        List<ImportReport.RowError> errors = new ArrayList<>();
        JsonNode municipalityNode = file.path("municipality");
        if (!municipalityNode.isString() || !municipality.equals(municipalityNode.asString())) {
            errors.add(new ImportReport.RowError(null, null, "municipality", text("arena.import.municipality", municipality)));
        }
        JsonNode rowsNode = file.path("arenas");
        if (!rowsNode.isArray() || rowsNode.isEmpty()) {
            errors.add(new ImportReport.RowError(null, null, "arenas", text("arena.import.no-rows")));
            throw rejected(municipality, List.of(), errors, 0);
        }

        Map<String, Arena> stored = catalogue.byExternalKey(municipality);
        List<RegisterArena> parsed = new ArrayList<>();
        Map<String, Integer> firstRowByKey = new HashMap<>();
        for (int index = 0; index < rowsNode.size(); index++) {
            RegisterArena row = readRow(index, rowsNode.get(index), writer.subject(), errors);
            parsed.add(row);
            if (row == null) {
                continue;
            }
            Integer first = firstRowByKey.putIfAbsent(row.externalKey(), index);
            if (first != null) {
                errors.add(error(index, row.externalKey(), "externalKey", "arena.import.duplicate-key", first));
            }
            Arena existing = stored.get(row.externalKey());
            if (existing != null && !existing.isActive()) {
                errors.add(error(index, row.externalKey(), "externalKey", "arena.import.retired", row.externalKey()));
            }
        }
        checkEscalations(parsed, firstRowByKey, stored, errors);

        Set<Integer> rejectedRows = new HashSet<>();
        errors.forEach(error -> {
            if (error.index() != null) {
                rejectedRows.add(error.index());
            }
        });
        List<Planned> plan = plan(parsed, rejectedRows, stored);
        if (!errors.isEmpty()) {
            throw rejected(municipality, plan, errors, rejectedRows.size());
        }
        return apply(municipality, plan, stored);
    }

    /** A row as the catalogue's request type; a value Jackson cannot read (an unknown party, say) is that row's error. */
    private RegisterArena readRow(int index, JsonNode node, String writer, List<ImportReport.RowError> errors) {
        String key = node.path("externalKey").isString() ? node.path("externalKey").asString() : null;
        if (!node.isObject()) {
            errors.add(error(index, null, "", "arena.import.not-an-object"));
            return null;
        }
        RegisterArena row;
        try {
            row = json.treeToValue(node, RegisterArena.class);
        } catch (DatabindException e) {
            errors.add(new ImportReport.RowError(index, key, pathOf(e), text("problem.field.type")));
            return null;
        } catch (JacksonException e) {
            errors.add(error(index, key, "", "arena.import.not-an-object"));
            return null;
        }
        Set<ConstraintViolation<RegisterArena>> violations = validator.validate(row);
        if (!violations.isEmpty()) {
            violations.stream()
                    .map(violation -> new ImportReport.RowError(index, key, fieldOf(violation), violation.getMessage()))
                    .sorted(Comparator.comparing(ImportReport.RowError::field))
                    .forEach(errors::add);
            return null;
        }
        try {
            row.checkRhythm();
            row.checkCoordinatorIsNot(writer);
        } catch (ProblemException invalidRow) {
            errors.add(error(index, key, String.valueOf(invalidRow.properties().get("field")), invalidRow.messageKey(),
                    invalidRow.arguments()));
            return null;
        }
        return row;
    }

    /** The links as they would be after the import: stored active arenas, overlaid by the file's rows. */
    private void checkEscalations(List<RegisterArena> parsed, Map<String, Integer> firstRowByKey, Map<String, Arena> stored,
            List<ImportReport.RowError> errors) {
        EscalationLinks links = new EscalationLinks();
        stored.values().stream().filter(Arena::isActive).forEach(arena -> links.put(arena.externalKey(), arena.escalatesTo()));
        firstRowByKey.forEach((key, index) -> links.put(key, parsed.get(index).normalized().escalatesTo()));
        firstRowByKey.forEach((key, index) -> {
            EscalationLinks.Fault fault = links.faultOf(key);
            if (fault != null) {
                String target = parsed.get(index).escalatesTo();
                errors.add(error(index, key, "escalatesTo", fault.messageKey, target));
            }
        });
        errors.sort(Comparator.comparing((ImportReport.RowError error) -> error.index() == null ? -1 : error.index()));
    }

    private record Planned(int index, String externalKey, ImportReport.Outcome outcome, RegisterArena row, String id) {
    }

    private static List<Planned> plan(List<RegisterArena> parsed, Set<Integer> rejectedRows, Map<String, Arena> stored) {
        List<Planned> plan = new ArrayList<>();
        for (int index = 0; index < parsed.size(); index++) {
            RegisterArena row = parsed.get(index);
            if (row == null || rejectedRows.contains(index)) {
                plan.add(new Planned(index, row == null ? null : row.externalKey(), ImportReport.Outcome.REJECTED, row, null));
                continue;
            }
            Arena existing = stored.get(row.externalKey());
            if (existing == null) {
                plan.add(new Planned(index, row.externalKey(), ImportReport.Outcome.CREATED, row, UUID.randomUUID().toString()));
            } else if (existing.entry().equals(row.normalized())) {
                plan.add(new Planned(index, row.externalKey(), ImportReport.Outcome.UNCHANGED, row, existing.id()));
            } else {
                plan.add(new Planned(index, row.externalKey(), ImportReport.Outcome.UPDATED, row, existing.id()));
            }
        }
        return plan;
    }

    /**
     * Writes the checked plan. New arenas got their ids in the plan, so links between new rows resolve without
     * ordering. Each arena is one atomic write; should the database fail midway, importing the file again
     * finishes the job, because rows already written then report unchanged.
     */
    private ImportReport apply(String municipality, List<Planned> plan, Map<String, Arena> stored) {
        Map<String, String> idByKey = new HashMap<>();
        stored.forEach((key, arena) -> idByKey.put(key, arena.id()));
        plan.forEach(planned -> idByKey.put(planned.externalKey(), planned.id()));
        Instant now = clock.instant();
        for (Planned planned : plan) {
            String escalatesTo = planned.row().normalized().escalatesTo();
            String escalationArenaId = escalatesTo == null ? null : idByKey.get(escalatesTo);
            switch (planned.outcome()) {
                case CREATED -> catalogue.store(Arena.register(planned.id(), municipality, planned.row(), escalationArenaId, now));
                case UPDATED -> {
                    Arena arena = stored.get(planned.externalKey());
                    arena.update(planned.row(), escalationArenaId, now);
                    catalogue.store(arena);
                }
                default -> catalogue.confirmCoordinator(stored.get(planned.externalKey()));
            }
        }
        return report(municipality, true, plan, List.of(), 0);
    }

    private ProblemException rejected(String municipality, List<Planned> plan, List<ImportReport.RowError> errors, int rejectedRows) {
        ImportReport report = report(municipality, false, plan, errors, rejectedRows);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("applied", false);
        properties.put("created", report.created());
        properties.put("updated", report.updated());
        properties.put("unchanged", report.unchanged());
        properties.put("rejected", report.rejected());
        properties.put("rows", report.rows());
        properties.put("errors", report.errors());
        return new ProblemException(HttpStatus.BAD_REQUEST, REJECTED, "arena.import.rejected",
                new Object[] {errors.size(), rejectedRows}, properties);
    }

    private static ImportReport report(String municipality, boolean applied, List<Planned> plan, List<ImportReport.RowError> errors,
            int rejectedRows) {
        List<ImportReport.Row> rows = plan.stream()
                .map(planned -> new ImportReport.Row(planned.index(), planned.externalKey(), planned.outcome(),
                        applied ? planned.id() : null))
                .toList();
        return new ImportReport(municipality, applied, count(plan, ImportReport.Outcome.CREATED), count(plan, ImportReport.Outcome.UPDATED),
                count(plan, ImportReport.Outcome.UNCHANGED), rejectedRows, rows, List.copyOf(errors));
    }

    private static int count(List<Planned> plan, ImportReport.Outcome outcome) {
        return (int) plan.stream().filter(planned -> planned.outcome() == outcome).count();
    }

    private ImportReport.RowError error(int index, String externalKey, String field, String messageKey, Object... arguments) {
        return new ImportReport.RowError(index, externalKey, field, text(messageKey, arguments));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    /** {@code parties[1]} rather than the validator's {@code parties[1].<list element>}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
