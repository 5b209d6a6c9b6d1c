package ru.moysklad.partners.tier.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.tier.domain.PartnerRecord;
import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.RuleSets;
import ru.moysklad.partners.tier.domain.Status;
import ru.moysklad.partners.tier.domain.StatusHistory;
import ru.moysklad.partners.tier.domain.TierPolicy;

/** What tier-service tells about partners: status, progress to the next one, lead record, history, counts. */
@Service
public class StatusQueries {

    private final PartnerRecords records;
    private final StatusHistory history;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final TierPolicy policy = new TierPolicy();

    StatusQueries(PartnerRecords records, StatusHistory history, RuleSets ruleSets, Clock clock) {
        this.records = records;
        this.history = history;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * A partner's standing now, with its progress under the rule set in force, and its lead record
     * judged by the rule set of the next review, as that review will judge it.
     */
    public record Standing(PartnerRecord record, TierPolicy.Progress progress, LocalDate nextReview, TierPolicy.LeadReport leads,
                           Instant asOf) {
    }

    @Transactional(readOnly = true)
    public Optional<Standing> standing(String partnerId) {
        Instant now = clock.instant();
        RuleSet rules = ruleSets.inForceAt(now);
        LocalDate nextReview = policy.nextReviewDate(rules, now);
        RuleSet reviewRules = ruleSets.inForceOn(nextReview);
        return records.find(partnerId).map(record -> new Standing(record,
                policy.progress(record.facts(), record.status(), rules, now), nextReview,
                policy.leadReport(record.facts(), record.status(), reviewRules, nextReview), now));
    }

    /** The rule set in force now: its thresholds, review dates and what each status gives. */
    public RuleSet rulesInForce() {
        return ruleSets.inForceAt(clock.instant());
    }

    @Transactional(readOnly = true)
    public List<StatusHistory.Entry> history(String partnerId) {
        return history.of(partnerId);
    }

    /** Partners per status, every status listed (zero where none). */
    @Transactional(readOnly = true)
    public Map<Status, Long> partnersByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(records.countByStatus());
        return counts;
    }
}
