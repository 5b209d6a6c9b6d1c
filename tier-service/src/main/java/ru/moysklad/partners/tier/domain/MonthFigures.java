package ru.moysklad.partners.tier.domain;

/**
 * What a partner did in one calendar month (program time zone): sales at partner prices net of
 * refunds, marketing activity points (P5, K4), industry events attended (K2), success stories or
 * implementation projects published (K3) and new clients (K5). Months add up to quarters, years
 * and the trailing twelve months a review looks at.
 */
public record MonthFigures(long salesKopecks, long marketingPoints, long industryEvents, long successStories, long newClients) {

    public static final MonthFigures NONE = new MonthFigures(0, 0, 0, 0, 0);

    public MonthFigures plus(MonthFigures other) {
        return new MonthFigures(salesKopecks + other.salesKopecks, marketingPoints + other.marketingPoints,
                industryEvents + other.industryEvents, successStories + other.successStories, newClients + other.newClients);
    }

    public static MonthFigures sales(long kopecks, boolean newClient) {
        return new MonthFigures(kopecks, 0, 0, 0, newClient ? 1 : 0);
    }
}
