package ru.moysklad.partners.lead.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.lead.application.LeadViews;

@Repository
class JdbcLeadViews implements LeadViews {

    private static final String STAGES = """
            SELECT %s AS grp, count(*) AS received,
                   count(*) FILTER (WHERE attempt > 0) AS assigned,
                   count(*) FILTER (WHERE state = 'OFFERED') AS awaiting,
                   count(*) FILTER (WHERE state IN ('ACCEPTED', 'CONTACTED', 'WON', 'LOST')) AS accepted,
                   count(*) FILTER (WHERE state = 'CONTACTED') AS contacted,
                   count(*) FILTER (WHERE state = 'WON') AS won,
                   count(*) FILTER (WHERE state = 'LOST') AS lost,
                   count(*) FILTER (WHERE state = 'VENDOR_QUEUE') AS vendor_queue
            FROM lead WHERE received_at >= :from AND received_at < :to""";

    private final JdbcClient jdbc;

    JdbcLeadViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PartnerLead> ofPartner(String partnerId, int limit, int offset) {
        return jdbc.sql("""
                        SELECT o.lead_id, l.lead_type, l.region, l.city, l.company, l.company_size, l.tariff, l.industry, l.comment, o.attempt,
                               CASE WHEN l.partner_id = o.partner_id AND l.attempt = o.attempt THEN l.state ELSE o.answer END AS status,
                               o.offered_at, o.respond_by, o.answered_at,
                               l.partner_id = o.partner_id AND l.attempt = o.attempt
                                   AND l.state IN ('ACCEPTED', 'CONTACTED', 'WON', 'LOST') AS holds_it,
                               l.contact_name, l.phone, l.email, l.client_account_id, l.lost_reason
                        FROM offer o JOIN lead l ON l.lead_id = o.lead_id
                        WHERE o.partner_id = :partner
                        ORDER BY o.offered_at DESC, o.lead_id
                        LIMIT :limit OFFSET :offset""")
                .param("partner", partnerId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    boolean holds = rs.getBoolean("holds_it");
                    return new PartnerLead(rs.getString("lead_id"), rs.getString("lead_type"), rs.getString("region"), rs.getString("city"),
                            rs.getString("company"), (Integer) rs.getObject("company_size"), rs.getString("tariff"), rs.getString("industry"),
                            rs.getString("comment"), rs.getInt("attempt"), rs.getString("status"), instant(rs, "offered_at"),
                            instant(rs, "respond_by"), instant(rs, "answered_at"), holds ? rs.getString("contact_name") : null,
                            holds ? rs.getString("phone") : null, holds ? rs.getString("email") : null,
                            holds ? rs.getString("client_account_id") : null, holds ? rs.getString("lost_reason") : null);
                })
                .list();
    }

    @Override
    public List<QueuedLead> vendorQueue(int limit, int offset) {
        return jdbc.sql("""
                        SELECT lead_id, lead_type, region, city, company, contact_name, phone, email, company_size, tariff, industry, comment,
                               received_at, queued_at, attempt, queue_reason
                        FROM lead WHERE state = 'VENDOR_QUEUE'
                        ORDER BY queued_at, lead_id
                        LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new QueuedLead(rs.getString("lead_id"), rs.getString("lead_type"), rs.getString("region"),
                        rs.getString("city"), rs.getString("company"), rs.getString("contact_name"), rs.getString("phone"),
                        rs.getString("email"), (Integer) rs.getObject("company_size"), rs.getString("tariff"), rs.getString("industry"),
                        rs.getString("comment"), instant(rs, "received_at"), instant(rs, "queued_at"), rs.getInt("attempt"),
                        rs.getString("queue_reason")))
                .list();
    }

    @Override
    public Funnel funnel(Instant from, Instant to) {
        Stage total = stages("'ALL'", "", from, to).get(0);
        return new Funnel(from, to, total, stages("region", " GROUP BY region ORDER BY region", from, to),
                stages("coalesce(partner_status, 'NONE')", " GROUP BY 1 ORDER BY 1", from, to));
    }

    @Override
    public RoutingHistory routingOf(String leadId) {
        List<Assignment> assignments = jdbc.sql("""
                        SELECT attempt, partner_id, partner_status, offered_at, respond_by, answer, answered_at, response_seconds, comment, reason
                        FROM offer WHERE lead_id = :id ORDER BY attempt""")
                .param("id", leadId)
                .query((rs, n) -> new Assignment(rs.getInt("attempt"), rs.getString("partner_id"), rs.getString("partner_status"),
                        instant(rs, "offered_at"), instant(rs, "respond_by"), rs.getString("answer"), instant(rs, "answered_at"),
                        (Long) rs.getObject("response_seconds"), rs.getString("comment"), rs.getString("reason")))
                .list();
        return jdbc.sql("SELECT state, partner_id, respond_by, client_account_id, lost_reason, queue_reason FROM lead WHERE lead_id = :id")
                .param("id", leadId)
                .query((rs, n) -> new RoutingHistory(rs.getString("state"), rs.getString("partner_id"), instant(rs, "respond_by"),
                        rs.getString("client_account_id"), rs.getString("lost_reason"), rs.getString("queue_reason"), assignments))
                .single();
    }

    private List<Stage> stages(String group, String grouping, Instant from, Instant to) {
        return jdbc.sql(STAGES.formatted(group) + grouping)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Stage(rs.getString("grp"), rs.getLong("received"), rs.getLong("assigned"), rs.getLong("awaiting"),
                        rs.getLong("accepted"), rs.getLong("contacted"), rs.getLong("won"), rs.getLong("lost"), rs.getLong("vendor_queue")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
