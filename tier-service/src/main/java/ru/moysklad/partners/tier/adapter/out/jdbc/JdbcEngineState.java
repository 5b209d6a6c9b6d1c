package ru.moysklad.partners.tier.adapter.out.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.tier.application.Rebuild;

/** Everything the engine derives from its input log; review runs are kept, they record what was done. */
@Repository
class JdbcEngineState implements Rebuild.State {

    private final JdbcClient jdbc;
    private final RememberedPartners remembered;

    JdbcEngineState(JdbcClient jdbc, RememberedPartners remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    @Override
    public void forgetAll() {
        jdbc.sql("TRUNCATE partner_month, partner_onboarding, status_change, partner").update();
        remembered.forgetAll();
    }
}
