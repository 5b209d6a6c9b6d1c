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
 */
public record Thresholds(long cumulativeSalesKopecks, long quarterlySalesKopecks, long marketingPoints, long industryEvents,
                         long successStories, long newClients) {

    public static final Thresholds NONE = new Thresholds(0, 0, 0, 0, 0, 0);

    public Thresholds {
        if (cumulativeSalesKopecks < 0 || quarterlySalesKopecks < 0 || marketingPoints < 0 || industryEvents < 0
                || successStories < 0 || newClients < 0) {
            throw new IllegalArgumentException("thresholds cannot be negative");
        }
    }
}
