package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.tier.domain.ReviewRuns;

@Repository
class JdbcReviewRuns implements ReviewRuns {

    private static final String COLUMNS = "review_date, rules_version, started_at, finished_at, partners_reviewed,"
            + " (SELECT count(*) FROM status_change s WHERE s.triggering_event_id = 'review:' || to_char(r.review_date, 'YYYY-MM-DD'))";

    private final JdbcClient jdbc;

    JdbcReviewRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Run start(LocalDate reviewDate, String rulesVersion, Instant at) {
        jdbc.sql("INSERT INTO review_run (review_date, rules_version, started_at) VALUES (:date, :version, :at) ON CONFLICT DO NOTHING")
                .param("date", Date.valueOf(reviewDate))
                .param("version", rulesVersion)
                .param("at", Timestamp.from(at))
                .update();
        return find(reviewDate).orElseThrow();
    }

    @Override
    public String queuedThroughLocked(LocalDate reviewDate) {
        return jdbc.sql("SELECT queued_through FROM review_run WHERE review_date = :date FOR UPDATE")
                .param("date", Date.valueOf(reviewDate))
                .query(String.class)
                .single();
    }

    @Override
    public void queued(LocalDate reviewDate, String lastPartnerId, int count) {
        jdbc.sql("""
                        UPDATE review_run SET queued_through = :last, partners_reviewed = partners_reviewed + :count
                         WHERE review_date = :date""")
                .param("last", lastPartnerId)
                .param("count", count)
                .param("date", Date.valueOf(reviewDate))
                .update();
    }

    @Override
    public void finish(LocalDate reviewDate, Instant at) {
        jdbc.sql("UPDATE review_run SET finished_at = :at WHERE review_date = :date AND finished_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("date", Date.valueOf(reviewDate))
                .update();
    }

    @Override
    public Optional<Run> find(LocalDate reviewDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_run r WHERE review_date = :date")
                .param("date", Date.valueOf(reviewDate))
                .query((rs, n) -> run(rs))
                .optional();
    }

    @Override
    public List<Run> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_run r ORDER BY review_date DESC").query((rs, n) -> run(rs)).list();
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(4);
        return new Run(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getTimestamp(3).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong(5), rs.getLong(6));
    }
}
