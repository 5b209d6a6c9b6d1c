package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.platform.kafka.BatchApplier;

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

    private record Row(String partnerId, String at, String oldStatus, String newStatus, String reason, boolean suspended, String rules,
                       String version, String trigger) {
    }

    @Override
    public void record(StatusDecision decision, String triggeringEventId, Instant at) {
        Row row = new Row(decision.partnerId(), at.toString(), decision.oldStatus().name(), decision.newStatus().name(),
                decision.reason().name(), decision.suspended(),
                json.writeValueAsString(decision.evaluations().stream().map(StoredRule::of).toList()), decision.rulesVersion(),
                triggeringEventId);
        // a batch of facts applied together writes its changes together
        BatchApplier.<Row>gatherUntilCommit(this, this::insert).ifPresentOrElse(rows -> rows.add(row), () -> insert(List.of(row)));
    }

    /** In the order given: the history's ids are its order. */
    private void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[][] text = new String[8][size];
        boolean[] suspended = new boolean[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            String[] values = {row.partnerId(), row.at(), row.oldStatus(), row.newStatus(), row.reason(), row.rules(), row.version(),
                    row.trigger()};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
            suspended[i] = row.suspended();
        }
        jdbc.sql("""
                        INSERT INTO status_change (partner_id, occurred_at, old_status, new_status, reason, suspended, rules,
                                                   rules_version, triggering_event_id)
                        SELECT partner_id, occurred_at, old_status, new_status, reason, suspended, rules, rules_version, trigger
                          FROM unnest(:partners::text[], :ats::timestamptz[], :olds::text[], :news::text[], :reasons::text[],
                                      :suspended::boolean[], :rules::jsonb[], :versions::text[], :triggers::text[])
                               WITH ORDINALITY AS c(partner_id, occurred_at, old_status, new_status, reason, suspended, rules,
                                                    rules_version, trigger, n)
                         ORDER BY n""")
                .param("partners", text[0])
                .param("ats", text[1])
                .param("olds", text[2])
                .param("news", text[3])
                .param("reasons", text[4])
                .param("suspended", suspended)
                .param("rules", text[5])
                .param("versions", text[6])
                .param("triggers", text[7])
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
