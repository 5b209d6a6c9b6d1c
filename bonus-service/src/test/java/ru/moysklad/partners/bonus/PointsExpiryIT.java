package ru.moysklad.partners.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import ru.moysklad.partners.bonus.application.BonusPoints;
import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

/** With an expiry set (here: at once), unspent points are booked out, oldest first, once a day. */
@TestPropertySource(properties = "bonus.ledger.expire-after=P0D")
class PointsExpiryIT extends ServiceStartsHealthy {

    @Autowired
    BonusPoints bonusPoints;

    @Test
    void shouldBookOutUnspentPointsOnceAndNeverBelowZero() throws Exception {
        String partnerId = "partner-" + UUID.randomUUID();
        bonusPoints.welcome(partnerId, java.time.Instant.now().minusSeconds(60));
        bonusPoints.redeem(partnerId, "MERCH_PACK", "k-1");

        bonusPoints.expire();
        bonusPoints.expire();

        assertThat(bonusPoints.balance(partnerId)).isZero();
        assertThat(jdbc.sql("SELECT points FROM bonus_ledger_entry WHERE partner_id = ? AND rule_id = 'EXPIRY'").param(partnerId)
                .query(Long.class).list()).containsExactly(-8_500L);
    }
}
