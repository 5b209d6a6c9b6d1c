package ru.moysklad.partners.bonus.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.bonus.domain.BonusLedger;
import ru.moysklad.partners.bonus.domain.LedgerEntry;

@Repository
class JdbcBonusLedger implements BonusLedger {

    private final JdbcClient jdbc;

    JdbcBonusLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean book(String partnerId, LedgerEntry entry) {
        return jdbc.sql("""
                        INSERT INTO bonus_ledger_entry (partner_id, points, rule_id, reason, source_event_id, booked_at)
                        VALUES (:partner, :points, :rule, :reason, :source, :at) ON CONFLICT (source_event_id) DO NOTHING""")
                .param("partner", partnerId)
                .param("points", entry.points())
                .param("rule", entry.ruleId())
                .param("reason", entry.reason())
                .param("source", entry.sourceId())
                .param("at", Timestamp.from(entry.bookedAt()))
                .update() == 1;
    }

    @Override
    public long balance(String partnerId) {
        return jdbc.sql("SELECT COALESCE(sum(points), 0) FROM bonus_ledger_entry WHERE partner_id = :partner")
                .param("partner", partnerId).query(Long.class).single();
    }

    @Override
    public long balanceBefore(String partnerId, Instant moment) {
        return jdbc.sql("SELECT COALESCE(sum(points), 0) FROM bonus_ledger_entry WHERE partner_id = :partner AND booked_at < :moment")
                .param("partner", partnerId).param("moment", Timestamp.from(moment)).query(Long.class).single();
    }

    @Override
    public List<LedgerEntry> entries(String partnerId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT points, rule_id, reason, source_event_id, booked_at FROM bonus_ledger_entry
                         WHERE partner_id = :partner AND booked_at >= :from AND booked_at < :to ORDER BY booked_at, entry_id""")
                .param("partner", partnerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    @Override
    public void lock(String partnerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('bonus-ledger:' || :partner))").param("partner", partnerId).query().singleRow();
    }

    @Override
    public Optional<LedgerEntry> bookedBy(String sourceId) {
        return jdbc.sql("SELECT points, rule_id, reason, source_event_id, booked_at FROM bonus_ledger_entry WHERE source_event_id = :source")
                .param("source", sourceId)
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    @Override
    public long bookedByPrefix(String sourcePrefix) {
        return jdbc.sql("SELECT COALESCE(sum(points), 0) FROM bonus_ledger_entry WHERE starts_with(source_event_id, :prefix)")
                .param("prefix", sourcePrefix).query(Long.class).single();
    }

    @Override
    public List<String> partnersWithCreditsBefore(Instant moment) {
        return jdbc.sql("SELECT DISTINCT partner_id FROM bonus_ledger_entry WHERE points > 0 AND booked_at < :moment ORDER BY partner_id")
                .param("moment", Timestamp.from(moment)).query(String.class).list();
    }
}
