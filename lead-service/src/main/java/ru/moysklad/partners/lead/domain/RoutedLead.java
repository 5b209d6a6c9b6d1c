package ru.moysklad.partners.lead.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A lead as routing sees it: where it stands, with which partner, since when and until when, and
 * which partners had it before.
 *
 * @param partnerId the partner holding it now (offered, accepted or later); null when none does
 * @param attempt   how many assignments it has had
 * @param offeredTo every partner it was ever assigned to
 */
public record RoutedLead(String leadId, LeadType type, String region, LeadState state, String partnerId, int attempt, Instant offeredAt,
                         Instant respondBy, Set<String> offeredTo) {

    public RoutedLead {
        offeredTo = Set.copyOf(offeredTo);
    }

    /** A lead just received, in the transaction that stores it: not routed yet, nobody had it. */
    public static RoutedLead received(String leadId, LeadType type, String region) {
        return new RoutedLead(leadId, type, region, LeadState.NEW, null, 0, null, null, Set.of());
    }

    /** The next assignment of this lead: never to a partner that had it. */
    public LeadToRoute nextAssignment() {
        return new LeadToRoute(leadId, type, region, attempt + 1, offeredTo);
    }

    public boolean isWith(String partner) {
        return partner.equals(partnerId) && state.holdsAPlace();
    }
}
