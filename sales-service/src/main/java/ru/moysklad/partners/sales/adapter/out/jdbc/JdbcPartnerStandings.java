package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.domain.PartnerStandings;
import ru.moysklad.partners.sales.domain.PartnerStatus;
import ru.moysklad.partners.sales.domain.Standing;

@Repository
class JdbcPartnerStandings implements PartnerStandings {

    private final JdbcClient jdbc;

    JdbcPartnerStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> standingAt(String partnerId, Instant moment) {
        // The latest status and suspension that took effect at or before the moment; none yet: an applicant, not suspended.
        return jdbc.sql("""
                        SELECT COALESCE((SELECT status FROM partner_status_period
                                          WHERE partner_id = :partnerId AND effective_from <= :moment
                                          ORDER BY effective_from DESC LIMIT 1), 'APPLICANT') AS status,
                               COALESCE((SELECT suspended FROM partner_suspension_period
                                          WHERE partner_id = :partnerId AND effective_from <= :moment
                                          ORDER BY effective_from DESC LIMIT 1), FALSE) AS suspended
                          FROM known_partner WHERE partner_id = :partnerId""")
                .param("partnerId", partnerId)
                .param("moment", Timestamp.from(moment))
                .query((rs, row) -> new Standing(PartnerStatus.valueOf(rs.getString("status")), rs.getBoolean("suspended")))
                .optional();
    }

    @Override
    public void registered(String partnerId, Instant registeredAt) {
        jdbc.sql("INSERT INTO known_partner (partner_id, registered_at) VALUES (:partnerId, :at) ON CONFLICT DO NOTHING")
                .param("partnerId", partnerId)
                .param("at", Timestamp.from(registeredAt))
                .update();
    }

    @Override
    public void statusChanged(String partnerId, Instant effectiveFrom, PartnerStatus status) {
        jdbc.sql("""
                        INSERT INTO partner_status_period (partner_id, effective_from, status) VALUES (:partnerId, :from, :status)
                        ON CONFLICT (partner_id, effective_from) DO UPDATE SET status = EXCLUDED.status""")
                .param("partnerId", partnerId)
                .param("from", Timestamp.from(effectiveFrom))
                .param("status", status.name())
                .update();
    }

    @Override
    public void suspensionChanged(String partnerId, Instant effectiveFrom, boolean suspended) {
        jdbc.sql("""
                        INSERT INTO partner_suspension_period (partner_id, effective_from, suspended) VALUES (:partnerId, :from, :suspended)
                        ON CONFLICT (partner_id, effective_from) DO UPDATE SET suspended = EXCLUDED.suspended""")
                .param("partnerId", partnerId)
                .param("from", Timestamp.from(effectiveFrom))
                .param("suspended", suspended)
                .update();
    }
}
