package ru.moysklad.partners.tier.adapter.in.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.SaleRecorded;
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
    void on(SaleRecorded sale) {
        processedEvents.applyOnce(CONSUMER, sale,
                () -> applySale.apply(sale.getPartnerId(), sale.getPartnerPriceKopecks(), sale.getEventId()));
    }
}
