package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.tier.domain.ChangeReason;
import ru.moysklad.partners.tier.domain.RuleEvaluation;
import ru.moysklad.partners.tier.domain.Status;
import ru.moysklad.partners.tier.domain.StatusDecision;
import ru.moysklad.partners.tier.domain.StatusHistory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcStatusHistory implements StatusHistory {

    private static final TypeReference<List<StoredRule>> RULES = new TypeReference<>() {
    };

    /** A rule as the history keeps it: the figures and the verdict, as they were then. */
    record StoredRule(String ruleId, String unit, long required, long actual, boolean met, String period) {

        static StoredRule of(RuleEvaluation rule) {
            return new StoredRule(rule.ruleId(), rule.unit().name(), rule.required(), rule.actual(), rule.met(), rule.period());
        }

        RuleEvaluation evaluation() {
            return new RuleEvaluation(ruleId, RuleEvaluation.Unit.valueOf(unit), required, actual, period);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcStatusHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(StatusDecision decision, String triggeringEventId, Instant at) {
        jdbc.sql("""
                        INSERT INTO status_change (partner_id, occurred_at, old_status, new_status, reason, suspended, rules,
                                                   rules_version, triggering_event_id)
                        VALUES (:partner, :at, :old, :new, :reason, :suspended, CAST(:rules AS jsonb), :version, :trigger)""")
                .param("partner", decision.partnerId())
                .param("at", Timestamp.from(at))
                .param("old", decision.oldStatus().name())
                .param("new", decision.newStatus().name())
                .param("reason", decision.reason().name())
                .param("suspended", decision.suspended())
                .param("rules", json.writeValueAsString(decision.evaluations().stream().map(StoredRule::of).toList()))
                .param("version", decision.rulesVersion())
                .param("trigger", triggeringEventId)
                .update();
    }

    @Override
    public List<Entry> of(String partnerId) {
        return jdbc.sql("""
                        SELECT occurred_at, old_status, new_status, reason, suspended, rules, rules_version, triggering_event_id
                          FROM status_change WHERE partner_id = :partner ORDER BY id""")
                .param("partner", partnerId)
                .query((rs, n) -> new Entry(rs.getTimestamp(1).toInstant(),
                        new StatusDecision(partnerId, Status.valueOf(rs.getString(2)), Status.valueOf(rs.getString(3)),
                                ChangeReason.valueOf(rs.getString(4)), rs.getBoolean(5),
                                json.readValue(rs.getString(6), RULES).stream().map(StoredRule::evaluation).toList(),
                                rs.getString(7)),
                        rs.getString(8)))
                .list();
    }
}
