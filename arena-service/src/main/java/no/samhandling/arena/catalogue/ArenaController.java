package no.samhandling.arena.catalogue;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.events.arena.ArenaLevel;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * The arena catalogue: administrators write, all staff read. Only administrators, because an entry names the
 * arena's coordinator, and that place gives need-to-know to the arena's cases: a coordinator who could write
 * the catalogue could appoint themself. Updates take an optional {@code If-Match} with the version the client
 * read (the {@code ETag}); without it the last writer wins.
 */
@RestController
@RequestMapping("/arenas")
class ArenaController {

    private static final String WRITERS = "hasRole('ADMIN')";
    private static final String STAFF = "hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'LEADER', 'ADMIN')";

    private final ArenaCatalogue catalogue;
    private final CatalogueImporter importer;

    ArenaController(ArenaCatalogue catalogue, CatalogueImporter importer) {
        this.catalogue = catalogue;
        this.importer = importer;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<ArenaView> registerArena(@Valid @RequestBody RegisterArena request, Caller caller) {
        ArenaView arena = catalogue.registerArena(caller, request);
        return ResponseEntity.created(URI.create("/arenas/" + arena.id())).eTag(etag(arena)).body(arena);
    }

    @PutMapping("/{id}")
    @PreAuthorize(WRITERS)
    ResponseEntity<ArenaView> updateArena(@PathVariable String id, @Valid @RequestBody RegisterArena request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller caller) {
        ArenaView arena = catalogue.updateArena(caller, id, request, versionOf(ifMatch));
        return ResponseEntity.ok().eTag(etag(arena)).body(arena);
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(WRITERS)
    ArenaView retireArena(@PathVariable String id, @Valid @RequestBody(required = false) RetireArena request, Caller caller) {
        return catalogue.retireArena(caller.municipality(), id, request == null ? null : request.replacementArenaId());
    }

    /** 200 with the report when every row was fine; 400 with the same report, and nothing written, when any was not. */
    @PostMapping("/import")
    @PreAuthorize(WRITERS)
    ImportReport importCatalogue(@RequestBody JsonNode file, Caller caller) {
        return importer.importCatalogue(caller, file);
    }

    @GetMapping
    @PreAuthorize(STAFF)
    List<ArenaView> search(@RequestParam(required = false) Integer age, @RequestParam(required = false) ArenaLevel level,
            @RequestParam(required = false) Party party, @RequestParam(required = false) String q,
            @RequestParam(required = false) Arena.Status status, @RequestParam(required = false) String externalKey, Caller caller) {
        return catalogue.search(caller.municipality(), new ArenaSearch(age, level, party, q, status, externalKey));
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    ResponseEntity<ArenaView> find(@PathVariable String id, Caller caller) {
        ArenaView arena = catalogue.find(caller.municipality(), id).orElseThrow(() -> ProblemException.notFound("Arena", id));
        return ResponseEntity.ok().eTag(etag(arena)).body(arena);
    }

    private static String etag(ArenaView arena) {
        return "\"" + arena.version() + "\"";
    }

    /** Accepts {@code "3"}, {@code W/"3"} and a bare {@code 3}; anything else is a client error, not a silent overwrite. */
    private static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String digits = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!digits.matches("\\d{1,18}")) {
            throw ProblemException.invalid("If-Match", "arena.if-match.invalid");
        }
        return Long.parseLong(digits);
    }
}
