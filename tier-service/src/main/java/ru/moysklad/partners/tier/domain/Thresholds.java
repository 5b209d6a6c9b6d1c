package ru.moysklad.partners.tier.domain;

/**
 * The figures one status asks for. Zero means the status sets no such condition (the rule book's
 * dash). Money in kopecks at partner prices.
 *
 * @param cumulativeSalesKopecks P3 (Partner) or R1 (Representative)
 * @param quarterlySalesKopecks  P4 (to obtain Partner) or K1 (to keep a status): each calendar quarter
 * @param marketingPoints        P5 (to obtain Partner) or K4 (to keep)
 * @param industryEvents         K2, per year
 * @param successStories         K3, per year
 * @param newClients             K5, per calendar year
 * @param leadAcceptancePercent  K-LEADS, to keep a status only: the share of its leads, in percent, the partner accepted
 *                               in the half-year before a review. The platform's rule, not the rule book's: no shipped
 *                               rule set asks for it
 */
public record Thresholds(long cumulativeSalesKopecks, long quarterlySalesKopecks, long marketingPoints, long industryEvents,
                         long successStories, long newClients, long leadAcceptancePercent) {

    public static final Thresholds NONE = new Thresholds(0, 0, 0, 0, 0, 0, 0);

    public Thresholds {
        if (cumulativeSalesKopecks < 0 || quarterlySalesKopecks < 0 || marketingPoints < 0 || industryEvents < 0
                || successStories < 0 || newClients < 0 || leadAcceptancePercent < 0) {
            throw new IllegalArgumentException("thresholds cannot be negative");
        }
        if (leadAcceptancePercent > 100) {
            throw new IllegalArgumentException("a lead acceptance share is at most 100 percent, not " + leadAcceptancePercent);
        }
    }
}
