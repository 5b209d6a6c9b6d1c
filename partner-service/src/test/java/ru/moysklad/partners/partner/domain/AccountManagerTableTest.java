package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountManagerTableTest {

    @Test
    void shouldRefuseATableThatLeavesARegionWithoutAManager() {
        assertThatThrownBy(() -> new AccountManagerTable(Map.of("URALS", "am-east")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CENTRAL").hasMessageContaining("KZ");
    }
}
