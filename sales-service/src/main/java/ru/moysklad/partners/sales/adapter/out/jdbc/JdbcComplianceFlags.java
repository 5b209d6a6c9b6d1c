package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.domain.ComplianceFlags;
import ru.moysklad.partners.sales.domain.ImitationCheck;

@Repository
class JdbcComplianceFlags implements ComplianceFlags {

    private static final String FLAG_COLUMNS =
            "flag_id, partner_id, rule_id, client_account_id, served_since, detail, raised_at, cleared_at";

    private final JdbcClient jdbc;

    JdbcComplianceFlags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImitationCheck.Facts imitationFacts(String partnerId, Instant periodStart, Instant now) {
        record Window(List<String> clients, long discounted) {
        }
        Window window = jdbc.sql("""
                        SELECT array_agg(DISTINCT client_account_id),
                               count(*) FILTER (WHERE partner_price_kopecks < list_price_kopecks)
                          FROM sale WHERE partner_id = :partnerId AND paid_at > :start AND paid_at <= :now""")
                .param("partnerId", partnerId)
                .param("start", Timestamp.from(periodStart))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Window(strings(rs.getArray(1)), rs.getLong(2)))
                .single();
        // one client and no discounted sale to it (a partner without a discount yet): no such moment
        Instant firstDiscounted = window.clients().size() != 1 ? null : jdbc.sql("""
                        SELECT paid_at FROM sale WHERE partner_id = :partnerId AND client_account_id = :client
                           AND partner_price_kopecks < list_price_kopecks ORDER BY paid_at LIMIT 1""")
                .param("partnerId", partnerId)
                .param("client", window.clients().get(0))
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
        return new ImitationCheck.Facts(window.clients(), window.discounted(), firstDiscounted);
    }

    @Override
    public Optional<Flag> openFlag(String partnerId, String ruleId) {
        return jdbc.sql("SELECT " + FLAG_COLUMNS + " FROM compliance_flag"
                        + " WHERE partner_id = :partnerId AND rule_id = :ruleId AND cleared_at IS NULL FOR UPDATE")
                .param("partnerId", partnerId)
                .param("ruleId", ruleId)
                .query(JdbcComplianceFlags::flagOf)
                .optional();
    }

    @Override
    public void raise(Flag flag) {
        jdbc.sql("INSERT INTO compliance_flag (" + FLAG_COLUMNS + ") VALUES (:flagId, :partnerId, :ruleId, :client,"
                        + " :servedSince, :detail, :raisedAt, NULL)")
                .param("flagId", flag.flagId())
                .param("partnerId", flag.partnerId())
                .param("ruleId", flag.ruleId())
                .param("client", flag.clientAccountId())
                .param("servedSince", Timestamp.from(flag.servedSince()))
                .param("detail", flag.detail())
                .param("raisedAt", Timestamp.from(flag.raisedAt()))
                .update();
    }

    @Override
    public void clear(String flagId, Instant at) {
        jdbc.sql("UPDATE compliance_flag SET cleared_at = :at WHERE flag_id = :flagId")
                .param("at", Timestamp.from(at))
                .param("flagId", flagId)
                .update();
    }

    @Override
    public List<Flag> flags(boolean includeCleared) {
        return jdbc.sql("SELECT " + FLAG_COLUMNS + " FROM compliance_flag"
                        + (includeCleared ? "" : " WHERE cleared_at IS NULL") + " ORDER BY raised_at DESC, flag_id LIMIT 1000")
                .query(JdbcComplianceFlags::flagOf)
                .list();
    }

    private static Flag flagOf(ResultSet rs, int row) throws SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        return new Flag(rs.getString("flag_id"), rs.getString("partner_id"), rs.getString("rule_id"),
                rs.getString("client_account_id"), rs.getTimestamp("served_since").toInstant(), rs.getString("detail"),
                rs.getTimestamp("raised_at").toInstant(), cleared == null ? null : cleared.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values).map(String::valueOf).toList();
    }
}
