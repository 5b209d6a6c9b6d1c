package ru.moysklad.partners.gateway.access;

/** Who a route is for. */
public enum Audience {

    /** Anyone, without a token. */
    PUBLIC("anyone"),
    /** Any caller with a valid token. */
    SIGNED_IN("any signed-in caller"),
    /** Vendor staff only. */
    VENDOR_STAFF("vendor staff"),
    /** Vendor staff, and every user of the partner the path names. */
    PARTNER_USERS("vendor staff and the partner's own users"),
    /** Vendor staff, and the administrator of the partner the path names. */
    PARTNER_ADMINS("vendor staff and the partner's administrator"),
    /** The billing platform only. */
    BILLING_PLATFORM("the billing platform");

    private final String description;

    Audience(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
