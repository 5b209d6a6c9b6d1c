package ru.moysklad.partners.partner.domain;

import java.time.Instant;

/**
 * A person working for a partner, with own credentials (rule book: Onboarding and accounts, step 2).
 * An employee marked as selling must pass the program test for S2; the first passing attempt counts.
 */
public final class Employee {

    private final String employeeId;
    private final String name;
    private final String email;
    private final boolean selling;
    private final Instant addedAt;
    private boolean active;
    private Instant deactivatedAt;
    private Integer bestScore;
    private Instant passedAt;
    private int attempts;
    private BillingAccess billingAccess;

    /** Where an employee stands with billing access (rule book: Onboarding and accounts, step 6). */
    public enum BillingAccess { NONE, REQUESTED, GRANTED, REJECTED }

    public Employee(String employeeId, String name, String email, boolean selling, Instant addedAt, boolean active,
                    Instant deactivatedAt, Integer bestScore, Instant passedAt, int attempts, BillingAccess billingAccess) {
        this.employeeId = employeeId;
        this.name = name;
        this.email = email;
        this.selling = selling;
        this.addedAt = addedAt;
        this.active = active;
        this.deactivatedAt = deactivatedAt;
        this.bestScore = bestScore;
        this.passedAt = passedAt;
        this.attempts = attempts;
        this.billingAccess = billingAccess;
    }

    void billingAccess(BillingAccess access) {
        billingAccess = access;
    }

    void deactivate(Instant now) {
        active = false;
        deactivatedAt = now;
    }

    void attemptTest(int score, boolean passed, Instant now) {
        attempts++;
        bestScore = bestScore == null ? score : Math.max(bestScore, score);
        if (passed && passedAt == null) {
            passedAt = now;
        }
    }

    /** Counts for S2: active, selling, and not yet passed. */
    boolean holdsUpS2() {
        return active && selling && passedAt == null;
    }

    public String employeeId() { return employeeId; }
    public String name() { return name; }
    public String email() { return email; }
    public boolean selling() { return selling; }
    public Instant addedAt() { return addedAt; }
    public boolean active() { return active; }
    public Instant deactivatedAt() { return deactivatedAt; }
    public Integer bestScore() { return bestScore; }
    public Instant passedAt() { return passedAt; }
    public boolean passed() { return passedAt != null; }
    public int attempts() { return attempts; }
    public BillingAccess billingAccess() { return billingAccess; }
}
