package ru.moysklad.partners.lead.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.lead.domain.LeadAnnouncements;
import ru.moysklad.partners.lead.domain.LeadForm;
import ru.moysklad.partners.lead.domain.LeadIntake;
import ru.moysklad.partners.lead.domain.LeadType;
import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.lead.domain.NewLead;

/**
 * A lead from the website's form: checked and normalised, classified, announced (LeadCreated),
 * routed to a partner or the vendor's queue and stored as routed, all in one transaction — unless the same contact already sent one within the
 * duplicate window, when it is that lead, not a second one to route.
 */
@Service
public class ReceiveLead {

    private final Leads leads;
    private final LeadAnnouncements announcements;
    private final LeadIntake intake;
    private final LeadSettings settings;
    private final LeadRouting routing;
    private final Clock clock;

    ReceiveLead(Leads leads, LeadAnnouncements announcements, LeadSettings settings, LeadRouting routing, Clock clock) {
        this.leads = leads;
        this.routing = routing;
        this.announcements = announcements;
        this.intake = settings.intake();
        this.settings = settings;
        this.clock = clock;
    }

    public record Outcome(String leadId, LeadType type, boolean duplicate) {
    }

    /** @throws ru.moysklad.partners.lead.domain.InvalidLead naming each field at fault */
    @Transactional
    public Outcome receive(LeadForm form) {
        NewLead lead = intake.accept(form);
        Instant now = clock.instant();
        var earlier = leads.sameContactSince(lead.contact(), now.minus(settings.duplicateWindow()));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get().leadId(), earlier.get().lead().type(), true);
        }
        String leadId = UUID.randomUUID().toString();
        announcements.leadCreated(leadId, lead, now);
        routing.routeNew(leadId, lead, now);
        return new Outcome(leadId, lead.type(), false);
    }
}
