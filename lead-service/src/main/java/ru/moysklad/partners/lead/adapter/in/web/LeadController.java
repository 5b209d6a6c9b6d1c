package ru.moysklad.partners.lead.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.lead.application.LeadQueries;
import ru.moysklad.partners.lead.application.LeadViews;
import ru.moysklad.partners.lead.application.ReceiveLead;
import ru.moysklad.partners.lead.domain.LeadForm;
import ru.moysklad.partners.platform.web.RequestRejected;

/** The website's lead form; and for vendor staff, one lead whole, the vendor's queue and the funnel. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final ReceiveLead receiveLead;
    private final LeadQueries queries;

    LeadController(ReceiveLead receiveLead, LeadQueries queries) {
        this.receiveLead = receiveLead;
        this.queries = queries;
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

    /** One lead with its contact, where it stands, and each assignment with the reason it was made. */
    @GetMapping("/{leadId}")
    LeadView lead(@PathVariable String leadId) {
        return queries.lead(leadId).map(LeadView::of).orElseThrow(() -> RequestRejected.notFound("lead " + leadId));
    }

    /** Leads no partner took, longest waiting first: the vendor's own staff call them. */
    @GetMapping("/vendor-queue")
    List<LeadViews.QueuedLead> vendorQueue(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return queries.vendorQueue(limit, offset);
    }

    /**
     * The funnel of leads received from {@code from} to {@code to} (both included, Moscow dates; by
     * default the last 30 days): in total, by region and by the status of the partner holding them.
     */
    @GetMapping("/funnel")
    LeadViews.Funnel funnel(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return queries.funnel(from, to);
    }

    /** @param duplicate the same contact sent this lead already: nothing new will be routed */
    record Received(String leadId, String leadType, boolean duplicate) {
    }

    record LeadView(String leadId, String leadType, String company, String contactName, String phone, String email, String region,
                    String city, Integer companySize, String tariff, String industry, String comment, boolean franchise,
                    Instant receivedAt, String state, String partnerId, Instant respondBy, String clientAccountId, String lostReason,
                    String queueReason, List<LeadViews.Assignment> assignments) {

        static LeadView of(LeadQueries.Lead found) {
            var stored = found.stored();
            var lead = stored.lead();
            var routing = found.routing();
            return new LeadView(stored.leadId(), lead.type().name(), lead.company(), lead.contact().name(), lead.contact().phone(),
                    lead.contact().email(), lead.region(), lead.city(), lead.companySize(), lead.tariff(), lead.industry(),
                    lead.comment(), lead.franchise(), stored.receivedAt(), routing.state(), routing.partnerId(), routing.respondBy(),
                    routing.clientAccountId(), routing.lostReason(), routing.queueReason(), routing.assignments());
        }
    }
}
