package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.ClientAccounts;
import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.PartnerPricing;
import ru.moysklad.partners.sales.domain.PartnerStandings;
import ru.moysklad.partners.sales.domain.Payment;
import ru.moysklad.partners.sales.domain.PaymentItem;
import ru.moysklad.partners.sales.domain.SaleLine;
import ru.moysklad.partners.sales.domain.Standing;

/** What a basket would cost the partner today, priced exactly as a payment now would be. */
@Service
public class QuotePrices {

    private final PartnerStandings standings;
    private final ClientAccounts clients;
    private final PartnerPricing pricing;
    private final Clock clock;

    public QuotePrices(PartnerStandings standings, ClientAccounts clients, PricingSettings settings, Clock clock) {
        this.standings = standings;
        this.clients = clients;
        this.pricing = settings.pricing();
        this.clock = clock;
    }

    /** A priced basket: each line with the rule that priced it, and the standing it was priced with. */
    public record Quote(Instant at, Standing standing, boolean newClient, List<SaleLine> lines) {
        public long listPriceKopecks() {
            return lines.stream().mapToLong(SaleLine::listPriceKopecks).sum();
        }

        public long partnerPriceKopecks() {
            return lines.stream().mapToLong(SaleLine::partnerPriceKopecks).sum();
        }
    }

    /**
     * @param clientAccountId the client the basket is for; without one, annual items are priced as renewals
     */
    @Transactional(readOnly = true)
    public Quote quote(String partnerId, String clientAccountId, List<PaymentItem> items) {
        Map<String, String> problems = items == null || items.isEmpty()
                ? Map.of("items", "a basket has at least one item")
                : Payment.itemProblems(items);
        if (!problems.isEmpty()) {
            throw new InvalidPayment(problems);
        }
        Instant now = clock.instant();
        Standing standing = standings.standingAt(partnerId, now).orElseThrow(() -> new UnknownPartner(partnerId));
        boolean newClient = clientAccountId != null && !clientAccountId.isBlank() && !clients.hasPaid(clientAccountId);
        return new Quote(now, standing, newClient, items.stream().map(item -> pricing.price(item, standing, newClient)).toList());
    }
}
