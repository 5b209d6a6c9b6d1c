package ru.moysklad.partners.sales.adapter.in.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.BillingPaymentReceived;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.sales.application.RecordPayment;
import ru.moysklad.partners.sales.domain.Payment;
import ru.moysklad.partners.sales.domain.PaymentItem;
import ru.moysklad.partners.sales.domain.ProductKind;

/**
 * Billing's payments over Kafka. An invalid payment or an unknown partner fails the message, which
 * goes to {@code billing.payments.dlt} with the reason; nothing of it is recorded.
 */
@Component
class BillingPaymentsListener {

    static final String CONSUMER = "sales-service.billing-payments";

    private final ProcessedEvents processedEvents;
    private final RecordPayment recordPayment;

    BillingPaymentsListener(ProcessedEvents processedEvents, RecordPayment recordPayment) {
        this.processedEvents = processedEvents;
        this.recordPayment = recordPayment;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.BILLING_PAYMENTS, groupId = "sales-service.billing")
    void on(BillingPaymentReceived payment) {
        processedEvents.applyOnce(CONSUMER, payment, () -> recordPayment.record(new Payment(payment.getPaymentId(),
                payment.getPartnerId(), payment.getClientAccountId(), payment.getPaidAt(),
                payment.getItems().stream().map(item -> new PaymentItem(ProductKind.valueOf(item.getKind().name()),
                        item.getProductCode(), item.getPeriodMonths(), item.getListPriceKopecks())).toList())));
    }
}
