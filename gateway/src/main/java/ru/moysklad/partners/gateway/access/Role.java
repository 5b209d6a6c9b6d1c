package ru.moysklad.partners.gateway.access;

import java.util.Arrays;
import java.util.Optional;

/** The platform's roles, as tokens name them in their {@code roles} claim. */
public enum Role {

    /** The vendor's partner team and account managers: every partner. */
    VENDOR_STAFF("vendor-staff"),
    /** A partner's administrator: its own partner, including managing its employees. */
    PARTNER_ADMIN("partner-admin"),
    /** A partner's employee: reads its own partner and acts for itself. */
    PARTNER_EMPLOYEE("partner-employee"),
    /** The vendor's billing platform: sale ingestion only. */
    BILLING_PLATFORM("billing-platform");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public boolean isPartnerUser() {
        return this == PARTNER_ADMIN || this == PARTNER_EMPLOYEE;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }
}
