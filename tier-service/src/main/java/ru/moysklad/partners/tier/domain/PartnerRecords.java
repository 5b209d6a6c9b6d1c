package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/** Port: the partners' records. Changes happen inside the caller's transaction. */
public interface PartnerRecords {

    /**
     * The partner's record, locked until the transaction ends so that events of one partner arriving
     * on different topics apply one after the other; a partner not heard of yet is created as an applicant.
     */
    PartnerRecord lock(String partnerId, Instant firstSeen);

    Optional<PartnerRecord> find(String partnerId);

    /** Adds a month's figures (negative for a refund) and their sales to the cumulative total. */
    void addFigures(String partnerId, YearMonth month, MonthFigures figures);

    void setOnboarding(String partnerId, String ruleId, OnboardingFact fact);

    void setStatus(String partnerId, Status status, boolean suspended, Instant since);

    Map<Status, Long> countByStatus();
}
