package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the partners' records. Changes happen inside the caller's transaction. */
public interface PartnerRecords {

    /**
     * The partner's record, locked until the transaction ends so that events of one partner arriving
     * on different topics apply one after the other; a partner not heard of yet is created as an applicant.
     */
    PartnerRecord lock(String partnerId, Instant firstSeen);

    /**
     * Loads these partners' records at once, for a batch of their facts applied in the caller's
     * transaction: until it ends, {@link #lock} answers with the record as the batch's facts so far
     * have left it, and the batch's changes are written together just before the transaction
     * commits — a few statements for the whole batch instead of several for each fact. Only the
     * engine, the one writer of a partner's facts, may use it, and only after claiming the batch's
     * events as applied (see EngineListener): the rows are read without a lock, because the one
     * other transaction that may be applying the same partner's facts — a consumer that lost the
     * partition finishing its batch — holds those same events' claims, and the claims wait for it.
     */
    void holdAll(Collection<String> partnerIds);

    /**
     * Forgets whatever is kept of partners' facts between batches: for when they may have been
     * written elsewhere (the input log's partitions moved to another consumer, a rebuild starts).
     */
    void forgetRemembered();

    Optional<PartnerRecord> find(String partnerId);

    /**
     * Adds a month's figures (negative for a refund) and their sales to the cumulative total;
     * {@code after} is the partner's facts with them added, as the caller worked them out for its
     * decision, so that a batch holding the record takes them instead of working them out again.
     */
    void addFigures(PartnerFacts after, YearMonth month, MonthFigures figures);

    /** Adds a lead's assignment, ending or outcome to the partner's lead record of that month. */
    void addLeads(String partnerId, YearMonth month, LeadRecord counted);

    void setOnboarding(String partnerId, String ruleId, OnboardingFact fact);

    void setStatus(String partnerId, Status status, boolean suspended, Instant since);

    Map<Status, Long> countByStatus();

    /**
     * Up to {@code limit} partners, in id order after {@code afterId}, a review on {@code reviewDate}
     * has to look at: of status Partner or above, not suspended, holding their status since before
     * {@code statusBefore}, and not yet reviewed on that date.
     */
    List<String> dueForReview(LocalDate reviewDate, Instant statusBefore, String afterId, int limit);

    /** Marks the partner reviewed on that date, as the engine applies the review: false if it already was, or on a later one. */
    boolean markReviewed(String partnerId, LocalDate reviewDate);

    /** Partners of status Partner or above and not suspended, in id order after {@code afterId}: for the at-risk list. */
    List<String> keptStatusHolders(String afterId, int limit);
}
