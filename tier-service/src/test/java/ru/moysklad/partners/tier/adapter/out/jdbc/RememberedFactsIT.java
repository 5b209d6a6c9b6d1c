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
class RememberedFactsIT extends ServiceStartsHealthy {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    private PartnerRecords records;
    @Autowired
    private RememberedFacts remembered;
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
        assertThat(remembered.recall(List.of(selling)).get(selling).cumulativeSalesKopecks()).isEqualTo(250_000);
        // what is remembered is what was committed, and the reviewed partner is read back as it was left
        transactions.executeWithoutResult(status -> {
            records.holdAll(List.of(selling, reviewed));
            assertThat(records.find(selling).orElseThrow().facts().cumulativeSalesKopecks()).isEqualTo(250_000);
            assertThat(records.find(reviewed).orElseThrow().status()).isEqualTo(Status.PARTNER);
        });
        assertThat(jdbc.sql("SELECT last_review_date FROM partner WHERE partner_id = ?").param(reviewed)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 7, 1));
    }
}
