package ru.moysklad.partners.lead.application;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.lead.domain.LeadClassifier;
import ru.moysklad.partners.lead.domain.LeadIntake;

/**
 * lead-service's settings ({@code leads.*}).
 *
 * @param regions           the region codes leads are routed by: Russia's federal districts (Crimea apart)
 *                          and the countries of Belarus and Central Asia, as partners name theirs
 * @param largeCompanySize  from how many employees a lead is LARGE (B10; assumption: 250)
 * @param duplicateWindow   the same contact within this time is the same lead (assumption: 30 days)
 */
@ConfigurationProperties("leads")
public record LeadSettings(List<String> regions, Integer largeCompanySize, Duration duplicateWindow) {

    public LeadSettings {
        regions = regions == null || regions.isEmpty() ? List.of("CENTRAL", "NORTH_WESTERN", "SOUTHERN", "NORTH_CAUCASIAN", "VOLGA",
                "URALS", "SIBERIAN", "FAR_EASTERN", "CRIMEA", "BY", "KZ", "UZ", "KG", "TJ") : List.copyOf(regions);
        largeCompanySize = largeCompanySize == null ? 250 : largeCompanySize;
        duplicateWindow = duplicateWindow == null ? Duration.ofDays(30) : duplicateWindow;
    }

    public LeadIntake intake() {
        return new LeadIntake(Set.copyOf(regions), new LeadClassifier(largeCompanySize));
    }
}
