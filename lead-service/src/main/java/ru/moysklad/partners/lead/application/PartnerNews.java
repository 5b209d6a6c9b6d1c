package ru.moysklad.partners.lead.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.lead.domain.PartnerRoster;
import ru.moysklad.partners.lead.domain.ProgramStatus;

/**
 * What partner-service and tier-service announce about partners, kept for routing as it arrives:
 * the region and lead preferences, the status (B6, B10) and suspension (C2). A partner that may no
 * longer have the leads it has not answered yet loses them to the next candidate at once.
 */
@Service
public class PartnerNews {

    private final PartnerRoster roster;
    private final LeadRouting routing;

    PartnerNews(PartnerRoster roster, LeadRouting routing) {
        this.roster = roster;
        this.routing = routing;
    }

    @Transactional
    public void registered(String partnerId, String region) {
        roster.registered(partnerId, region);
    }

    @Transactional
    public void preferencesChanged(String partnerId, List<String> regionsServed, int maxOpenLeads) {
        roster.preferencesChanged(partnerId, regionsServed, maxOpenLeads);
    }

    @Transactional
    public void statusChanged(String partnerId, ProgramStatus status, boolean suspended) {
        roster.statusChanged(partnerId, status, suspended);
        routing.withdrawFromIneligible(partnerId);
    }

    @Transactional
    public void suspensionChanged(String partnerId, boolean suspended) {
        roster.suspensionChanged(partnerId, suspended);
        routing.withdrawFromIneligible(partnerId);
    }
}
