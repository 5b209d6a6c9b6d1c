package ru.moysklad.partners.bonus.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatementTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void shouldCloseAtTheOpeningBalancePlusEveryEntry() {
        Statement statement = Statement.of("p", T, T.plusSeconds(86_400), 10_000, List.of(
                new LedgerEntry(200, "ACTIVITY", "webinar", "activity:1", T.plusSeconds(1)),
                new LedgerEntry(-3_000, "REDEMPTION", "a training course", "redeem:1", T.plusSeconds(2))));

        assertThat(statement.closingBalance()).isEqualTo(7_200);
        assertThat(statement.entries()).hasSize(2);
    }

    @Test
    void shouldCreditAnActivityAtTheRatioAndRefuseEmptyEntries() {
        assertThat(new BonusRules(10_000, 10).forActivity(30)).isEqualTo(300);
        assertThatThrownBy(() -> new LedgerEntry(0, "B4", "nothing", "x", T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BonusRules(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
