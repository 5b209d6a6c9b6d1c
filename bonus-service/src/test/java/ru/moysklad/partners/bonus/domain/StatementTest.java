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

    private final BonusRules rules = new BonusRules(10_000, 10, new java.math.BigDecimal("0.01"));

    @Test
    void shouldCreditAnActivityAtTheRatioAndRefuseEmptyEntries() {
        assertThat(rules.forActivity(30)).isEqualTo(300);
        assertThatThrownBy(() -> new LedgerEntry(0, "B4", "nothing", "x", T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BonusRules(-1, 10, java.math.BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} kopecks -> {1} points")
    @org.junit.jupiter.params.provider.CsvSource({"9999,0", "10000,1", "1999999,199", "12000000,1200", "0,0"})
    void shouldCreditB7AWholePointPerHundredRoublesRoundingDown(long kopecks, long points) {
        assertThat(rules.forSales(kopecks)).isEqualTo(points);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, suspended {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"PARTNER,false,true", "EXPERT,false,true", "REPRESENTATIVE,false,true",
            "PARTNER_START,false,false", "APPLICANT,false,false", "PARTNER,true,false", ",false,false"})
    void shouldGiveB7ToPartnerAndAboveOnlyWhenNotSuspended(String status, boolean suspended, boolean eligible) {
        assertThat(rules.extendedProgramFor(status, suspended)).isEqualTo(eligible);
    }
}
