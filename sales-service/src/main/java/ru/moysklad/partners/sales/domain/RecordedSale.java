package ru.moysklad.partners.sales.domain;

import java.time.Instant;

/** A sale as recorded, with how much of it has been refunded so far (kopecks). */
public record RecordedSale(String saleId, String partnerId, String clientAccountId, Instant paidAt, long listPriceKopecks,
                           long partnerPriceKopecks, long refundedListKopecks, long refundedPartnerKopecks) {

    public long remainingListKopecks() {
        return listPriceKopecks - refundedListKopecks;
    }

    public long remainingPartnerKopecks() {
        return partnerPriceKopecks - refundedPartnerKopecks;
    }
}
