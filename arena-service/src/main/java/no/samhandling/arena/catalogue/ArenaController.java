package no.samhandling.arena.catalogue;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

/** The arena catalogue: administrators and coordinators write, all staff read. */
@RestController
@RequestMapping("/arenas")
class ArenaController {

    private final ArenaCatalogue catalogue;

    ArenaController(ArenaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    ResponseEntity<ArenaView> registerArena(@Valid @RequestBody RegisterArena request, Caller caller) {
        ArenaView arena = catalogue.registerArena(caller.municipality(), request);
        return ResponseEntity.created(URI.create("/arenas/" + arena.id())).body(arena);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'LEADER', 'ADMIN')")
    List<ArenaView> list(@RequestParam(required = false) String externalKey, Caller caller) {
        return catalogue.list(caller.municipality(), externalKey);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('REFERRER', 'COORDINATOR', 'MEMBER', 'LEADER', 'ADMIN')")
    ArenaView find(@PathVariable String id, Caller caller) {
        return catalogue.find(caller.municipality(), id).orElseThrow(() -> ProblemException.notFound("Arena", id));
    }
}
