package ru.moysklad.partners.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.deploy.bench.StatementMeter.Asked;
import ru.moysklad.partners.deploy.bench.StatementMeter.Counted;

class StatementMeterTest {

    private final Asked asked = new Asked(List.of(
            new Counted("BEGIN", 10, 0.5),
            new Counted("COMMIT", 10, 20.0),
            new Counted("SELECT pg_advisory_xact_lock(hashtext($1 || $2))", 10, 30.0),
            new Counted("SELECT pg_advisory_xact_lock(hashtext($1 || key)) FROM unnest(ARRAY[$2, $3]) AS key", 10, 1.0),
            new Counted("INSERT INTO lead (lead_id) VALUES ($1)", 10, 4.0, 10, 6.0)));

    @Test
    void shouldCountStatementsAndTheirTimeWithoutTransactionControlAndTransactionsByTheirBegin() {
        assertThat(asked.statementCalls()).isEqualTo(30);
        assertThat(asked.statementMillis()).isEqualTo(35.0);
        assertThat(asked.transactions()).isEqualTo(10);
        assertThat(asked.plans()).isEqualTo(10);
        assertThat(asked.planMillis()).isEqualTo(6.0);
    }

    @Test
    void shouldNameTheHeaviestStatementsPlanningIncludedWithoutTransactionControl() {
        assertThat(asked.heaviest(2)).extracting(Counted::query)
                .containsExactly("SELECT pg_advisory_xact_lock(hashtext($1 || $2))", "INSERT INTO lead (lead_id) VALUES ($1)");
    }

    @Test
    void shouldCountEveryStatementHoldingAFragmentTogether() {
        Counted locks = asked.matching("pg_advisory_xact_lock");

        assertThat(locks.calls()).isEqualTo(20);
        assertThat(locks.millis()).isEqualTo(31.0);
    }
}
