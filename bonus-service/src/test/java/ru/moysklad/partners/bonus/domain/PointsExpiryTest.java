package ru.moysklad.partners.bonus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PointsExpiryTest {

    private static final Instant JAN = Instant.parse("2025-01-10T00:00:00Z");
    private static final Instant JUN = Instant.parse("2025-06-10T00:00:00Z");
    private static final Instant DEC = Instant.parse("2025-12-10T00:00:00Z");

    private static LedgerEntry entry(long points, Instant at) {
        return new LedgerEntry(points, points > 0 ? "CREDIT" : "DEBIT", "test", "s-" + points + at, at);
    }

    @Test
    void shouldExpireWhatIsLeftOfCreditsBeforeTheCutoffSpendingTheOldestFirst() {
        // 10,000 in January, 500 in June; 3,000 spent in December uses January's first
        List<LedgerEntry> ledger = List.of(entry(10_000, JAN), entry(500, JUN), entry(-3_000, DEC));

        assertThat(PointsExpiry.due(ledger, Instant.parse("2025-03-01T00:00:00Z"))).isEqualTo(7_000);
        assertThat(PointsExpiry.due(ledger, Instant.parse("2025-07-01T00:00:00Z"))).isEqualTo(7_500);
        assertThat(PointsExpiry.due(ledger, JAN)).isZero();
    }

    @Test
    void shouldExpireNothingTwice() {
        List<LedgerEntry> ledger = List.of(entry(10_000, JAN), entry(500, JUN), entry(-7_000, DEC));

        assertThat(PointsExpiry.due(List.of(ledger.get(0), ledger.get(1), ledger.get(2), entry(-3_000, DEC.plusSeconds(1))),
                Instant.parse("2025-03-01T00:00:00Z"))).as("January's lot is used up by the spending and the earlier expiry").isZero();
    }

    @Test
    void shouldExpireNothingWhenEverythingWasSpent() {
        assertThat(PointsExpiry.due(List.of(entry(1_000, JAN), entry(-1_000, JUN)), DEC)).isZero();
    }
}
