package ru.moysklad.partners.sales.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The discounts of the rule book's benefits table, in basis points (3000 = 30%): B1 per status on
 * tariffs and options, B2 on apps, B3 on annual tariff and option payments (the first payment of a
 * new client, and renewals). Configuration, since Expert's B1 and the B1/B3 combination are
 * assumptions.
 *
 * @param annualPolicy how B3 combines with B1 on an annual payment
 */
public record DiscountTable(Map<PartnerStatus, Integer> b1, int b2, int b3FirstPayment, int b3Renewal,
                            AnnualPolicy annualPolicy) {

    /**
     * The rule book's assumption is that B3 replaces B1 on annual payments, even where B1 is larger;
     * the alternative gives the partner whichever is larger.
     */
    public enum AnnualPolicy { B3_REPLACES_B1, BEST_FOR_PARTNER }

    public DiscountTable {
        b1 = new EnumMap<>(b1);
        for (PartnerStatus status : PartnerStatus.values()) {
            if (status != PartnerStatus.APPLICANT && !b1.containsKey(status)) {
                throw new IllegalArgumentException("B1 has no discount for " + status);
            }
        }
        for (int discount : b1.values()) {
            requireBasisPoints(discount);
        }
        requireBasisPoints(b2);
        requireBasisPoints(b3FirstPayment);
        requireBasisPoints(b3Renewal);
    }

    /** The rule book's table, with its assumptions (Expert 45%, B3 replaces B1). */
    public static DiscountTable ruleBookDefaults() {
        return new DiscountTable(Map.of(PartnerStatus.PARTNER_START, 3000, PartnerStatus.PARTNER, 4000,
                PartnerStatus.EXPERT, 4500, PartnerStatus.REPRESENTATIVE, 5000), 3000, 3000, 2000, AnnualPolicy.B3_REPLACES_B1);
    }

    public int b1For(PartnerStatus status) {
        return b1.get(status);
    }

    private static void requireBasisPoints(int discount) {
        if (discount < 0 || discount > 10_000) {
            throw new IllegalArgumentException("a discount lies between 0 and 10000 basis points: " + discount);
        }
    }
}
