package ru.moysklad.partners.lead.application;

import java.time.Instant;
import java.util.List;

/** Port: what people read about leads — a partner's leads, the vendor's queue, the funnel, a lead's assignments. */
public interface LeadViews {

    /** Every lead ever assigned to the partner, newest first; the contact only once it accepted and while it holds the lead. */
    List<PartnerLead> ofPartner(String partnerId, int limit, int offset);

    /** Leads waiting in the vendor's own queue, longest waiting first. */
    List<QueuedLead> vendorQueue(int limit, int offset);

    /** Leads received in [from, to) by region, by the status of the partner holding them, and in total. */
    Funnel funnel(Instant from, Instant to);

    /** Where a lead stands and each of its assignments, oldest first. */
    RoutingHistory routingOf(String leadId);

    /**
     * @param status the lead's state while the partner holds it (OFFERED, ACCEPTED, CONTACTED, WON, LOST), else
     *               how its assignment ended (DECLINED, MISSED, WITHDRAWN)
     */
    record PartnerLead(String leadId, String leadType, String region, String city, String company, Integer companySize, String tariff,
                       String industry, String comment, int attempt, String status, Instant assignedAt, Instant respondBy,
                       Instant answeredAt, String contactName, String phone, String email, String clientAccountId, String lostReason) {
    }

    record QueuedLead(String leadId, String leadType, String region, String city, String company, String contactName, String phone,
                      String email, Integer companySize, String tariff, String industry, String comment, Instant receivedAt,
                      Instant queuedAt, int attempts, String reason) {
    }

    /**
     * @param accepted leads accepted by a partner, whatever came of them after
     * @param contacted leads a partner has contacted and not yet won or lost
     */
    record Stage(String group, long received, long assigned, long awaitingAnswer, long accepted, long contacted, long won, long lost,
                 long inVendorQueue) {
    }

    record Funnel(Instant from, Instant to, Stage total, List<Stage> byRegion, List<Stage> byPartnerStatus) {
    }

    record Assignment(int attempt, String partnerId, String partnerStatus, Instant assignedAt, Instant respondBy, String answer,
                      Instant answeredAt, Long responseSeconds, String comment, String reason) {
    }

    record RoutingHistory(String state, String partnerId, Instant respondBy, String clientAccountId, String lostReason, String queueReason,
                       List<Assignment> assignments) {
    }
}
