package ru.moysklad.partners.sales.domain;

import java.time.Instant;
import java.util.List;

/**
 * A recorded sale: a payment priced at the partner's price, with the standing that priced it and
 * whether it was the client account's first ever paid sale (a new client).
 */
public record Sale(String saleId, String partnerId, String clientAccountId, Instant paidAt, List<SaleLine> lines,
                   Standing standing, boolean newClient) {

    public Sale {
        lines = List.copyOf(lines);
    }

    /** Prices every item of the payment with the partner's standing at the payment time. */
    public static Sale priced(Payment payment, Standing standing, boolean newClient, PartnerPricing pricing) {
        return new Sale(payment.paymentId(), payment.partnerId(), payment.clientAccountId(), payment.paidAt(),
                payment.items().stream().map(item -> pricing.price(item, standing, newClient)).toList(), standing, newClient);
    }

    public long listPriceKopecks() {
        return lines.stream().mapToLong(SaleLine::listPriceKopecks).sum();
    }

    /** The sales volume this sale adds to the partner (P3, P4, K1, R1 count partner prices). */
    public long partnerPriceKopecks() {
        return lines.stream().mapToLong(SaleLine::partnerPriceKopecks).sum();
    }
}
