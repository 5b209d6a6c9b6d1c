package ru.moysklad.partners.sales.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A paid license sale reported by the billing platform: one payment of a client through a partner.
 * The payment id identifies it, so the same payment reported twice is one sale.
 */
public record Sale(String saleId, String partnerId, String clientAccountId, Instant paidAt, List<SaleLine> lines) {

    public Sale {
        requireText(saleId, "saleId");
        requireText(partnerId, "partnerId");
        requireText(clientAccountId, "clientAccountId");
        Objects.requireNonNull(paidAt, "paidAt");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a sale has at least one line");
        }
        lines = List.copyOf(lines);
    }

    public long listPriceKopecks() {
        return lines.stream().mapToLong(SaleLine::listPriceKopecks).sum();
    }

    /** The sales volume this sale adds to the partner (P3, P4, K1, R1 count partner prices). */
    public long partnerPriceKopecks() {
        return lines.stream().mapToLong(SaleLine::partnerPriceKopecks).sum();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a sale needs " + name);
        }
    }
}
