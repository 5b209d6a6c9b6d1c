package ru.moysklad.partners.bonus.adapter.out.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.bonus.domain.ActivityClaims;
import ru.moysklad.partners.bonus.domain.ClaimState;

@Repository
class JdbcActivityClaims implements ActivityClaims {

    private static final String COLUMNS = "claim_id, partner_id, activity_type, activity_date, evidence_url, description, state, points,"
            + " decided_by, decision_reason, submitted_at, decided_at";

    private final JdbcClient jdbc;

    JdbcActivityClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(ActivityClaim claim) {
        jdbc.sql("""
                        INSERT INTO activity_claim (claim_id, partner_id, activity_type, activity_date, evidence_url, description, state,
                                                    submitted_at)
                        VALUES (:id, :partner, :type, :date, :evidence, :description, :state, :submitted)""")
                .param("id", claim.claimId())
                .param("partner", claim.partnerId())
                .param("type", claim.type())
                .param("date", Date.valueOf(claim.activityDate()))
                .param("evidence", claim.evidenceUrl())
                .param("description", claim.description())
                .param("state", claim.state().name())
                .param("submitted", Timestamp.from(claim.submittedAt()))
                .update();
    }

    @Override
    public Optional<ActivityClaim> lock(String claimId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_claim WHERE claim_id = :id FOR UPDATE")
                .param("id", claimId).query((rs, n) -> claim(rs)).optional();
    }

    @Override
    public void update(ActivityClaim claim) {
        jdbc.sql("""
                        UPDATE activity_claim SET state = :state, points = :points, decided_by = :by, decision_reason = :reason,
                                                  decided_at = :at
                         WHERE claim_id = :id""")
                .param("state", claim.state().name())
                .param("points", claim.points())
                .param("by", claim.decidedBy())
                .param("reason", claim.decisionReason())
                .param("at", claim.decidedAt() == null ? null : Timestamp.from(claim.decidedAt()))
                .param("id", claim.claimId())
                .update();
    }

    @Override
    public Optional<ActivityClaim> findSerialised(String claimId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('activity-claim:' || :id))").param("id", claimId).query().singleRow();
        return find(claimId);
    }

    @Override
    public Optional<ActivityClaim> find(String claimId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_claim WHERE claim_id = :id")
                .param("id", claimId).query((rs, n) -> claim(rs)).optional();
    }

    @Override
    public List<ActivityClaim> ofPartner(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_claim WHERE partner_id = :partner ORDER BY submitted_at, claim_id")
                .param("partner", partnerId).query((rs, n) -> claim(rs)).list();
    }

    @Override
    public List<ActivityClaim> inState(ClaimState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activity_claim WHERE state = :state ORDER BY submitted_at, claim_id LIMIT :limit")
                .param("state", state.name()).param("limit", limit).query((rs, n) -> claim(rs)).list();
    }

    @Override
    public long approvedPoints(String partnerId, int year) {
        return jdbc.sql("""
                        SELECT COALESCE(sum(points), 0) FROM activity_claim
                         WHERE partner_id = :partner AND state = 'APPROVED' AND activity_date >= :from AND activity_date < :to""")
                .param("partner", partnerId)
                .param("from", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("to", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query(Long.class).single();
    }

    private static ActivityClaim claim(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ActivityClaim(rs.getString("claim_id"), rs.getString("partner_id"), rs.getString("activity_type"),
                rs.getDate("activity_date").toLocalDate(), rs.getString("evidence_url"), rs.getString("description"),
                ClaimState.valueOf(rs.getString("state")), (Integer) rs.getObject("points"), rs.getString("decided_by"),
                rs.getString("decision_reason"), rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant());
    }
}
