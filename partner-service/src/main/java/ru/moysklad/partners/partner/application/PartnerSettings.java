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
 * @param programTestPassMark         the score out of 100 that passes the program test (S2)
 * @param defaultMaxOpenLeads         open leads a new partner takes at once until it says otherwise
 */
@ConfigurationProperties("partners")
public record PartnerSettings(Map<String, String> accountManagers, Duration websiteVerificationValidity,
                              Integer programTestPassMark, Integer defaultMaxOpenLeads) {

    public PartnerSettings {
        defaultMaxOpenLeads = defaultMaxOpenLeads == null ? 10 : defaultMaxOpenLeads;
        programTestPassMark = programTestPassMark == null ? 80 : programTestPassMark;
        if (programTestPassMark < 1 || programTestPassMark > 100) {
            throw new IllegalArgumentException("partners.program-test-pass-mark lies between 1 and 100");
        }
        accountManagers = accountManagers == null ? Map.of() : Map.copyOf(accountManagers);
        websiteVerificationValidity = websiteVerificationValidity == null ? Duration.ofDays(180) : websiteVerificationValidity;
    }

    public AccountManagerTable accountManagerTable() {
        return new AccountManagerTable(accountManagers);
    }
}
