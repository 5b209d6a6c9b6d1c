package ru.moysklad.partners.sales.domain;

/**
 * Prices a payment item at the partner's price (rule book: What each status gives, B1-B3):
 * <ul>
 *   <li>no discount for a suspended partner (C2) or an applicant;</li>
 *   <li>apps: B2;</li>
 *   <li>annual (12-month) tariffs and options: B3 — the first-payment discount on a new client's first
 *       payment, the renewal discount otherwise — or the larger of B3 and B1 if so configured;</li>
 *   <li>every other tariff or option: B1 for the partner's status.</li>
 * </ul>
 * The partner price is rounded half up to the kopeck.
 */
public final class PartnerPricing {

    public static final String APPLICANT_RULE = "APPLICANT";
    public static final String SUSPENSION_RULE = "C2";

    private final DiscountTable discounts;

    public PartnerPricing(DiscountTable discounts) {
        this.discounts = discounts;
    }

    /**
     * @param clientsFirstPayment the payment is the client account's first ever paid sale (a new client)
     */
    public SaleLine price(PaymentItem item, Standing standing, boolean clientsFirstPayment) {
        if (standing.suspended()) {
            return line(item, SUSPENSION_RULE, 0);
        }
        if (standing.status() == PartnerStatus.APPLICANT) {
            return line(item, APPLICANT_RULE, 0);
        }
        if (item.kind() == ProductKind.APP) {
            return line(item, "B2", discounts.b2());
        }
        int b1 = discounts.b1For(standing.status());
        if (!item.isAnnualTariffOrOption()) {
            return line(item, "B1", b1);
        }
        int b3 = clientsFirstPayment ? discounts.b3FirstPayment() : discounts.b3Renewal();
        if (discounts.annualPolicy() == DiscountTable.AnnualPolicy.BEST_FOR_PARTNER && b1 > b3) {
            return line(item, "B1", b1);
        }
        return line(item, "B3", b3);
    }

    private static SaleLine line(PaymentItem item, String ruleId, int discountBasisPoints) {
        long list = item.listPriceKopecks();
        long partnerPrice = (list * (10_000 - discountBasisPoints) + 5_000) / 10_000;
        return new SaleLine(item.kind(), item.productCode(), item.periodMonths(), list, partnerPrice, ruleId, discountBasisPoints);
    }
}
