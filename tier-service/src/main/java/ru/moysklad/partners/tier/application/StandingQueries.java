package ru.moysklad.partners.tier.application;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.tier.domain.PartnerStanding;
import ru.moysklad.partners.tier.domain.Standings;

@Service
public class StandingQueries {

    private final Standings standings;

    public StandingQueries(Standings standings) {
        this.standings = standings;
    }

    @Transactional(readOnly = true)
    public Optional<PartnerStanding> standingOf(String partnerId) {
        return standings.find(partnerId);
    }
}
