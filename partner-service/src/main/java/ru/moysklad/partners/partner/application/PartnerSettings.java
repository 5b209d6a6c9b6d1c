package ru.moysklad.partners.partner.application;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.partner.domain.AccountManagerTable;

/**
 * partner-service's configurable assumptions ({@code partners.*}).
 *
 * @param accountManagers          region code to account-manager id (B5; the rule book's split by default)
 * @param websiteVerificationValidity how long a P2 website verification stays current
 */
@ConfigurationProperties("partners")
public record PartnerSettings(Map<String, String> accountManagers, Duration websiteVerificationValidity) {

    public PartnerSettings {
        accountManagers = accountManagers == null ? Map.of() : Map.copyOf(accountManagers);
        websiteVerificationValidity = websiteVerificationValidity == null ? Duration.ofDays(180) : websiteVerificationValidity;
    }

    public AccountManagerTable accountManagerTable() {
        return new AccountManagerTable(accountManagers);
    }
}
