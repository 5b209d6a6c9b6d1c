package ru.moysklad.partners.partner.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.partner.application.DirectoryListing;

@Repository
class JdbcDirectoryListing implements DirectoryListing {

    /** Listed: Partner and above, suspended by neither partner-service (C2) nor tier-service's last word. */
    private static final String LISTED = """
            FROM partner p JOIN program_status s ON s.partner_id = p.partner_id
            WHERE s.status IN ('PARTNER', 'EXPERT', 'REPRESENTATIVE') AND NOT s.suspended AND NOT p.suspended
              AND (:region::text IS NULL OR p.region = :region) AND (:status::text IS NULL OR s.status = :status)""";
    private static final String ENTRY = "SELECT p.partner_id, p.legal_name, p.region, coalesce(p.verified_website, p.website) AS website,"
            + " s.status ";

    private final JdbcClient jdbc;

    JdbcDirectoryListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void statusChanged(String partnerId, String status, boolean suspended, Instant at) {
        // a status event redelivered out of order never overwrites a later one
        jdbc.sql("""
                        INSERT INTO program_status (partner_id, status, suspended, changed_at) VALUES (:id, :status, :suspended, :at)
                        ON CONFLICT (partner_id) DO UPDATE SET status = EXCLUDED.status, suspended = EXCLUDED.suspended,
                            changed_at = EXCLUDED.changed_at
                        WHERE program_status.changed_at <= EXCLUDED.changed_at""")
                .param("id", partnerId).param("status", status).param("suspended", suspended).param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Page page(String region, String status, int page, int size) {
        List<Entry> representatives = status == null || status.equals("REPRESENTATIVE")
                ? jdbc.sql(ENTRY + LISTED + " AND s.status = 'REPRESENTATIVE' ORDER BY p.legal_name, p.partner_id")
                        .param("region", region).param("status", status)
                        .query((rs, n) -> entry(rs)).list()
                : List.of();
        String others = LISTED + " AND s.status <> 'REPRESENTATIVE'";
        List<Entry> partners = jdbc.sql(ENTRY + others
                        + " ORDER BY CASE s.status WHEN 'EXPERT' THEN 0 ELSE 1 END, p.legal_name, p.partner_id LIMIT :limit OFFSET :offset")
                .param("region", region).param("status", status).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> entry(rs)).list();
        long total = jdbc.sql("SELECT count(*) " + others).param("region", region).param("status", status).query(Long.class).single();
        return new Page(representatives, partners, page, size, total);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getString("partner_id"), rs.getString("legal_name"), rs.getString("region"), rs.getString("website"),
                rs.getString("status"));
    }
}
