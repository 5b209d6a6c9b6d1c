package ru.moysklad.partners.sales.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void shouldNameEveryInvalidItemField() {
        List<PaymentItem> items = List.of(new PaymentItem(ProductKind.OTHER, " ", 0, 0), new PaymentItem(ProductKind.APP, "A", 1, -5));

        assertThatThrownBy(() -> new Payment("pay-1", "p-1", "c-1", Instant.now(), items))
                .isInstanceOfSatisfying(InvalidPayment.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys(
                        "items[0].kind", "items[0].productCode", "items[0].periodMonths", "items[0].listPrice", "items[1].listPrice"));
    }

    @Test
    void shouldRequireIdsATimeAndAnItem() {
        assertThatThrownBy(() -> new Payment("", null, " ", null, List.of()))
                .isInstanceOfSatisfying(InvalidPayment.class, invalid -> assertThat(invalid.problems())
                        .containsOnlyKeys("paymentId", "partnerId", "clientAccountId", "paidAt", "items"));
    }
}
