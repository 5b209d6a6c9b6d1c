package ru.moysklad.partners.lead.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.lead.domain.Answer;
import ru.moysklad.partners.lead.domain.Contact;
import ru.moysklad.partners.lead.domain.LeadOutcome;
import ru.moysklad.partners.lead.domain.LeadState;
import ru.moysklad.partners.lead.domain.LeadType;
import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.lead.domain.NewLead;
import ru.moysklad.partners.lead.domain.Offer;
import ru.moysklad.partners.lead.domain.RoutedLead;

@Repository
class JdbcLeads implements Leads {

    private static final String COLUMNS = "lead_id, company, contact_name, phone, email, region, city, company_size, tariff, industry,"
            + " comment, franchise, lead_type, received_at";

    /** The parameters {@link #withLead} binds a lead's {@link #COLUMNS} to. */
    private static final String COLUMN_VALUES = ":id, :company, :name, :phone, :email, :region, :city, :size, :tariff, :industry, :comment,"
            + " :franchise, :type, :at";

    private static final String ROUTED = "SELECT lead_id, lead_type, region, state, partner_id, attempt, offered_at, respond_by,"
            + " ARRAY(SELECT o.partner_id FROM offer o WHERE o.lead_id = lead.lead_id) AS offered_to FROM lead";

    private final JdbcClient jdbc;

    JdbcLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredLead> sameContactSince(Contact contact, Instant since) {
        // two posts of one contact at the same moment: the second waits for the first, then finds it
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lead-contact:' || key)) FROM unnest(ARRAY[:phone, :email]) AS key WHERE key IS NOT NULL")
                .param("phone", contact.phone()).param("email", contact.email()).query().listOfRows();
        // one index-bound query per contact detail given: a single query with "phone = :phone OR email = :email"
        // got, from a plan cached while the table was still small, a scan of every lead for every post
        List<String> earliest = new ArrayList<>();
        if (contact.phone() != null) {
            earliest.add("(SELECT " + COLUMNS + " FROM lead WHERE phone = :phone AND received_at >= :since ORDER BY received_at LIMIT 1)");
        }
        if (contact.email() != null) {
            earliest.add("(SELECT " + COLUMNS + " FROM lead WHERE email = :email AND received_at >= :since ORDER BY received_at LIMIT 1)");
        }
        if (earliest.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM (" + String.join(" UNION ALL ", earliest) + ") AS earliest ORDER BY received_at LIMIT 1")
                .param("since", Timestamp.from(since))
                .param("phone", contact.phone())
                .param("email", contact.email())
                .query((rs, n) -> lead(rs))
                .optional();
    }

    @Override
    public void addOffered(String leadId, NewLead lead, Instant receivedAt, Offer offer) {
        // one statement: the lead is routed under its region's lock, which waits on every round trip
        withLead(jdbc.sql("""
                        WITH stored AS (
                            INSERT INTO lead (%s, state, partner_id, partner_status, attempt, offered_at, respond_by)
                            VALUES (%s, 'OFFERED', :partner, :status, :attempt, :offeredAt, :respondBy)
                            RETURNING lead_id)
                        INSERT INTO offer (lead_id, attempt, partner_id, partner_status, offered_at, respond_by, reason)
                        SELECT lead_id, :attempt, :partner, :status, :offeredAt, :respondBy, :reason FROM stored"""
                        .formatted(COLUMNS, COLUMN_VALUES)), leadId, lead, receivedAt)
                .param("attempt", offer.attempt()).param("partner", offer.partnerId()).param("status", offer.partnerStatus().name())
                .param("offeredAt", Timestamp.from(offer.at())).param("respondBy", Timestamp.from(offer.respondBy()))
                .param("reason", offer.reason())
                .update();
    }

    @Override
    public void addQueued(String leadId, NewLead lead, Instant receivedAt, String reason) {
        withLead(jdbc.sql("INSERT INTO lead (%s, state, queued_at, queue_reason) VALUES (%s, 'VENDOR_QUEUE', :at, :reason)"
                        .formatted(COLUMNS, COLUMN_VALUES)), leadId, lead, receivedAt)
                .param("reason", reason)
                .update();
    }

    private static JdbcClient.StatementSpec withLead(JdbcClient.StatementSpec statement, String leadId, NewLead lead, Instant receivedAt) {
        return statement
                .param("id", leadId)
                .param("company", lead.company())
                .param("name", lead.contact().name())
                .param("phone", lead.contact().phone())
                .param("email", lead.contact().email())
                .param("region", lead.region())
                .param("city", lead.city())
                .param("size", lead.companySize())
                .param("tariff", lead.tariff())
                .param("industry", lead.industry())
                .param("comment", lead.comment())
                .param("franchise", lead.franchise())
                .param("type", lead.type().name())
                .param("at", Timestamp.from(receivedAt));
    }

    @Override
    public Optional<StoredLead> find(String leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE lead_id = :id").param("id", leadId).query((rs, n) -> lead(rs)).optional();
    }

    @Override
    public Optional<RoutedLead> lockForRouting(String leadId) {
        return jdbc.sql(ROUTED + " WHERE lead_id = :id FOR UPDATE").param("id", leadId).query((rs, n) -> routed(rs)).optional();
    }

    @Override
    public void offer(String leadId, Offer offer) {
        // one statement: an assignment is made under its region's lock, which waits on every round trip
        jdbc.sql("""
                        WITH offered AS (
                            INSERT INTO offer (lead_id, attempt, partner_id, partner_status, offered_at, respond_by, reason)
                            VALUES (:id, :attempt, :partner, :status, :at, :respondBy, :reason))
                        UPDATE lead SET state = 'OFFERED', partner_id = :partner, partner_status = :status, attempt = :attempt,
                                        offered_at = :at, respond_by = :respondBy
                        WHERE lead_id = :id""")
                .param("id", leadId).param("attempt", offer.attempt()).param("partner", offer.partnerId())
                .param("status", offer.partnerStatus().name()).param("at", Timestamp.from(offer.at()))
                .param("respondBy", Timestamp.from(offer.respondBy())).param("reason", offer.reason())
                .update();
    }

    @Override
    public void answer(String leadId, int attempt, Answer answer, Instant at, Long responseSeconds, String comment) {
        jdbc.sql("""
                        UPDATE offer SET answer = :answer, answered_at = :at, response_seconds = :seconds, comment = :comment
                        WHERE lead_id = :id AND attempt = :attempt""")
                .param("id", leadId).param("attempt", attempt).param("answer", answer.name()).param("at", Timestamp.from(at))
                .param("seconds", responseSeconds).param("comment", comment)
                .update();
        if (answer == Answer.ACCEPTED) {
            jdbc.sql("UPDATE lead SET state = 'ACCEPTED', accepted_at = :at WHERE lead_id = :id")
                    .param("id", leadId).param("at", Timestamp.from(at)).update();
        } else {
            // between two assignments, within one transaction: routing assigns or queues it next
            jdbc.sql("UPDATE lead SET state = 'NEW', partner_id = NULL, partner_status = NULL, offered_at = NULL, respond_by = NULL"
                    + " WHERE lead_id = :id").param("id", leadId).update();
        }
    }

    @Override
    public void queueForVendor(String leadId, Instant at, String reason) {
        jdbc.sql("UPDATE lead SET state = 'VENDOR_QUEUE', queued_at = :at, queue_reason = :reason WHERE lead_id = :id")
                .param("id", leadId).param("at", Timestamp.from(at)).param("reason", reason).update();
    }

    @Override
    public void recordOutcome(String leadId, LeadOutcome outcome, Instant at, String clientAccountId, String lostReason) {
        jdbc.sql("""
                        UPDATE lead SET state = :state, outcome_at = :at, client_account_id = :client, lost_reason = :lost
                        WHERE lead_id = :id""")
                .param("id", leadId).param("state", outcome.state().name()).param("at", Timestamp.from(at))
                .param("client", clientAccountId).param("lost", lostReason)
                .update();
    }

    @Override
    public List<String> dueForRouting(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT lead_id FROM lead WHERE state = 'OFFERED' AND respond_by <= :now
                        UNION ALL
                        SELECT lead_id FROM lead WHERE state = 'NEW'
                        LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(String.class).list();
    }

    @Override
    public List<RoutedLead> awaitingAnswerFrom(String partnerId) {
        return jdbc.sql(ROUTED + " WHERE partner_id = :partner AND state = 'OFFERED' ORDER BY lead_id")
                .param("partner", partnerId).query((rs, n) -> routed(rs)).list();
    }

    private static RoutedLead routed(ResultSet rs) throws SQLException {
        Timestamp offeredAt = rs.getTimestamp("offered_at");
        Timestamp respondBy = rs.getTimestamp("respond_by");
        return new RoutedLead(rs.getString("lead_id"), LeadType.valueOf(rs.getString("lead_type")), rs.getString("region"),
                LeadState.valueOf(rs.getString("state")), rs.getString("partner_id"), rs.getInt("attempt"),
                offeredAt == null ? null : offeredAt.toInstant(), respondBy == null ? null : respondBy.toInstant(),
                Set.copyOf(Arrays.asList((String[]) rs.getArray("offered_to").getArray())));
    }

    private static StoredLead lead(ResultSet rs) throws SQLException {
        Integer size = (Integer) rs.getObject("company_size");
        return new StoredLead(rs.getString("lead_id"),
                new NewLead(rs.getString("company"), new Contact(rs.getString("contact_name"), rs.getString("phone"), rs.getString("email")),
                        rs.getString("region"), rs.getString("city"), size, rs.getString("tariff"), rs.getString("industry"),
                        rs.getString("comment"), rs.getBoolean("franchise"), LeadType.valueOf(rs.getString("lead_type"))),
                rs.getTimestamp("received_at").toInstant());
    }
}
