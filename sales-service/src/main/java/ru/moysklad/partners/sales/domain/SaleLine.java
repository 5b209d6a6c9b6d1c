package ru.moysklad.partners.sales.domain;

import java.util.Objects;

/**
 * One paid item of a sale, with its list price and the price the partner pays (kopecks).
 *
 * @param discountRuleId      the rule that priced the line: B1, B2, B3, or C2 / APPLICANT for no discount
 * @param discountBasisPoints the discount applied, in hundredths of a percent
 */
public record SaleLine(ProductKind kind, String productCode, int periodMonths, long listPriceKopecks,
                       long partnerPriceKopecks, String discountRuleId, int discountBasisPoints) {

    public SaleLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(discountRuleId, "discountRuleId");
        if (productCode == null || productCode.isBlank()) {
            throw new IllegalArgumentException("a sale line needs a product code");
        }
        if (periodMonths <= 0) {
            throw new IllegalArgumentException("a sale line's period is at least one month");
        }
        if (listPriceKopecks <= 0 || partnerPriceKopecks < 0 || partnerPriceKopecks > listPriceKopecks) {
            throw new IllegalArgumentException("a sale line's list price is positive and its partner price lies between zero and it");
        }
    }
}
