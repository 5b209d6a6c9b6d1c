package ru.moysklad.partners.deploy.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The crash test's input, generated from a seed, and what it must add up to — computed from the
 * input alone. Every partner is a Partner throughout the stream (nothing in it can promote one
 * further: no industry events or success stories for K2 and K3), so its prices are known: a one-month
 * tariff at 40% off (B1), and its bonus points 0.01 per rouble of that (B7), 10 per marketing point.
 *
 * @param partners the partners, each with its region
 * @param events   the stream, in the order it is sent
 */
record Workload(List<Partner> partners, List<Event> events) {

    /** A Partner's one-month tariff: 40% off the list price (B1). */
    static final long PARTNER_PRICE_PERCENT = 60;
    /** B7: 0.01 bonus points per rouble of sales at partner prices. */
    static final long ROUBLES_PER_B7_POINT = 100;
    /** A webinar's marketing points, and the bonus points each marketing point earns. */
    static final long WEBINAR_POINTS = 20;
    static final long BONUS_PER_MARKETING_POINT = 10;

    static final List<String> REGIONS = List.of("CENTRAL", "NORTH_WESTERN", "VOLGA", "URALS", "SIBERIAN");

    record Partner(String id, String region) {
    }

    /** One thing sent: a payment or a refund (billing.payments), an activity (bonus-service), a lead (lead-service's form). */
    sealed interface Event permits Payment, Refund, Activity, Lead {
    }

    record Payment(String partnerId, String paymentId, String clientId, long listPriceKopecks) implements Event {
    }

    record Refund(String partnerId, String refundId, Payment of) implements Event {
    }

    record Activity(String partnerId, String key) implements Event {
    }

    record Lead(String region, String phone) implements Event {
    }

    /** What each partner's figures must have grown by, and how many leads came in. */
    record Expected(Map<String, Long> netSalesKopecks, Map<String, Long> bonusPoints, int leads) {
    }

    static Workload generate(long seed, int partnerCount, int eventCount) {
        Random random = new Random(seed);
        String run = Long.toHexString(seed) + "-" + Long.toHexString(System.nanoTime());
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < partnerCount; i++) {
            partners.add(new Partner("crash-" + run + "-" + i, REGIONS.get(i % REGIONS.size())));
        }
        List<Event> events = new ArrayList<>();
        List<Payment> refundable = new ArrayList<>();
        for (int i = 0; i < eventCount; i++) {
            Partner partner = partners.get(random.nextInt(partners.size()));
            int kind = random.nextInt(100);
            if (kind < 60 || (kind < 70 && refundable.isEmpty())) {
                Payment payment = new Payment(partner.id(), "pay-" + run + "-" + i, "client-" + partner.id() + "-" + random.nextInt(20),
                        List.of(100_000L, 200_000L, 500_000L).get(random.nextInt(3)));
                events.add(payment);
                refundable.add(payment);
            } else if (kind < 70) {
                // each payment refunded at most once, in full, after it was sent
                Payment refunded = refundable.remove(random.nextInt(refundable.size()));
                events.add(new Refund(refunded.partnerId(), "refund-" + run + "-" + i, refunded));
            } else if (kind < 80) {
                events.add(new Activity(partner.id(), "activity-" + run + "-" + i));
            } else {
                // a phone of its own per lead and run: the same contact twice would be one lead
                events.add(new Lead(partner.region(), String.format("+7%010d", 9_000_000_000L + Math.floorMod(run.hashCode() * 1_000_003L + i,
                        999_999_999L))));
            }
        }
        return new Workload(List.copyOf(partners), List.copyOf(events));
    }

    Expected expected() {
        Map<String, Long> net = new HashMap<>();
        Map<String, Long> points = new HashMap<>();
        partners.forEach(partner -> {
            net.put(partner.id(), 0L);
            points.put(partner.id(), 0L);
        });
        int leads = 0;
        for (Event event : events) {
            if (event instanceof Payment payment) {
                net.merge(payment.partnerId(), partnerPrice(payment), Long::sum);
                points.merge(payment.partnerId(), b7Points(payment), Long::sum);
            } else if (event instanceof Refund refund) {
                net.merge(refund.partnerId(), -partnerPrice(refund.of()), Long::sum);
                points.merge(refund.partnerId(), -b7Points(refund.of()), Long::sum);
            } else if (event instanceof Activity activity) {
                points.merge(activity.partnerId(), WEBINAR_POINTS * BONUS_PER_MARKETING_POINT, Long::sum);
            } else {
                leads++;
            }
        }
        return new Expected(net, points, leads);
    }

    Map<String, Long> countByKind() {
        Map<String, Long> counts = new HashMap<>();
        events.forEach(event -> counts.merge(event.getClass().getSimpleName(), 1L, Long::sum));
        return counts;
    }

    private static long partnerPrice(Payment payment) {
        return payment.listPriceKopecks() * PARTNER_PRICE_PERCENT / 100;
    }

    private static long b7Points(Payment payment) {
        return partnerPrice(payment) / 100 / ROUBLES_PER_B7_POINT;
    }
}
