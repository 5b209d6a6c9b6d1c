package ru.moysklad.partners.partner.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The onboarding steps of the rule book (S1-S3 for Start, P1 and P2 of Partner's requirements that
 * onboarding covers), each done or not, with what is missing. Sales and marketing requirements
 * (P3-P5) are figures tier-service keeps, not onboarding steps.
 */
public final class OnboardingChecklist {

    private OnboardingChecklist() {
    }

    /** One step: its rule id, whether it is done, and if not, what is missing. */
    public record Step(String ruleId, String requirement, boolean done, String missing, Instant validUntil) {
    }

    /** @param websiteValidity how long a P2 verification stays current */
    public static List<Step> of(Partner partner, Duration websiteValidity, Instant now) {
        int sellingEmployees = (int) partner.employees().stream().filter(e -> e.active() && e.selling()).count();
        int passedEmployees = (int) partner.employees().stream().filter(e -> e.active() && e.selling() && e.passed()).count();
        return List.of(
                partner.programAcknowledgedAt() != null
                        ? done("S1", "read and acknowledge the partner program", null)
                        : missing("S1", "read and acknowledge the partner program", "the program is not acknowledged yet"),
                s2(sellingEmployees, passedEmployees),
                s3(partner),
                partner.trainedAt() != null
                        ? done("P1", "an employee trained in the vendor's training centre", null)
                        : missing("P1", "an employee trained in the vendor's training centre",
                                "no employee's training has been recorded by the vendor"),
                p2(partner, websiteValidity, now));
    }

    private static Step s2(int selling, int passed) {
        String requirement = "every employee who will sell passed the program test";
        if (selling == 0) {
            return missing("S2", requirement, "no employee is marked as selling yet");
        }
        return passed >= selling
                ? done("S2", requirement, null)
                : missing("S2", requirement, (selling - passed) + " of " + selling + " selling employees have not passed the test");
    }

    private static Step s3(Partner partner) {
        if (partner.country().signsContractInsteadOfOffer()) {
            String requirement = "a contract signed with the vendor (" + partner.country() + ")";
            return partner.contractSignedAt() != null
                    ? done("S3", requirement, null)
                    : missing("S3", requirement, "the vendor has not recorded a signed contract");
        }
        String requirement = "the public offer accepted";
        return partner.offerAcceptedAt() != null
                ? done("S3", requirement, null)
                : missing("S3", requirement, "the public offer is not accepted yet");
    }

    private static Step p2(Partner partner, Duration validity, Instant now) {
        String requirement = "current information about the service on the partner's website";
        if (partner.websiteVerifiedAt() == null) {
            return missing("P2", requirement, "the vendor has not verified the partner's website");
        }
        Instant validUntil = partner.websiteVerifiedAt().plus(validity);
        return validUntil.isAfter(now)
                ? done("P2", requirement, validUntil)
                : new Step("P2", requirement, false, "the verification of " + partner.verifiedWebsite()
                        + " lapsed on " + validUntil + "; it must be verified again", validUntil);
    }

    private static Step done(String ruleId, String requirement, Instant validUntil) {
        return new Step(ruleId, requirement, true, null, validUntil);
    }

    private static Step missing(String ruleId, String requirement, String missing) {
        return new Step(ruleId, requirement, false, missing, null);
    }
}
