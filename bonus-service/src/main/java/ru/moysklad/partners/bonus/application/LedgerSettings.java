package ru.moysklad.partners.bonus.application;

import java.math.BigDecimal;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.bonus.domain.BonusRules;
import ru.moysklad.partners.bonus.domain.RewardCatalogue;

/**
 * The ledger's credits ({@code bonus.ledger.*}).
 *
 * @param welcomePoints           B4: 10,000 bonus points once, on completing onboarding as Start
 * @param pointsPerMarketingPoint bonus points per marketing point of an approved activity (assumption: 10)
 * @param extendedPointsPerRouble B7: bonus points per rouble of sales at partner prices (assumption: 0.01,
 *                                a point per 100 roubles)
 * @param rewards                 what points buy, each with its price (assumption: the guide names no rewards)
 * @param expireAfter             points expire this long after they were credited, oldest first; unset: never
 *                                (the default)
 */
@ConfigurationProperties("bonus.ledger")
public record LedgerSettings(Long welcomePoints, Long pointsPerMarketingPoint, BigDecimal extendedPointsPerRouble,
                             Map<String, RewardCatalogue.Reward> rewards, Period expireAfter) {

    public LedgerSettings {
        welcomePoints = welcomePoints == null ? 10_000L : welcomePoints;
        pointsPerMarketingPoint = pointsPerMarketingPoint == null ? 10L : pointsPerMarketingPoint;
        extendedPointsPerRouble = extendedPointsPerRouble == null ? new BigDecimal("0.01") : extendedPointsPerRouble;
        if (rewards == null || rewards.isEmpty()) {
            rewards = new LinkedHashMap<>();
            rewards.put("TRAINING_COURSE", new RewardCatalogue.Reward(5_000, "a paid course of the vendor's training centre"));
            rewards.put("CONFERENCE_TICKET", new RewardCatalogue.Reward(8_000, "a ticket to the vendor's partner conference"));
            rewards.put("LICENSE_MONTH", new RewardCatalogue.Reward(3_000, "a month of the partner's own MoySklad licence"));
            rewards.put("MERCH_PACK", new RewardCatalogue.Reward(1_500, "a pack of the vendor's merchandise"));
        }
    }

    public RewardCatalogue rewardCatalogue() {
        return new RewardCatalogue(rewards);
    }

    public BonusRules rules() {
        return new BonusRules(welcomePoints, pointsPerMarketingPoint, extendedPointsPerRouble);
    }
}
