package ru.moysklad.partners.tier.adapter.in.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.StandingQueries;
import ru.moysklad.partners.tier.domain.PartnerStanding;

@RestController
@RequestMapping("/api/tier")
class StandingController {

    private final StandingQueries queries;

    StandingController(StandingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/partners/{partnerId}")
    StandingView standing(@PathVariable String partnerId) {
        PartnerStanding standing = queries.standingOf(partnerId)
                .orElseThrow(() -> RequestRejected.notFound("partner " + partnerId));
        return new StandingView(standing.partnerId(), standing.status().name(), standing.cumulativeSalesKopecks());
    }

    record StandingView(String partnerId, String status, long cumulativeSalesKopecks) {
    }
}
