package ru.moysklad.partners.sales.adapter.out.kafka;

import java.time.Clock;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.ProductKind;
import ru.moysklad.partners.events.SaleLine;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.sales.domain.Refund;
import ru.moysklad.partners.sales.domain.Sale;
import ru.moysklad.partners.sales.domain.SaleAnnouncements;

@Component
class SaleEventsPublisher implements SaleAnnouncements {

    private final Outbox outbox;
    private final Clock clock;

    SaleEventsPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void saleRecorded(Sale sale) {
        outbox.append(SaleRecorded.newBuilder()
                // Derived from the payment id, so recording the same payment can only ever announce one event.
                .setEventId(EventIds.derived("SaleRecorded", sale.saleId()))
                .setOccurredAt(clock.instant())
                .setPartnerId(sale.partnerId())
                .setSaleId(sale.saleId())
                .setClientAccountId(sale.clientAccountId())
                .setPaidAt(sale.paidAt())
                .setListPriceKopecks(sale.listPriceKopecks())
                .setPartnerPriceKopecks(sale.partnerPriceKopecks())
                .setNewClient(sale.newClient())
                .setPartnerStatus(sale.standing().status().name())
                .setPartnerSuspended(sale.standing().suspended())
                .setLines(sale.lines().stream().map(line -> SaleLine.newBuilder()
                        .setKind(ProductKind.valueOf(line.kind().name()))
                        .setProductCode(line.productCode())
                        .setPeriodMonths(line.periodMonths())
                        .setListPriceKopecks(line.listPriceKopecks())
                        .setPartnerPriceKopecks(line.partnerPriceKopecks())
                        .setDiscountRuleId(line.discountRuleId())
                        .setDiscountBasisPoints(line.discountBasisPoints())
                        .build()).toList())
                .build());
    }

    @Override
    public void saleRefunded(Refund refund) {
        outbox.append(SaleRefunded.newBuilder()
                .setEventId(EventIds.derived("SaleRefunded", refund.refundId()))
                .setOccurredAt(clock.instant())
                .setPartnerId(refund.partnerId())
                .setRefundId(refund.refundId())
                .setSaleId(refund.saleId())
                .setClientAccountId(refund.clientAccountId())
                .setPaidAt(refund.paidAt())
                .setRefundedAt(refund.refundedAt())
                .setListPriceKopecks(refund.listPriceKopecks())
                .setPartnerPriceKopecks(refund.partnerPriceKopecks())
                .setFullyRefunded(refund.fullyRefunded())
                .build());
    }
}
