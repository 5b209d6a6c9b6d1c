package ru.moysklad.partners.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lead-form-42", "6f1c2d9e-0b1a-4c55-9a77-1e2f3a4b5c6d", "billing:batch.7_x"})
    void shouldKeepAWellFormedCallerId(String offered) {
        assertThat(CorrelationIds.acceptOrCreate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "line\nbreak", "<script>", "ä-unicode", "a/b", "a@b", "a[b", "a`b", "a{b", "a;b"})
    void shouldReplaceAMissingOrMalformedIdWithANewOne(String offered) {
        assertThat(CorrelationIds.acceptOrCreate(offered)).matches("[0-9a-f-]{36}").isNotEqualTo(offered);
    }

    @org.junit.jupiter.api.Test
    void shouldReplaceAnOverlongId() {
        assertThat(CorrelationIds.acceptOrCreate("x".repeat(101))).hasSize(36);
    }

    @org.junit.jupiter.api.Test
    void shouldKeepAnIdOfTheLongestAcceptedLength() {
        assertThat(CorrelationIds.acceptOrCreate("Az09._:-".repeat(12) + "Az09")).hasSize(100).startsWith("Az09._:-");
    }
}
