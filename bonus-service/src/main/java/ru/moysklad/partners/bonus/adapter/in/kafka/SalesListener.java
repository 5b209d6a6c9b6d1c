package ru.moysklad.partners.bonus.adapter.in.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.bonus.application.BonusPoints;
import ru.moysklad.partners.contracts.Topic;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.inbox.ProcessedEvents;

/** B7: sales at partner prices earn bonus points for Partner and above; refunds take their share back. */
@Component
class SalesListener {

    static final String CONSUMER = "bonus-service.sales";

    private final ProcessedEvents processedEvents;
    private final BonusPoints bonusPoints;

    SalesListener(ProcessedEvents processedEvents, BonusPoints bonusPoints) {
        this.processedEvents = processedEvents;
        this.bonusPoints = bonusPoints;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topic.Names.PARTNER_SALES)
    void on(SpecificRecord event) {
        if (event instanceof SaleRecorded sale) {
            processedEvents.applyOnce(CONSUMER, event, () -> bonusPoints.sale(sale.getPartnerId(), sale.getSaleId(),
                    sale.getPartnerPriceKopecks(), sale.getPartnerStatus(), sale.getPartnerSuspended(), sale.getOccurredAt()));
        } else if (event instanceof SaleRefunded refund) {
            processedEvents.applyOnce(CONSUMER, event, () -> bonusPoints.refund(refund.getPartnerId(), refund.getSaleId(),
                    refund.getRefundId(), refund.getPartnerPriceKopecks(), refund.getOccurredAt()));
        } else {
            throw new IllegalArgumentException("unexpected " + event.getSchema().getFullName() + " on " + Topic.Names.PARTNER_SALES);
        }
    }
}
