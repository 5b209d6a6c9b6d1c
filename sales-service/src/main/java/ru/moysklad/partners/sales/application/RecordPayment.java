package ru.moysklad.partners.sales.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.ClientAccounts;
import ru.moysklad.partners.sales.domain.PartnerPricing;
import ru.moysklad.partners.sales.domain.PartnerStandings;
import ru.moysklad.partners.sales.domain.Payment;
import ru.moysklad.partners.sales.domain.Sale;
import ru.moysklad.partners.sales.domain.SaleAnnouncements;
import ru.moysklad.partners.sales.domain.Sales;
import ru.moysklad.partners.sales.domain.Standing;

/**
 * Records a payment billing reported, by HTTP or Kafka, once per payment id: prices it with the
 * partner's standing at the payment time and announces the sale, all in one transaction.
 */
@Service
public class RecordPayment {

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    private final Sales sales;
    private final PartnerStandings standings;
    private final ClientAccounts clients;
    private final SaleAnnouncements announcements;
    private final PartnerPricing pricing;
    private final CheckCompliance compliance;

    public RecordPayment(Sales sales, PartnerStandings standings, ClientAccounts clients, SaleAnnouncements announcements,
                         PricingSettings settings, CheckCompliance compliance) {
        this.compliance = compliance;
        this.sales = sales;
        this.standings = standings;
        this.clients = clients;
        this.announcements = announcements;
        this.pricing = settings.pricing();
    }

    /** @throws UnknownPartner when no such partner is registered: nothing is recorded */
    @Transactional
    public Outcome record(Payment payment) {
        Standing standing = standings.standingAt(payment.partnerId(), payment.paidAt())
                .orElseThrow(() -> new UnknownPartner(payment.partnerId()));
        boolean newClient = clients.claimFirstSale(payment.clientAccountId(), payment.paymentId(), payment.partnerId(),
                payment.paidAt());
        Sale sale = Sale.priced(payment, standing, newClient, pricing);
        if (!sales.add(sale)) {
            return Outcome.ALREADY_RECORDED;
        }
        announcements.saleRecorded(sale);
        compliance.check(sale.partnerId());
        return Outcome.RECORDED;
    }
}
