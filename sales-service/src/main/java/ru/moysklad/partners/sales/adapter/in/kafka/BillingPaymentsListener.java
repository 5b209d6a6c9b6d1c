package ru.moysklad.partners.sales.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.BillingPaymentReceived;
import ru.moysklad.partners.events.BillingRefundReceived;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.sales.application.RecordPayment;
import ru.moysklad.partners.sales.application.RecordRefund;
import ru.moysklad.partners.sales.domain.Payment;
import ru.moysklad.partners.sales.domain.PaymentItem;
import ru.moysklad.partners.sales.domain.ProductKind;

/**
 * Billing's payments and refunds over Kafka. An invalid one, an unknown partner or payment, or a
 * refund of more than remains paid fails the message, which goes to {@code billing.payments.dlt}
 * with the reason; nothing of it is recorded.
 */
@Component
class BillingPaymentsListener {

    static final String CONSUMER = "sales-service.billing-payments";

    private final ProcessedEvents processedEvents;
    private final RecordPayment recordPayment;
    private final RecordRefund recordRefund;

    BillingPaymentsListener(ProcessedEvents processedEvents, RecordPayment recordPayment, RecordRefund recordRefund) {
        this.processedEvents = processedEvents;
        this.recordPayment = recordPayment;
        this.recordRefund = recordRefund;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.BILLING_PAYMENTS, groupId = "sales-service.billing")
    void on(SpecificRecord event) {
        if (event instanceof BillingPaymentReceived payment) {
            processedEvents.applyOnce(CONSUMER, payment, () -> recordPayment.record(new Payment(payment.getPaymentId(),
                    payment.getPartnerId(), payment.getClientAccountId(), payment.getPaidAt(),
                    payment.getItems().stream().map(item -> new PaymentItem(ProductKind.valueOf(item.getKind().name()),
                            item.getProductCode(), item.getPeriodMonths(), item.getListPriceKopecks())).toList())));
        } else if (event instanceof BillingRefundReceived refund) {
            processedEvents.applyOnce(CONSUMER, refund, () -> recordRefund.record(refund.getRefundId(), refund.getPaymentId(),
                    refund.getPartnerId(), refund.getRefundedAt(), refund.getListPriceKopecks()));
        } else {
            // billing.payments carries only billing's payments and refunds; anything else is a mistake to look at.
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.BILLING_PAYMENTS);
        }
    }
}
