package ru.moysklad.partners.tier.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Service;

import ru.moysklad.partners.tier.domain.LeadRecord;
import ru.moysklad.partners.tier.domain.MonthFigures;
import ru.moysklad.partners.tier.domain.OnboardingFact;
import ru.moysklad.partners.tier.domain.PartnerFacts;
import ru.moysklad.partners.tier.domain.PartnerRecord;
import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.ReviewOutcome;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.RuleSets;
import ru.moysklad.partners.tier.domain.TierPolicy;

/**
 * Applies what the other services report to a partner's facts, in the caller's transaction, and
 * promotes the partner at once when the facts now reach a higher status. Every decision is judged
 * at the event's own time, so replaying the same events gives the same statuses.
 *
 * <p>The engine is the one caller, always inside the transaction of its batch; the methods open
 * none of their own, and are not {@code @Transactional}: in the status engine's benchmark the
 * proxy wrapping each of a million calls took a tenth of the engine thread's profile samples.
 */
@Service
public class RecordFacts {

    private static final Set<String> ONBOARDING_RULES = Set.of("S1", "S2", "S3", "P1", "P2");

    private final PartnerRecords records;
    private final RuleSets ruleSets;
    private final StatusChanges changes;
    private final TierSettings settings;
    private final TierPolicy policy = new TierPolicy();

    RecordFacts(PartnerRecords records, RuleSets ruleSets, StatusChanges changes, TierSettings settings) {
        this.records = records;
        this.ruleSets = ruleSets;
        this.changes = changes;
        this.settings = settings;
    }

    /**
     * Loads these partners' records together for a batch of their facts applied next in this
     * transaction, once the batch's events are claimed as applied; each fact is then applied as on
     * its own, and the changes are written together.
     */
    public void holdTogether(Collection<String> partnerIds) {
        records.holdAll(partnerIds);
    }

    /** The input log's partitions moved between consumers: another may have applied facts of partners remembered here. */
    public void partitionsMoved() {
        records.forgetRemembered();
    }

    /** partner-service registered the partner: an applicant until S1-S3 hold. */
    public void registered(String partnerId, Instant at) {
        records.lock(partnerId, at);
    }

    /** One onboarding fact changed (S1-S3, P1, P2). */
    public void qualificationChanged(String partnerId, String ruleId, boolean met, Instant validUntil, String eventId, Instant at) {
        if (!ONBOARDING_RULES.contains(ruleId)) {
            throw new IllegalArgumentException("event " + eventId + " names no onboarding rule: " + ruleId);
        }
        PartnerRecord record = records.lock(partnerId, at);
        OnboardingFact fact = new OnboardingFact(met, validUntil);
        records.setOnboarding(partnerId, ruleId, fact);
        promote(record, record.facts().withOnboarding(ruleId, fact), eventId, at);
    }

    /** A sale at partner prices, counted in the month it was paid (program time zone). */
    public void sale(String partnerId, Instant paidAt, long partnerPriceKopecks, boolean newClient, String eventId, Instant at) {
        if (partnerPriceKopecks < 0) {
            // a refund is its own event; a negative sale would silently shrink the partner's volume
            throw new IllegalArgumentException("sale event " + eventId + " has a negative partner price");
        }
        PartnerRecord record = records.lock(partnerId, at);
        YearMonth month = monthOf(paidAt);
        MonthFigures figures = MonthFigures.sales(partnerPriceKopecks, newClient);
        PartnerFacts after = record.facts().with(month, figures);
        records.addFigures(after, month, figures);
        promote(record, after, eventId, at);
    }

    /** A refund takes its share of the partner price back; statuses drop only at a review, never here. */
    public void refund(String partnerId, Instant paidAt, Instant refundedAt, long partnerPriceKopecks, String eventId, Instant at) {
        if (partnerPriceKopecks < 0) {
            throw new IllegalArgumentException("refund event " + eventId + " has a negative partner price");
        }
        PartnerRecord record = records.lock(partnerId, at);
        Instant counted = settings.refundsCountIn() == TierSettings.RefundMonth.SALE_MONTH ? paidAt : refundedAt;
        YearMonth month = monthOf(counted);
        MonthFigures figures = MonthFigures.sales(-partnerPriceKopecks, false);
        records.addFigures(record.facts().with(month, figures), month, figures);
    }

    /**
     * An approved marketing activity: its points (P5, K4) in the month it took place, and one
     * industry event (K2) or success story (K3) if the rule set in force that day says its type counts.
     */
    public void activity(String partnerId, String activityType, LocalDate date, int marketingPoints, String eventId, Instant at) {
        if (marketingPoints < 0) {
            throw new IllegalArgumentException("activity event " + eventId + " has negative marketing points");
        }
        PartnerRecord record = records.lock(partnerId, at);
        RuleSet rules = ruleSets.inForceOn(date);
        MonthFigures figures = new MonthFigures(0, marketingPoints, rules.activityCountsFor(activityType, "K2") ? 1 : 0,
                rules.activityCountsFor(activityType, "K3") ? 1 : 0, 0);
        YearMonth month = YearMonth.from(date);
        PartnerFacts after = record.facts().with(month, figures);
        records.addFigures(after, month, figures);
        promote(record, after, eventId, at);
    }

    /**
     * A lead assigned to the partner, how the assignment ended, or what came of the lead, counted in
     * the month it happened: the partner's lead record. It never promotes: only a review may look at
     * it, and only where the rule set asks for K-LEADS.
     */
    public void lead(String partnerId, LeadRecord counted, String eventId, Instant at) {
        if (counted.responseSeconds() < 0) {
            throw new IllegalArgumentException("lead event " + eventId + " has a negative response time");
        }
        records.lock(partnerId, at);
        records.addLeads(partnerId, monthOf(at), counted);
    }

    /** C2: suspended by vendor staff; every benefit stops, the status stays on record. */
    public void suspended(String partnerId, String eventId, Instant at) {
        PartnerRecord record = records.lock(partnerId, at);
        if (!record.suspended()) {
            changes.make(policy.suspend(record.facts(), record.status(), ruleSets.inForceAt(at)), eventId, at);
        }
    }

    /** Reinstated by vendor staff: the status is computed afresh. */
    public void reinstated(String partnerId, String eventId, Instant at) {
        PartnerRecord record = records.lock(partnerId, at);
        if (record.suspended()) {
            changes.make(policy.reinstate(record.facts(), record.status(), ruleSets.inForceAt(at), at), eventId, at);
        }
    }

    /**
     * A partner's review on a review date falls due (the review run put it on the log): its
     * keep-conditions over the half-year that ended decide whether it keeps its status.
     */
    public void reviewDue(String partnerId, LocalDate reviewDate, Instant at) {
        PartnerRecord record = records.lock(partnerId, at);
        // the review is applied once by its event id; a review marked before V6 (claimed by the run) is still applied
        records.markReviewed(partnerId, reviewDate);
        ReviewOutcome outcome = policy.review(record.facts(), record.status(), ruleSets.inForceOn(reviewDate), reviewDate);
        if (outcome.demotes()) {
            changes.make(outcome.decision(), "review:" + reviewDate, at);
        }
    }

    private void promote(PartnerRecord before, PartnerFacts after, String eventId, Instant at) {
        policy.promote(after, before.status(), ruleSets.inForceAt(at), at)
                .ifPresent(decision -> changes.make(decision, eventId, at));
    }

    private YearMonth monthOf(Instant moment) {
        return YearMonth.from(moment.atZone(ruleSets.inForceAt(moment).timeZone()));
    }
}
