package ru.moysklad.partners.partner.domain;

import java.time.Instant;

/** What changed about a partner; each becomes one event for the rest of the platform. */
public sealed interface PartnerChange {

    String partnerId();

    /** A company applied; it is an APPLICANT until tier-service finds its onboarding complete. */
    record Registered(Partner partner) implements PartnerChange {
        @Override
        public String partnerId() {
            return partner.partnerId();
        }
    }

    /** B5: the partner's account manager, chosen by the region table or by vendor staff. */
    record AccountManagerAssigned(String partnerId, String accountManagerId, String previousAccountManagerId,
                                  boolean byRegionTable) implements PartnerChange {
    }

    /** One onboarding requirement (S1-S3, P1, P2) now holds, or no longer does. */
    record QualificationChanged(String partnerId, String ruleId, boolean met, Instant validUntil, String detail)
            implements PartnerChange {
    }

    /** The administrator added an employee; a selling one must pass the program test (S2). */
    record EmployeeAdded(String partnerId, String employeeId, boolean selling) implements PartnerChange {
    }

    /** The administrator deactivated an employee. */
    record EmployeeDeactivated(String partnerId, String employeeId) implements PartnerChange {
    }

    /** An employee, or the administrator ({@code employeeId} null), may act in the vendor's billing. */
    record BillingAccessGranted(String partnerId, String employeeId, String grantedBy) implements PartnerChange {
    }

    /** An employee, or the administrator ({@code employeeId} null), may no longer act in billing. */
    record BillingAccessRevoked(String partnerId, String employeeId, String reason, String ruleId) implements PartnerChange {
    }

    /** C2: vendor staff disconnected the partner from billing and the program. */
    record Suspended(String partnerId, String reason, String by) implements PartnerChange {
    }

    /** C2: vendor staff reconnected the partner. */
    record Reinstated(String partnerId, String reason, String by) implements PartnerChange {
    }

    /** Which regions the partner serves and how many open leads it takes, for lead routing. */
    record LeadPreferencesChanged(String partnerId, java.util.List<String> regionsServed, int maxOpenLeads)
            implements PartnerChange {
    }
}
