package ru.moysklad.partners.sales.application;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sales reports cut time ({@code sales.reports.*}).
 *
 * @param timeZone       the program time zone: calendar quarters and years are in it (Europe/Moscow)
 * @param refundsCountIn which quarter a refund reduces: the refunded sale's (default) or the refund's own
 */
@ConfigurationProperties("sales.reports")
public record ReportSettings(ZoneId timeZone, RefundQuarter refundsCountIn) {

    public enum RefundQuarter { SALE_QUARTER, REFUND_QUARTER }

    public ReportSettings {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        refundsCountIn = refundsCountIn == null ? RefundQuarter.SALE_QUARTER : refundsCountIn;
    }
}
