package ru.moysklad.partners.sales.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment for licenses as the billing platform reports it, at list prices. Its payment id makes
 * the same payment reported twice, by either way, one sale.
 */
public record Payment(String paymentId, String partnerId, String clientAccountId, Instant paidAt, List<PaymentItem> items) {

    private static final int MAX_PERIOD_MONTHS = 120;

    /**
     * @throws InvalidPayment naming each field at fault: a blank id, no items, an item of unknown kind,
     *                        a price that is not positive, a period outside 1-120 months
     */
    public Payment {
        Map<String, String> problems = new LinkedHashMap<>();
        requireText(problems, "paymentId", paymentId);
        requireText(problems, "partnerId", partnerId);
        requireText(problems, "clientAccountId", clientAccountId);
        if (paidAt == null) {
            problems.put("paidAt", "is required");
        }
        if (items == null || items.isEmpty()) {
            problems.put("items", "a payment has at least one item");
        } else {
            problems.putAll(itemProblems(items));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPayment(problems);
        }
        items = List.copyOf(items);
    }

    /** Problems with the items alone, keyed as {@code items[i].field}; shared with quotes. */
    public static Map<String, String> itemProblems(List<PaymentItem> items) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            PaymentItem item = items.get(i);
            String at = "items[" + i + "].";
            if (item.kind() == ProductKind.OTHER) {
                problems.put(at + "kind", "unknown item kind; one of TARIFF, OPTION, APP");
            }
            if (item.productCode() == null || item.productCode().isBlank()) {
                problems.put(at + "productCode", "is required");
            }
            if (item.listPriceKopecks() <= 0) {
                problems.put(at + "listPrice", "a list price is positive");
            }
            if (item.periodMonths() < 1 || item.periodMonths() > MAX_PERIOD_MONTHS) {
                problems.put(at + "periodMonths", "from 1 to " + MAX_PERIOD_MONTHS + " months");
            }
        }
        return problems;
    }

    private static void requireText(Map<String, String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
        } else if (value.length() > 100) {
            problems.put(field, "at most 100 characters");
        }
    }
}
