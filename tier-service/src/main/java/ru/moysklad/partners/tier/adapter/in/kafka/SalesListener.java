package ru.moysklad.partners.tier.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;
import ru.moysklad.partners.tier.application.ApplySale;

@Component
class SalesListener {

    static final String CONSUMER = "tier-service.sales";

    private final ProcessedEvents processedEvents;
    private final ApplySale applySale;

    SalesListener(ProcessedEvents processedEvents, ApplySale applySale) {
        this.processedEvents = processedEvents;
        this.applySale = applySale;
    }

    @KafkaListener(id = CONSUMER, topics = Topic.Names.PARTNER_SALES, groupId = "tier-service")
    void on(SpecificRecord event) {
        if (event instanceof SaleRecorded sale) {
            processedEvents.applyOnce(CONSUMER, sale,
                    () -> applySale.apply(sale.getPartnerId(), sale.getPartnerPriceKopecks(), sale.getEventId()));
        } else if (event instanceof SaleRefunded refund) {
            processedEvents.applyOnce(CONSUMER, refund,
                    () -> applySale.applyRefund(refund.getPartnerId(), refund.getPartnerPriceKopecks(), refund.getEventId()));
        } else {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_SALES);
        }
    }
}
