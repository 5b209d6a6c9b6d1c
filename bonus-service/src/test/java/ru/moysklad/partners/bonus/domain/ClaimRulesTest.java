package ru.moysklad.partners.bonus.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ClaimRules rules = new ClaimRules(new ActivityCatalogue(Map.of(
            "WEBINAR", new ActivityCatalogue.ActivityType(20, "a webinar hosted"),
            "INDUSTRY_EVENT", new ActivityCatalogue.ActivityType(30, "an industry event"))), Period.ofYears(1));

    @Test
    void shouldAcceptAClaimOfACatalogueActivityThatTookPlace() {
        assertThatCode(() -> rules.check("WEBINAR", TODAY, "https://partner.ru/webinar", "a webinar on stock", TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check("WEBINAR", TODAY.minusYears(1), null, "a year ago to the day", TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNameEveryFieldAtFault() {
        assertThatThrownBy(() -> rules.check("PARTY", TODAY.plusDays(1), "ftp://files", " ", TODAY))
                .isInstanceOfSatisfying(InvalidFields.class, invalid ->
                        assertThat(invalid.problems()).containsOnlyKeys("type", "date", "evidenceUrl", "description"));
        assertThatThrownBy(() -> rules.check("WEBINAR", TODAY.minusYears(1).minusDays(1), null, "too old", TODAY))
                .isInstanceOfSatisfying(InvalidFields.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("date"));
        assertThatThrownBy(() -> rules.check("WEBINAR", null, null, "when?", TODAY))
                .isInstanceOfSatisfying(InvalidFields.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("date"));
    }

    @Test
    void shouldLetAClaimBeDecidedOnlyOnce() {
        ActivityClaim submitted = new ActivityClaim("c-1", "p-1", "WEBINAR", TODAY, null, "webinar", ClaimState.SUBMITTED, null, null,
                null, Instant.parse("2026-11-25T10:00:00Z"), null);

        ActivityClaim approved = submitted.approve(20, "staff", Instant.parse("2026-11-25T11:00:00Z"));

        assertThat(approved.state()).isEqualTo(ClaimState.APPROVED);
        assertThat(approved.points()).isEqualTo(20);
        assertThatThrownBy(() -> approved.reject("no", "staff", Instant.now())).isInstanceOf(ClaimAlreadyDecided.class)
                .hasMessageContaining("already approved");
        assertThatThrownBy(() -> submitted.reject("no evidence", "staff", Instant.now()).approve(20, "staff", Instant.now()))
                .isInstanceOf(ClaimAlreadyDecided.class);
    }
}
