package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.tier.domain.PartnerStanding;
import ru.moysklad.partners.tier.domain.Standings;
import ru.moysklad.partners.tier.domain.Status;

@Repository
class JdbcStandings implements Standings {

    private final JdbcClient jdbc;

    JdbcStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PartnerStanding addSales(String partnerId, long partnerPriceKopecks) {
        // One statement, so concurrent sales of one partner add up without a lost update.
        return jdbc.sql("""
                        INSERT INTO partner_standing (partner_id, status, cumulative_sales_kopecks)
                        VALUES (:partnerId, :status, :amount)
                        ON CONFLICT (partner_id) DO UPDATE
                           SET cumulative_sales_kopecks = partner_standing.cumulative_sales_kopecks + EXCLUDED.cumulative_sales_kopecks,
                               updated_at = now()
                        RETURNING partner_id, status, cumulative_sales_kopecks""")
                .param("partnerId", partnerId)
                .param("status", PartnerStanding.newcomer(partnerId).status().name())
                .param("amount", partnerPriceKopecks)
                .query((rs, row) -> new PartnerStanding(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getLong(3)))
                .single();
    }

    @Override
    public void changeStatus(String partnerId, Status status) {
        jdbc.sql("UPDATE partner_standing SET status = :status, updated_at = now() WHERE partner_id = :partnerId")
                .param("status", status.name())
                .param("partnerId", partnerId)
                .update();
    }

    @Override
    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        jdbc.sql("SELECT status, count(*) FROM partner_standing GROUP BY status")
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    @Override
    public Optional<PartnerStanding> find(String partnerId) {
        return jdbc.sql("SELECT partner_id, status, cumulative_sales_kopecks FROM partner_standing WHERE partner_id = :partnerId")
                .param("partnerId", partnerId)
                .query((rs, row) -> new PartnerStanding(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getLong(3)))
                .optional();
    }
}
