package ru.moysklad.partners.lead.adapter.in.web;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.lead.application.ReceiveLead;
import ru.moysklad.partners.lead.domain.LeadForm;
import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.platform.web.RequestRejected;

/** The website's lead form, and one lead for vendor staff. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final ReceiveLead receiveLead;

    LeadController(ReceiveLead receiveLead) {
        this.receiveLead = receiveLead;
    }

    /**
     * A lead from the website's form: 201 with its id and type; 200 with the earlier lead's id when
     * the same contact sent one within the duplicate window; 400 naming every field at fault.
     */
    @PostMapping
    ResponseEntity<Received> receive(@RequestBody LeadForm form) {
        ReceiveLead.Outcome outcome = receiveLead.receive(form);
        Received body = new Received(outcome.leadId(), outcome.type().name(), outcome.duplicate());
        return outcome.duplicate() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/leads/" + outcome.leadId())).body(body);
    }

    @GetMapping("/{leadId}")
    LeadView lead(@PathVariable String leadId) {
        return receiveLead.find(leadId).map(LeadView::of).orElseThrow(() -> RequestRejected.notFound("lead " + leadId));
    }

    /** @param duplicate the same contact sent this lead already: nothing new will be routed */
    record Received(String leadId, String leadType, boolean duplicate) {
    }

    record LeadView(String leadId, String leadType, String company, String contactName, String phone, String email, String region,
                    String city, Integer companySize, String tariff, String industry, String comment, boolean franchise,
                    Instant receivedAt) {

        static LeadView of(Leads.StoredLead stored) {
            var lead = stored.lead();
            return new LeadView(stored.leadId(), lead.type().name(), lead.company(), lead.contact().name(), lead.contact().phone(),
                    lead.contact().email(), lead.region(), lead.city(), lead.companySize(), lead.tariff(), lead.industry(),
                    lead.comment(), lead.franchise(), stored.receivedAt());
        }
    }
}
