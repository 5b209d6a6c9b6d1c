package ru.moysklad.partners.tier.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.RecordFacts;

/** Sales at partner prices (P3, P4, K1, R1) and new clients (K5), net of refunds. */
@Component
class SalesListener {

    static final String CONSUMER = "tier-service.sales";

    private final ProcessedEvents processedEvents;
    private final RecordFacts facts;

    SalesListener(ProcessedEvents processedEvents, RecordFacts facts) {
        this.processedEvents = processedEvents;
        this.facts = facts;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.PARTNER_SALES, groupId = "tier-service")
    void on(SpecificRecord event) {
        if (event instanceof SaleRecorded sale) {
            processedEvents.applyOnce(CONSUMER, sale, () -> facts.sale(sale.getPartnerId(), sale.getPaidAt(),
                    sale.getPartnerPriceKopecks(), sale.getNewClient(), sale.getEventId(), sale.getOccurredAt()));
        } else if (event instanceof SaleRefunded refund) {
            processedEvents.applyOnce(CONSUMER, refund, () -> facts.refund(refund.getPartnerId(), refund.getPaidAt(),
                    refund.getRefundedAt(), refund.getPartnerPriceKopecks(), refund.getEventId(), refund.getOccurredAt()));
        } else {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_SALES);
        }
    }
}
