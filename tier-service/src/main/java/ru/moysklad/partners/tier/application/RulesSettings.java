package ru.moysklad.partners.tier.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.tier.domain.CumulativeSalesPolicy;

/** The rule set in force, from configuration ({@code tier.rules.*}). */
@ConfigurationProperties("tier.rules")
public record RulesSettings(String version, long partnerMinCumulativeKopecks, long representativeMinCumulativeKopecks) {

    public CumulativeSalesPolicy policy() {
        return new CumulativeSalesPolicy(version, partnerMinCumulativeKopecks, representativeMinCumulativeKopecks);
    }
}
