package ru.moysklad.partners.lead.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.lead.application.LeadQueries;
import ru.moysklad.partners.lead.application.LeadRouting;
import ru.moysklad.partners.lead.application.LeadViews;
import ru.moysklad.partners.lead.domain.LeadOutcome;
import ru.moysklad.partners.platform.web.RequestRejected;

/**
 * A partner's leads: the ones assigned to it with their deadlines, and its answers — accept or
 * decline before the deadline, then what came of it. The gateway lets only the partner's own users
 * (and vendor staff) in; a lead not assigned to this partner is 404 here.
 */
@RestController
@RequestMapping("/api/leads/partners/{partnerId}")
class PartnerLeadController {

    private static final int MAX_TEXT = 500;
    private static final int MAX_ACCOUNT_ID = 100;

    private final LeadRouting routing;
    private final LeadQueries queries;

    PartnerLeadController(LeadRouting routing, LeadQueries queries) {
        this.routing = routing;
        this.queries = queries;
    }

    /** The partner's leads, newest first: those awaiting its answer show their deadline ({@code respondBy}). */
    @GetMapping
    List<LeadViews.PartnerLead> leads(@PathVariable String partnerId, @RequestParam(defaultValue = "100") int limit,
                                      @RequestParam(defaultValue = "0") int offset) {
        return queries.ofPartner(partnerId, limit, offset);
    }

    /** Takes the lead before its deadline; answering again changes nothing. */
    @PostMapping("/{leadId}/acceptance")
    Map<String, Object> accept(@PathVariable String partnerId, @PathVariable String leadId) {
        var lead = routing.accept(partnerId, leadId);
        return Map.of("leadId", leadId, "state", lead.state().name());
    }

    /** Passes the lead on to the next candidate (or the vendor's queue), with an optional reason. */
    @PostMapping("/{leadId}/decline")
    Map<String, Object> decline(@PathVariable String partnerId, @PathVariable String leadId, @RequestBody(required = false) Decline body) {
        String reason = body == null ? null : body.reason();
        Map<String, String> problems = new LinkedHashMap<>();
        checkText(problems, "reason", reason, MAX_TEXT);
        if (!problems.isEmpty()) {
            throw RequestRejected.invalid(problems);
        }
        routing.decline(partnerId, leadId, reason == null || reason.isBlank() ? null : reason.strip());
        return Map.of("leadId", leadId, "declined", true);
    }

    /** What came of an accepted lead: CONTACTED, WON (with {@code clientAccountId}) or LOST (with {@code lostReason}). */
    @PostMapping("/{leadId}/outcome")
    Map<String, Object> outcome(@PathVariable String partnerId, @PathVariable String leadId, @RequestBody Outcome body) {
        Map<String, String> problems = new LinkedHashMap<>();
        LeadOutcome outcome = null;
        try {
            outcome = body.outcome() == null ? null : LeadOutcome.valueOf(body.outcome());
        } catch (IllegalArgumentException e) {
            // reported below with the accepted values
        }
        if (outcome == null) {
            problems.put("outcome", "must be one of CONTACTED, WON, LOST");
        }
        checkText(problems, "clientAccountId", body.clientAccountId(), MAX_ACCOUNT_ID);
        checkText(problems, "lostReason", body.lostReason(), MAX_TEXT);
        if (outcome == LeadOutcome.WON && isBlank(body.clientAccountId())) {
            problems.put("clientAccountId", "is required for WON: the client's account in the vendor's billing");
        }
        if (outcome == LeadOutcome.LOST && isBlank(body.lostReason())) {
            problems.put("lostReason", "is required for LOST");
        }
        if (!problems.isEmpty()) {
            throw RequestRejected.invalid(problems);
        }
        routing.recordOutcome(partnerId, leadId, outcome, outcome == LeadOutcome.WON ? body.clientAccountId().strip() : null,
                outcome == LeadOutcome.LOST ? body.lostReason().strip() : null);
        return Map.of("leadId", leadId, "state", outcome.state().name());
    }

    record Decline(String reason) {
    }

    record Outcome(String outcome, String clientAccountId, String lostReason) {
    }

    private static void checkText(Map<String, String> problems, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            problems.put(field, "must be at most " + max + " characters");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.put(field, "must not contain control characters");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
