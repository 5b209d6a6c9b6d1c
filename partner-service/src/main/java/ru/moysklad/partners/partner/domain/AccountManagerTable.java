package ru.moysklad.partners.partner.domain;

import java.util.List;
import java.util.Map;

/**
 * B5: which account manager serves which region. The rule book's split is the configured default
 * (an assumption of the guide's team page); manager ids only, never names or contacts.
 */
public final class AccountManagerTable {

    private final Map<String, String> managerByRegion;

    public AccountManagerTable(Map<String, String> managerByRegion) {
        List<String> uncovered = Region.allCodes().stream().filter(code -> !managerByRegion.containsKey(code)).toList();
        if (!uncovered.isEmpty()) {
            throw new IllegalArgumentException("the account-manager table leaves regions without a manager: " + uncovered);
        }
        this.managerByRegion = Map.copyOf(managerByRegion);
    }

    public String managerFor(Region region) {
        return managerByRegion.get(region.code());
    }
}
