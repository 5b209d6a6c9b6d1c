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
     * Locks these partners' records at once, for a batch of their facts applied in the caller's
     * transaction: until it ends, {@link #lock} answers with the record as the batch's facts so far
     * have left it, and the batch's changes are written together just before the transaction
     * commits — a few statements for the whole batch instead of several for each fact. Only the
     * engine, the one writer of a partner's facts, may use it.
     */
    void lockAll(Collection<String> partnerIds);

    /**
     * Forgets whatever is kept of partners' facts between batches: for when they may have been
     * written elsewhere (the input log's partitions moved to another consumer, a rebuild starts).
     */
    void forgetRemembered();

    Optional<PartnerRecord> find(String partnerId);

    /** Adds a month's figures (negative for a refund) and their sales to the cumulative total. */
    void addFigures(String partnerId, YearMonth month, MonthFigures figures);

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

    /** Claims the partner's review on that date: false if it was already reviewed then (by this run or another instance's). */
    boolean markReviewed(String partnerId, LocalDate reviewDate);

    /**
     * Claims the reviews on {@code reviewDate} of up to {@code limit} partners due for it (as
     * {@link #dueForReview} tells), in id order after {@code afterId}, and returns them in id order:
     * each is claimed once, also with several review runs at once.
     */
    List<String> claimReviews(LocalDate reviewDate, Instant statusBefore, String afterId, int limit);

    /** Partners of status Partner or above and not suspended, in id order after {@code afterId}: for the at-risk list. */
    List<String> keptStatusHolders(String afterId, int limit);
}
