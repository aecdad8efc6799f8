package no.samhandling.platform.testapp;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.samhandling.platform.events.AggregateStore;
import no.samhandling.platform.events.AggregateStores;
import no.samhandling.platform.security.Caller;
import no.samhandling.platform.web.ProblemException;

@RestController
class ConcernController {

    record RegisterConcern(@NotBlank String arenaId, @NotNull @Valid AgeBand ageBand, @Size(max = 3) List<String> themes) {
    }

    record AgeBand(@NotNull Integer from, @NotNull Integer to) {
    }

    record ConcernView(String id, String arenaId) {
    }

    private final AggregateStore<Concern> concerns;

    ConcernController(AggregateStores stores) {
        this.concerns = stores.of(Concern.class);
    }

    @PostMapping("/concerns")
    @ResponseStatus(HttpStatus.CREATED)
    ConcernView register(@Valid @RequestBody RegisterConcern request, Caller caller) {
        Concern concern = concerns.save(Concern.register(UUID.randomUUID().toString(), caller.municipality(), request.arenaId()));
        return new ConcernView(concern.id(), request.arenaId());
    }

    @GetMapping("/concerns/{id}")
    ConcernView find(@PathVariable String id, Caller caller) {
        return concerns.find(caller.municipality(), id)
                .map(concern -> new ConcernView(concern.id(), null))
                .orElseThrow(() -> ProblemException.notFound("Sak", id));
    }
}
