package ru.moysklad.partners.lead.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.lead.application.LeadSettings;
import ru.moysklad.partners.lead.domain.PartnerRoster;
import ru.moysklad.partners.lead.domain.ProgramStatus;
import ru.moysklad.partners.lead.domain.RegionScope;
import ru.moysklad.partners.lead.domain.ResponseRecord;
import ru.moysklad.partners.lead.domain.RoutingPartner;

@Repository
class JdbcPartnerRoster implements PartnerRoster {

    private static final String PARTNER = """
            SELECT p.partner_id, p.status, p.suspended_by_status OR p.suspended_by_partner AS suspended,
                   coalesce(p.max_open_leads, :defaultMax) AS max_open_leads, coalesce(l.open_leads, 0) AS open_leads""";

    /**
     * Routing's read of a scope's partners, with their recent answers; {@code %s} narrows it to the
     * scope's regions. Every lead's routing reads it, so it is written for a plan the server keeps:
     * the regions are bound as one array, and a scope of any region is a statement of its own — with
     * "{@code :anyRegion OR regions && string_to_array(...)}" the server judged its kept plan costlier
     * than one made for each call's values, planned the statement anew at every call (more than a
     * third of its time) and split the regions' text again for every partner. Ordered by id so that
     * the same facts always give the router the same list; byte order, as the ids are ASCII, where the
     * database's collation compared each pair of ids through the C library's locale functions.
     */
    private static final String PARTNERS = PARTNER + """
            , 0 AS pass, a.accepted, a.declined, a.missed, a.answered_seconds
            FROM routing_partner p
            LEFT JOIN partner_load l ON l.partner_id = p.partner_id
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE o.answer = 'ACCEPTED') AS accepted,
                       count(*) FILTER (WHERE o.answer = 'DECLINED') AS declined,
                       count(*) FILTER (WHERE o.answer = 'MISSED') AS missed,
                       coalesce(sum(o.response_seconds) FILTER (WHERE o.answer IN ('ACCEPTED', 'DECLINED')), 0) AS answered_seconds
                FROM offer o
                WHERE o.partner_id = p.partner_id AND o.offered_at >= :since AND o.answer IN ('ACCEPTED', 'DECLINED', 'MISSED')) a
            WHERE p.status IN ('PARTNER', 'EXPERT', 'REPRESENTATIVE') %s
            ORDER BY p.partner_id COLLATE "C\"""";

    private final JdbcClient jdbc;
    private final int defaultMaxOpenLeads;

    JdbcPartnerRoster(JdbcClient jdbc, LeadSettings settings) {
        this.jdbc = jdbc;
        this.defaultMaxOpenLeads = settings.routing().defaultMaxOpenLeads();
    }

    @Override
    public void registered(String partnerId, String region) {
        jdbc.sql("""
                        INSERT INTO routing_partner (partner_id, home_region, regions) VALUES (:id, :region, ARRAY[:region])
                        ON CONFLICT (partner_id) DO UPDATE SET home_region = EXCLUDED.home_region,
                            regions = CASE WHEN routing_partner.preferences_set THEN routing_partner.regions ELSE EXCLUDED.regions END""")
                .param("id", partnerId).param("region", region).update();
        ensureLoad(partnerId);
    }

    @Override
    public void preferencesChanged(String partnerId, List<String> regionsServed, int maxOpenLeads) {
        jdbc.sql("""
                        INSERT INTO routing_partner (partner_id, regions, preferences_set, max_open_leads)
                        VALUES (:id, string_to_array(:regions, ','), true, :max)
                        ON CONFLICT (partner_id) DO UPDATE SET regions = EXCLUDED.regions, preferences_set = true,
                            max_open_leads = EXCLUDED.max_open_leads""")
                .param("id", partnerId).param("regions", String.join(",", regionsServed)).param("max", maxOpenLeads).update();
        ensureLoad(partnerId);
    }

    @Override
    public void statusChanged(String partnerId, ProgramStatus status, boolean suspended) {
        jdbc.sql("""
                        INSERT INTO routing_partner (partner_id, status, suspended_by_status) VALUES (:id, :status, :suspended)
                        ON CONFLICT (partner_id) DO UPDATE SET status = EXCLUDED.status, suspended_by_status = EXCLUDED.suspended_by_status""")
                .param("id", partnerId).param("status", status.name()).param("suspended", suspended).update();
        ensureLoad(partnerId);
    }

    @Override
    public void suspensionChanged(String partnerId, boolean suspended) {
        jdbc.sql("""
                        INSERT INTO routing_partner (partner_id, suspended_by_partner) VALUES (:id, :suspended)
                        ON CONFLICT (partner_id) DO UPDATE SET suspended_by_partner = EXCLUDED.suspended_by_partner""")
                .param("id", partnerId).param("suspended", suspended).update();
        ensureLoad(partnerId);
    }

    @Override
    public Optional<RoutingPartner> find(String partnerId) {
        return jdbc.sql(PARTNER + ", 0 AS pass, 0 AS accepted, 0 AS declined, 0 AS missed, 0 AS answered_seconds"
                        + " FROM routing_partner p LEFT JOIN partner_load l ON l.partner_id = p.partner_id WHERE p.partner_id = :id")
                .param("defaultMax", defaultMaxOpenLeads).param("id", partnerId)
                .query((rs, n) -> partner(rs)).optional();
    }

    @Override
    public void lockRegion(String region) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('lead-routing:' || :region))").param("region", region).query().singleRow();
    }

    @Override
    public List<RoutingPartner> partnersIn(RegionScope scope, Instant answersSince) {
        JdbcClient.StatementSpec read = scope.anyRegion() ? jdbc.sql(PARTNERS.formatted(""))
                : jdbc.sql(PARTNERS.formatted("AND p.regions && :regions::text[]")).param("regions", scope.regions().toArray(String[]::new));
        return read.param("defaultMax", defaultMaxOpenLeads)
                .param("since", Timestamp.from(answersSince))
                .query((rs, n) -> partner(rs))
                .list();
    }

    @Override
    public Map<String, Long> standingsIn(String rotationRegion) {
        Map<String, Long> standings = new HashMap<>();
        jdbc.sql("SELECT partner_id, pass FROM rotation WHERE region = :region").param("region", rotationRegion)
                .query(rs -> {
                    standings.put(rs.getString("partner_id"), rs.getLong("pass"));
                });
        return standings;
    }

    @Override
    public boolean takePlace(String partnerId, String rotationRegion, long pass) {
        // one statement: the region's lock, which the standing needs, waits on every round trip made while it is held
        return jdbc.sql("""
                        WITH taken AS (
                            UPDATE partner_load SET open_leads = open_leads + 1
                            WHERE partner_id = :id
                              AND open_leads < (SELECT coalesce(max_open_leads, :defaultMax) FROM routing_partner WHERE partner_id = :id)
                            RETURNING partner_id)
                        INSERT INTO rotation (region, partner_id, pass) SELECT :region, partner_id, :pass FROM taken
                        ON CONFLICT (region, partner_id) DO UPDATE SET pass = EXCLUDED.pass""")
                .param("id", partnerId).param("defaultMax", defaultMaxOpenLeads).param("region", rotationRegion).param("pass", pass)
                .update() == 1;
    }

    @Override
    public void releasePlace(String partnerId) {
        jdbc.sql("UPDATE partner_load SET open_leads = greatest(open_leads - 1, 0) WHERE partner_id = :id").param("id", partnerId).update();
    }

    private void ensureLoad(String partnerId) {
        jdbc.sql("INSERT INTO partner_load (partner_id) VALUES (:id) ON CONFLICT DO NOTHING").param("id", partnerId).update();
    }

    private static RoutingPartner partner(ResultSet rs) throws SQLException {
        return new RoutingPartner(rs.getString("partner_id"), ProgramStatus.valueOf(rs.getString("status")), rs.getBoolean("suspended"),
                rs.getInt("max_open_leads"), rs.getInt("open_leads"),
                rs.getLong("pass"), new ResponseRecord(rs.getInt("accepted"), rs.getInt("declined"), rs.getInt("missed"),
                        rs.getLong("answered_seconds")));
    }
}
