package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.application.DailyChecks;

@Repository
class JdbcDailyChecks implements DailyChecks {

    private final JdbcClient jdbc;

    JdbcDailyChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claimRun(String check, LocalDate day) {
        // One row per check: the instance whose update moves the day forward runs it; the others see 0 rows.
        jdbc.sql("INSERT INTO daily_check (check_name, last_day) VALUES (:check, DATE '1970-01-01') ON CONFLICT DO NOTHING")
                .param("check", check).update();
        return jdbc.sql("UPDATE daily_check SET last_day = :day WHERE check_name = :check AND last_day < :day")
                .param("day", day).param("check", check).update() == 1;
    }

    @Override
    public List<String> partnersAfter(String partnerId, int limit) {
        return jdbc.sql("SELECT partner_id FROM known_partner WHERE partner_id > :after ORDER BY partner_id LIMIT :limit")
                .param("after", partnerId).param("limit", limit).query(String.class).list();
    }
}
