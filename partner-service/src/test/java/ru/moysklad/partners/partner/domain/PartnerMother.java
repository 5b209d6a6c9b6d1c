package ru.moysklad.partners.partner.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Partners in the states tests need. */
public final class PartnerMother {

    public static final Instant REGISTERED_AT = Instant.parse("2026-11-02T09:00:00Z");

    private PartnerMother() {
    }

    public static AccountManagerTable managers() {
        Map<String, String> table = new HashMap<>();
        Region.allCodes().forEach(code -> table.put(code, "am-" + code.toLowerCase(java.util.Locale.ROOT)));
        return new AccountManagerTable(table);
    }

    public static Partner.Application application(String country, String region, String taxId) {
        return new Partner.Application("OOO Romashka", taxId, country, region, "https://romashka.ru",
                "Ivan Petrov", "Admin@Romashka.RU");
    }

    public static Partner russian() {
        return Partner.register("p-ru", application("RU", "URALS", "7707083893"), managers(), 10, REGISTERED_AT);
    }

    public static Partner kazakh() {
        return Partner.register("p-kz", application("KZ", "KZ", "123456789012"), managers(), 10, REGISTERED_AT);
    }
}
