package ru.moysklad.partners.lead.domain;

import java.util.List;
import java.util.Optional;

/**
 * What routing decided for a lead: the partner it goes to, with its new standing in the rotation, or
 * the vendor's own queue — and in both cases why, with the candidates considered.
 *
 * @param assignedTo the winner; empty when the lead goes to the vendor's queue
 * @param newPass    the winner's rotation standing after taking this lead
 * @param ruleIds    the rules that made the winner eligible (B6, and B10 for LARGE and FRANCHISE leads)
 */
public record RoutingDecision(Optional<RoutingPartner> assignedTo, long newPass, List<String> ruleIds, String reason,
                              List<CandidateNote> candidates) {

    public RoutingDecision {
        ruleIds = List.copyOf(ruleIds);
        candidates = List.copyOf(candidates);
    }

    public boolean toVendorQueue() {
        return assignedTo.isEmpty();
    }
}
