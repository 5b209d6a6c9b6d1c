package ru.moysklad.partners.lead.domain;

import java.util.Set;

/**
 * A lead about to be assigned.
 *
 * @param attempt        the assignment this will be: 1 for the first, more after declines and missed deadlines
 * @param alreadyOffered partners that had this lead before and declined it or let it lapse
 */
public record LeadToRoute(String leadId, LeadType type, String region, int attempt, Set<String> alreadyOffered) {

    public LeadToRoute {
        alreadyOffered = Set.copyOf(alreadyOffered);
    }
}
