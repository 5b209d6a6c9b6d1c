package ru.moysklad.partners.tier.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * tier-service's own settings ({@code tier.*}); the rules themselves are rule-set files.
 *
 * @param refundsCountIn which month a refund reduces: the refunded sale's (default, as sales-service's
 *                       reports count it) or the refund's own. The guide is silent: an assumption.
 */
@ConfigurationProperties("tier")
public record TierSettings(RefundMonth refundsCountIn) {

    public enum RefundMonth { SALE_MONTH, REFUND_MONTH }

    public TierSettings {
        refundsCountIn = refundsCountIn == null ? RefundMonth.SALE_MONTH : refundsCountIn;
    }
}
