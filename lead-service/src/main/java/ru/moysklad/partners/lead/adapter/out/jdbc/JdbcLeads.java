package ru.moysklad.partners.lead.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.lead.domain.Contact;
import ru.moysklad.partners.lead.domain.LeadType;
import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.lead.domain.NewLead;

@Repository
class JdbcLeads implements Leads {

    private static final String COLUMNS = "lead_id, company, contact_name, phone, email, region, city, company_size, tariff, industry,"
            + " comment, franchise, lead_type, received_at";

    private final JdbcClient jdbc;

    JdbcLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredLead> sameContactSince(Contact contact, Instant since) {
        // two posts of one contact at the same moment: the second waits for the first, then finds it
        for (String key : new String[] {contact.phone(), contact.email()}) {
            if (key != null) {
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lead-contact:' || :key))").param("key", key).query().singleRow();
            }
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE received_at >= :since"
                        + " AND ((:phone::text IS NOT NULL AND phone = :phone) OR (:email::text IS NOT NULL AND email = :email))"
                        + " ORDER BY received_at LIMIT 1")
                .param("since", Timestamp.from(since))
                .param("phone", contact.phone())
                .param("email", contact.email())
                .query((rs, n) -> lead(rs))
                .optional();
    }

    @Override
    public void add(String leadId, NewLead lead, Instant receivedAt) {
        jdbc.sql("""
                        INSERT INTO lead (lead_id, company, contact_name, phone, email, region, city, company_size, tariff, industry,
                                          comment, franchise, lead_type, received_at)
                        VALUES (:id, :company, :name, :phone, :email, :region, :city, :size, :tariff, :industry, :comment, :franchise,
                                :type, :at)""")
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
                .param("at", Timestamp.from(receivedAt))
                .update();
    }

    @Override
    public Optional<StoredLead> find(String leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE lead_id = :id").param("id", leadId).query((rs, n) -> lead(rs)).optional();
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
