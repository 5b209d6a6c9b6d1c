package ru.moysklad.partners.bonus.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner's claim that it did a marketing activity: type, date, evidence and description, and
 * what vendor staff decided. The points are the catalogue's on the day of approval, kept with the
 * claim, so a later change of the catalogue does not rewrite what was counted.
 */
public record ActivityClaim(String claimId, String partnerId, String type, LocalDate activityDate, String evidenceUrl,
                            String description, ClaimState state, Integer points, String decidedBy, String decisionReason,
                            Instant submittedAt, Instant decidedAt) {

    public ActivityClaim approve(int catalogPoints, String staff, Instant at) {
        requireSubmitted();
        return new ActivityClaim(claimId, partnerId, type, activityDate, evidenceUrl, description, ClaimState.APPROVED, catalogPoints,
                staff, null, submittedAt, at);
    }

    public ActivityClaim reject(String reason, String staff, Instant at) {
        requireSubmitted();
        return new ActivityClaim(claimId, partnerId, type, activityDate, evidenceUrl, description, ClaimState.REJECTED, null,
                staff, reason, submittedAt, at);
    }

    private void requireSubmitted() {
        if (state != ClaimState.SUBMITTED) {
            throw new ClaimAlreadyDecided(claimId, state);
        }
    }
}
