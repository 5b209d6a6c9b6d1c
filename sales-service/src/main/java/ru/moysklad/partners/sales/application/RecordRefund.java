package ru.moysklad.partners.sales.application;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.RecordedSale;
import ru.moysklad.partners.sales.domain.Refund;
import ru.moysklad.partners.sales.domain.SaleAnnouncements;
import ru.moysklad.partners.sales.domain.Sales;

/** Records a refund billing reported, by HTTP or Kafka, once per refund id, and announces it. */
@Service
public class RecordRefund {

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    private final Sales sales;
    private final SaleAnnouncements announcements;

    public RecordRefund(Sales sales, SaleAnnouncements announcements) {
        this.sales = sales;
        this.announcements = announcements;
    }

    /**
     * @param partnerId the partner billing names, or null; when given it must be the sale's
     * @throws UnknownPayment for a payment never recorded
     */
    @Transactional
    public Outcome record(String refundId, String paymentId, String partnerId, Instant refundedAt, long listPriceKopecks) {
        // The sale's lock comes first, so that a refund delivered twice at once is found recorded, not "too much".
        RecordedSale sale = sales.findForRefund(paymentId).orElseThrow(() -> new UnknownPayment(paymentId));
        if (sales.refundRecorded(refundId)) {
            return Outcome.ALREADY_RECORDED;
        }
        if (partnerId != null && !partnerId.equals(sale.partnerId())) {
            throw new InvalidPayment(Map.of("partnerId", "payment " + paymentId + " was made through another partner"));
        }
        Refund refund = Refund.of(refundId, sale, listPriceKopecks, refundedAt);
        sales.addRefund(refund);
        announcements.saleRefunded(refund);
        return Outcome.RECORDED;
    }
}
