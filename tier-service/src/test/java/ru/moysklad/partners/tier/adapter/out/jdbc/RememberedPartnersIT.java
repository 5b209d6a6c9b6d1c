package ru.moysklad.partners.tier.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;
import ru.moysklad.partners.tier.domain.MonthFigures;
import ru.moysklad.partners.tier.domain.PartnerRecord;
import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.Status;

/**
 * Which partners' facts a batch leaves in memory for the next one (issue 13): those it gave a fact
 * or created, not those it only read — a review visits each of a million partners once, and
 * remembering them pushed out the partners whose sales keep coming.
 */
class RememberedPartnersIT extends ServiceStartsHealthy {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    private PartnerRecords records;
    @Autowired
    private RememberedPartners remembered;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void shouldRememberThePartnersABatchGaveAFactAndNotThoseItOnlyReviewed() {
        String selling = "remembered-" + UUID.randomUUID();
        String reviewed = "remembered-" + UUID.randomUUID();
        String created = "remembered-" + UUID.randomUUID();
        for (String id : List.of(selling, reviewed)) {
            jdbc.sql("INSERT INTO partner (partner_id, status, status_since) VALUES (?, 'PARTNER', ?)")
                    .params(id, java.sql.Timestamp.from(AT)).update();
        }

        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(selling, reviewed, created));
            PartnerRecord record = records.lock(selling, AT);
            YearMonth month = YearMonth.of(2026, 3);
            MonthFigures sale = MonthFigures.sales(250_000, true);
            records.addFigures(record.facts().with(month, sale), month, sale);
            records.lock(reviewed, AT);
            assertThat(records.markReviewed(reviewed, LocalDate.of(2026, 7, 1))).isTrue();
            records.lock(created, AT);
        });

        assertThat(remembered.recall(List.of(selling, reviewed, created))).containsOnlyKeys(selling, created);
        assertThat(remembered.recall(List.of(selling)).get(selling).record().facts().cumulativeSalesKopecks()).isEqualTo(250_000);
        // what is remembered is what was committed, and the reviewed partner is read back as it was left
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(selling, reviewed));
            assertThat(records.find(selling).orElseThrow().facts().cumulativeSalesKopecks()).isEqualTo(250_000);
            assertThat(records.find(reviewed).orElseThrow().status()).isEqualTo(Status.PARTNER);
        });
        assertThat(jdbc.sql("SELECT last_review_date FROM partner WHERE partner_id = ?").param(reviewed)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void shouldTakeARememberedPartnersStatusAndReviewFromMemoryAsTheLastBatchLeftThem() {
        String partner = "remembered-" + UUID.randomUUID();
        YearMonth month = YearMonth.of(2026, 3);
        MonthFigures sale = MonthFigures.sales(100_000, false);
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(partner));
            PartnerRecord record = records.lock(partner, AT);
            records.addFigures(record.facts().with(month, sale), month, sale);
            records.setStatus(partner, Status.PARTNER, false, AT);
            assertThat(records.markReviewed(partner, LocalDate.of(2026, 1, 1))).isTrue();
        });
        // behind the engine's back, which the engine alone may not do: the next batch must not read the row again
        jdbc.sql("UPDATE partner SET status = 'EXPERT' WHERE partner_id = ?").param(partner).update();

        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(partner));
            PartnerRecord record = records.find(partner).orElseThrow();
            assertThat(record.status()).isEqualTo(Status.PARTNER);
            assertThat(record.facts().cumulativeSalesKopecks()).isEqualTo(100_000);
            assertThat(records.markReviewed(partner, LocalDate.of(2026, 1, 1))).as("already reviewed on that date").isFalse();
        });
    }

    @Test
    void shouldForgetAPartnerWrittenOneEventAtATime() {
        String partner = "remembered-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(partner));
            records.lock(partner, AT);
        });
        assertThat(remembered.recall(List.of(partner))).containsOnlyKeys(partner);

        // an event applied on its own (a batch that broke an invariant is applied again so) writes the row directly
        transactions.executeWithoutResult(status -> records.setStatus(partner, Status.PARTNER_START, false, AT));
        assertThat(remembered.recall(List.of(partner))).isEmpty();
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(partner));
            assertThat(records.find(partner).orElseThrow().status()).isEqualTo(Status.PARTNER_START);
        });

        assertThat(remembered.recall(List.of(partner))).as("a batch that only read it").isEmpty();

        YearMonth month = YearMonth.of(2026, 3);
        MonthFigures sale = MonthFigures.sales(1_000, false);
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(partner));
            records.addFigures(records.lock(partner, AT).facts().with(month, sale), month, sale);
        });
        assertThat(remembered.recall(List.of(partner))).containsOnlyKeys(partner);
        transactions.executeWithoutResult(status -> records.markReviewed(partner, LocalDate.of(2026, 7, 1)));
        assertThat(remembered.recall(List.of(partner))).isEmpty();
    }
}
