package ru.moysklad.partners.bonus.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.bonus.domain.BonusRules;

/**
 * The ledger's credits ({@code bonus.ledger.*}).
 *
 * @param welcomePoints           B4: 10,000 bonus points once, on completing onboarding as Start
 * @param pointsPerMarketingPoint bonus points per marketing point of an approved activity (assumption: 10)
 */
@ConfigurationProperties("bonus.ledger")
public record LedgerSettings(Long welcomePoints, Long pointsPerMarketingPoint) {

    public LedgerSettings {
        welcomePoints = welcomePoints == null ? 10_000L : welcomePoints;
        pointsPerMarketingPoint = pointsPerMarketingPoint == null ? 10L : pointsPerMarketingPoint;
    }

    public BonusRules rules() {
        return new BonusRules(welcomePoints, pointsPerMarketingPoint);
    }
}
