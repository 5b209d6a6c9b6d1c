package ru.moysklad.partners.sales.domain;

import java.util.Objects;

/** One item of a payment as billing reports it: what was paid for, for how long, at list price (kopecks). */
public record PaymentItem(ProductKind kind, String productCode, int periodMonths, long listPriceKopecks) {

    public PaymentItem {
        Objects.requireNonNull(kind, "kind");
    }

    /** Annual payments of tariffs and options get B3 instead of B1. */
    public boolean isAnnualTariffOrOption() {
        return periodMonths == 12 && kind != ProductKind.APP;
    }
}
