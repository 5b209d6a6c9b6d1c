package ru.moysklad.partners.tier.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.Rebuild;

/**
 * Vendor staff (or operators) rebuild the engine's state from its input log, e.g. after a rule
 * fix or to prove the state is what the log says. The engine then catches up in the background.
 */
@RestController
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/tier/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStarted rebuild() {
        try {
            rebuild.rebuild();
        } catch (Rebuild.Refused e) {
            throw RequestRejected.conflict("rebuild-refused", e.getMessage(), null);
        }
        return new RebuildStarted("the engine is replaying its input log from the beginning");
    }

    record RebuildStarted(String state) {
    }
}
