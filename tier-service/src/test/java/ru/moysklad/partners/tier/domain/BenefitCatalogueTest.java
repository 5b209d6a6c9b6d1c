package ru.moysklad.partners.tier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenefitCatalogueTest {

    private final BenefitCatalogue catalogue = RuleBook.benefits();

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource(delimiter = '|', value = {
            "PARTNER_START  | B1 B2 B3 B4 B5",
            "PARTNER        | B1 B2 B3 B5 B6 B7 B8",
            "EXPERT         | B1 B2 B3 B5 B6 B7 B8",
            "REPRESENTATIVE | B1 B2 B3 B5 B6 B7 B8 B9 B10 B11",
            "APPLICANT      | ''"})
    void shouldGiveEachStatusTheBenefitsOfTheRuleBooksTable(Status status, String benefits) {
        assertThat(catalogue.of(status, false)).extracting(Benefit::id)
                .containsExactlyElementsOf(benefits.isBlank() ? List.of() : List.of(benefits.split(" ")));
    }

    @Test
    void shouldGiveASuspendedPartnerNoBenefitAtAll() {
        assertThat(catalogue.of(Status.REPRESENTATIVE, true)).isEmpty();
    }

    @Test
    void shouldShowWhatTheNextStatusAddsOrRaises() {
        assertThat(catalogue.unlockedBy(Status.PARTNER_START, Status.PARTNER)).extracting(Benefit::id)
                .containsExactly("B1", "B6", "B7", "B8");
        assertThat(catalogue.unlockedBy(Status.PARTNER, Status.EXPERT)).extracting(Benefit::id).containsExactly("B1");
        assertThat(catalogue.unlockedBy(Status.EXPERT, Status.REPRESENTATIVE)).extracting(Benefit::id)
                .containsExactly("B1", "B9", "B10", "B11");
        assertThat(catalogue.unlockedBy(Status.APPLICANT, Status.PARTNER_START)).extracting(Benefit::id)
                .containsExactly("B1", "B2", "B3", "B4", "B5");
        Benefit discount = catalogue.unlockedBy(Status.EXPERT, Status.REPRESENTATIVE).get(0);
        assertThat(discount.amountFor(Status.EXPERT)).contains(new BigDecimal("45"));
        assertThat(discount.amountFor(Status.REPRESENTATIVE)).contains(new BigDecimal("50"));
    }

    @Test
    void shouldRefuseABenefitOutsideTheTableOrListedTwice() {
        assertThatThrownBy(() -> new Benefit("B12x", "?", "YES", Map.of(), null)).hasMessageContaining("B1 to B11");
        Benefit b5 = catalogue.benefits().get(4);
        assertThatThrownBy(() -> new BenefitCatalogue(List.of(b5, b5))).hasMessageContaining("twice");
    }
}
