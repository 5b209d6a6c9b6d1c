package ru.moysklad.partners.tier.domain;

import java.time.Instant;

/**
 * One onboarding requirement as partner-service last reported it (S1-S3, P1, P2).
 *
 * @param validUntil when it lapses unless renewed (P2's website re-verification); null when it does not
 */
public record OnboardingFact(boolean met, Instant validUntil) {

    public static final OnboardingFact MISSING = new OnboardingFact(false, null);

    public boolean holdsAt(Instant moment) {
        return met && (validUntil == null || moment.isBefore(validUntil));
    }
}
