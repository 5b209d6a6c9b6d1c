package ru.moysklad.partners.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldGiveTheSameIdForTheSameCauseAndAnotherForAnyOther() {
        assertThat(EventIds.derived("SaleRecorded", "pay-1")).isEqualTo(EventIds.derived("SaleRecorded", "pay-1"));
        assertThat(EventIds.derived("SaleRecorded", "pay-1")).isNotEqualTo(EventIds.derived("SaleRecorded", "pay-2"));
        assertThat(EventIds.derived("SaleRecorded", "pay-1")).isNotEqualTo(EventIds.derived("SaleRefunded", "pay-1"));
        assertThat(EventIds.derived("X", "a", "b")).isNotEqualTo(EventIds.derived("X", "ab"));
    }
}
