package ru.moysklad.partners.tier.application;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.tier.domain.PartnerStanding;
import ru.moysklad.partners.tier.domain.CumulativeSalesPolicy;
import ru.moysklad.partners.tier.domain.Standings;
import ru.moysklad.partners.tier.domain.Status;

@Service
public class StandingQueries {

    private final Standings standings;
    private final RulesSettings rules;

    public StandingQueries(Standings standings, RulesSettings rules) {
        this.standings = standings;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Optional<PartnerStanding> standingOf(String partnerId) {
        return standings.find(partnerId);
    }

    /** What the partner's next status asks of it, under the rule set in force. */
    public CumulativeSalesPolicy.Progress progressOf(PartnerStanding standing) {
        return rules.policy().progress(standing);
    }

    public String rulesVersion() {
        return rules.version();
    }

    /** Partners per status, every status listed (zero where none). */
    @Transactional(readOnly = true)
    public Map<Status, Long> partnersByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(standings.countByStatus());
        return counts;
    }
}
