package ru.moysklad.partners.tier.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.tier.domain.CumulativeSalesPolicy;
import ru.moysklad.partners.tier.domain.PartnerStanding;
import ru.moysklad.partners.tier.domain.StatusAnnouncements;
import ru.moysklad.partners.tier.domain.StatusDecision;
import ru.moysklad.partners.tier.domain.Standings;

/** Counts a recorded sale (or a refund) into the partner's figures and promotes the partner at once if it now qualifies. */
@Service
public class ApplySale {

    private final Standings standings;
    private final StatusAnnouncements announcements;
    private final CumulativeSalesPolicy policy;

    public ApplySale(Standings standings, StatusAnnouncements announcements, RulesSettings rules) {
        this.standings = standings;
        this.announcements = announcements;
        this.policy = rules.policy();
    }

    @Transactional
    public StatusDecision apply(String partnerId, long partnerPriceKopecks, String saleEventId) {
        if (partnerPriceKopecks < 0) {
            // A refund is its own event; a negative sale would silently shrink the partner's volume.
            throw new IllegalArgumentException("sale event " + saleEventId + " has a negative partner price");
        }
        PartnerStanding after = standings.addSales(partnerId, partnerPriceKopecks);
        StatusDecision decision = policy.decide(after);
        if (decision.changed()) {
            standings.changeStatus(partnerId, decision.newStatus());
            announcements.statusChanged(decision, saleEventId);
        }
        return decision;
    }

    /** A refund takes its share of the partner price back; statuses drop only at a review, never here. */
    @Transactional
    public void applyRefund(String partnerId, long partnerPriceKopecks, String refundEventId) {
        if (partnerPriceKopecks < 0) {
            throw new IllegalArgumentException("refund event " + refundEventId + " has a negative partner price");
        }
        standings.addSales(partnerId, -partnerPriceKopecks);
    }
}
