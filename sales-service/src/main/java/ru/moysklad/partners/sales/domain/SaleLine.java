package ru.moysklad.partners.sales.domain;

import java.util.Objects;

/**
 * One paid item of a sale, with its list price and the price the partner pays (kopecks).
 *
 * @param discountRuleId the rule that priced the line (B1, B2, B3), or null when it was sold at list price
 */
public record SaleLine(ProductKind kind, String productCode, int periodMonths, long listPriceKopecks,
                       long partnerPriceKopecks, String discountRuleId) {

    public SaleLine {
        Objects.requireNonNull(kind, "kind");
        if (productCode == null || productCode.isBlank()) {
            throw new IllegalArgumentException("a sale line needs a product code");
        }
        if (periodMonths <= 0) {
            throw new IllegalArgumentException("a sale line's period is at least one month");
        }
        if (listPriceKopecks < 0 || partnerPriceKopecks < 0 || partnerPriceKopecks > listPriceKopecks) {
            throw new IllegalArgumentException("a sale line's partner price lies between zero and its list price");
        }
    }

    /** A line not discounted: until partner pricing (B1-B3) lands, the partner pays list price. */
    public static SaleLine atListPrice(ProductKind kind, String productCode, int periodMonths, long listPriceKopecks) {
        return new SaleLine(kind, productCode, periodMonths, listPriceKopecks, listPriceKopecks, null);
    }
}
