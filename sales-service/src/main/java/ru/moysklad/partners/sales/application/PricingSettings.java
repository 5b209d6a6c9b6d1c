package ru.moysklad.partners.sales.application;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.sales.domain.DiscountTable;
import ru.moysklad.partners.sales.domain.PartnerPricing;
import ru.moysklad.partners.sales.domain.PartnerStatus;

/**
 * The discounts in force ({@code sales.pricing.*}, basis points: 3000 = 30%). Unset values take the
 * rule book's table with its assumptions (Expert's B1 45%, B3 replaces B1 on annual payments).
 */
@ConfigurationProperties("sales.pricing")
public record PricingSettings(Map<PartnerStatus, Integer> b1, Integer b2, Integer b3FirstPayment, Integer b3Renewal,
                              DiscountTable.AnnualPolicy annualPolicy) {

    public PartnerPricing pricing() {
        DiscountTable defaults = DiscountTable.ruleBookDefaults();
        return new PartnerPricing(new DiscountTable(
                b1 == null || b1.isEmpty() ? defaults.b1() : b1,
                b2 == null ? defaults.b2() : b2,
                b3FirstPayment == null ? defaults.b3FirstPayment() : b3FirstPayment,
                b3Renewal == null ? defaults.b3Renewal() : b3Renewal,
                annualPolicy == null ? defaults.annualPolicy() : annualPolicy));
    }
}
