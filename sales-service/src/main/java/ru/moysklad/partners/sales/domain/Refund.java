package ru.moysklad.partners.sales.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

/**
 * A full or partial refund of a recorded sale. The sales volume it takes back is the refunded share
 * of the partner price; the last refund takes back exactly what remains, so rounding never leaves a
 * kopeck behind or takes one too many.
 */
public record Refund(String refundId, String saleId, String partnerId, String clientAccountId, Instant paidAt,
                     Instant refundedAt, long listPriceKopecks, long partnerPriceKopecks, boolean fullyRefunded) {

    /**
     * @throws InvalidPayment       for a refund id missing or an amount that is not positive
     * @throws RefundExceedsPayment for more than remains paid
     */
    public static Refund of(String refundId, RecordedSale sale, long listPriceKopecks, Instant refundedAt) {
        if (refundId == null || refundId.isBlank()) {
            throw new InvalidPayment(Map.of("refundId", "is required"));
        }
        if (listPriceKopecks <= 0) {
            throw new InvalidPayment(Map.of("listPrice", "a refund is positive"));
        }
        if (refundedAt == null) {
            throw new InvalidPayment(Map.of("refundedAt", "is required"));
        }
        if (listPriceKopecks > sale.remainingListKopecks()) {
            throw new RefundExceedsPayment(sale.saleId(), listPriceKopecks, sale.remainingListKopecks());
        }
        boolean full = listPriceKopecks == sale.remainingListKopecks();
        long partnerShare = full
                ? sale.remainingPartnerKopecks()
                : Math.min(sale.remainingPartnerKopecks(), BigDecimal.valueOf(listPriceKopecks)
                        .multiply(BigDecimal.valueOf(sale.partnerPriceKopecks()))
                        .divide(BigDecimal.valueOf(sale.listPriceKopecks()), 0, RoundingMode.HALF_UP)
                        .longValueExact());
        return new Refund(refundId, sale.saleId(), sale.partnerId(), sale.clientAccountId(), sale.paidAt(), refundedAt,
                listPriceKopecks, partnerShare, full);
    }
}
