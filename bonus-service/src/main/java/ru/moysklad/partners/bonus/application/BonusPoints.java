package ru.moysklad.partners.bonus.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.bonus.domain.BonusLedger;
import ru.moysklad.partners.bonus.domain.BonusRules;
import ru.moysklad.partners.bonus.domain.InsufficientPoints;
import ru.moysklad.partners.bonus.domain.InvalidFields;
import ru.moysklad.partners.bonus.domain.RewardCatalogue;
import ru.moysklad.partners.bonus.domain.LedgerEntry;
import ru.moysklad.partners.bonus.domain.PointsExpiry;
import ru.moysklad.partners.bonus.domain.Statement;

/** Credits to the bonus-points ledger, and what it shows: a balance, a statement. */
@Service
public class BonusPoints {


    private final BonusLedger ledger;
    private final BonusRules rules;
    private final RewardCatalogue rewards;
    private final Period expireAfter;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ProgramCalendar calendar;

    BonusPoints(BonusLedger ledger, LedgerSettings settings, Clock clock, ProgramCalendar calendar,
                PlatformTransactionManager transactionManager) {
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.rules = settings.rules();
        this.rewards = settings.rewardCatalogue();
        this.expireAfter = settings.expireAfter();
        this.clock = clock;
    }

    /**
     * Expires the points credited longer than {@code bonus.ledger.expire-after} ago and not yet
     * spent, oldest first (optional: nothing happens unless it is set). Once per partner and day.
     *
     * @return how many points expired, over all partners
     */
    public long expire() {
        if (expireAfter == null) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.atZone(calendar.timeZone()).minus(expireAfter).toInstant();
        String day = calendar.today(clock).toString();
        long expired = 0;
        for (String partnerId : ledger.partnersWithCreditsBefore(cutoff)) {
            Long points = transactions.execute(status -> expireFor(partnerId, cutoff, day, now));
            expired += points == null ? 0 : points;
        }
        return expired;
    }

    private long expireFor(String partnerId, Instant cutoff, String day, Instant now) {
        ledger.lock(partnerId);
        long due = PointsExpiry.due(ledger.entries(partnerId, Instant.EPOCH, now.plusMillis(1)), cutoff);
        if (due > 0 && ledger.book(partnerId, new LedgerEntry(-due, "EXPIRY", "points credited before " + cutoff + " and not spent",
                "expiry:" + partnerId + ":" + day, now))) {
            return due;
        }
        return 0;
    }

    /**
     * @param entry   the debit
     * @param balance the balance after it
     * @param repeated the same idempotency key was used before: this is that redemption, not a new one
     */
    public record Redemption(LedgerEntry entry, long balance, boolean repeated) {
    }

    /**
     * Spends points on a reward, once per idempotency key: refused if it would take the balance below
     * zero, also when many redemptions of one partner arrive at the same moment (they queue on the
     * partner's ledger).
     *
     * @throws InvalidFields      naming the reward or the key at fault
     * @throws InsufficientPoints when the balance does not cover the reward
     */
    @Transactional
    public Redemption redeem(String partnerId, String rewardCode, String idempotencyKey) {
        Map<String, String> problems = new LinkedHashMap<>();
        var reward = rewards.reward(rewardCode);
        if (reward.isEmpty()) {
            problems.put("rewardCode", "must be one of " + rewards.sorted().keySet());
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            problems.put("idempotencyKey", "must name this redemption (1-100 characters), so that sending it again changes nothing");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
        String source = "redeem:" + partnerId + ":" + idempotencyKey;
        ledger.lock(partnerId);
        var earlier = ledger.bookedBy(source);
        if (earlier.isPresent()) {
            return new Redemption(earlier.get(), ledger.balance(partnerId), true);
        }
        long balance = ledger.balance(partnerId);
        long cost = reward.get().points();
        if (balance < cost) {
            throw new InsufficientPoints(partnerId, balance, cost);
        }
        LedgerEntry debit = new LedgerEntry(-cost, "REDEMPTION", rewardCode + ": " + reward.get().description(), source, clock.instant());
        ledger.book(partnerId, debit);
        return new Redemption(debit, balance - cost, false);
    }

    public RewardCatalogue rewards() {
        return rewards;
    }

    /** B4: the welcome bonus, once per partner whatever is redelivered, when it completes onboarding as Start. */
    @Transactional
    public boolean welcome(String partnerId, Instant at) {
        return rules.welcomePoints() > 0 && ledger.book(partnerId, new LedgerEntry(rules.welcomePoints(), "B4",
                "welcome bonus on completing onboarding", "B4:" + partnerId, at));
    }

    /** Bonus points for an approved marketing activity, once per claim; in the approval's transaction. */
    @Transactional
    public void activityApproved(ActivityClaim approved) {
        long points = rules.forActivity(approved.points());
        if (points > 0) {
            ledger.book(approved.partnerId(), new LedgerEntry(points, "ACTIVITY",
                    approved.type() + " on " + approved.activityDate() + " (" + approved.points() + " marketing points)",
                    "activity:" + approved.claimId(), approved.decidedAt()));
        }
    }

    /** B7: points for a sale at partner prices, if the partner was Partner or above and not suspended when it paid. */
    @Transactional
    public void sale(String partnerId, String saleId, long partnerPriceKopecks, String statusAtPayment, boolean suspended, Instant at) {
        if (partnerPriceKopecks < 0) {
            throw new IllegalArgumentException("sale " + saleId + " has a negative partner price");
        }
        long points = rules.forSales(partnerPriceKopecks);
        if (points > 0 && rules.extendedProgramFor(statusAtPayment, suspended)) {
            ledger.book(partnerId, new LedgerEntry(points, "B7", "sale " + saleId + " at partner prices", "B7:" + saleId, at));
        }
    }

    /**
     * B7 reversed in proportion to a refund: the refunded amount's points, never more than the sale
     * earned and has not yet given back, and never below a zero balance (what was already spent is
     * not clawed back: an assumption).
     */
    @Transactional
    public void refund(String partnerId, String saleId, String refundId, long refundedPartnerKopecks, Instant at) {
        if (refundedPartnerKopecks < 0) {
            throw new IllegalArgumentException("refund " + refundId + " has a negative partner price");
        }
        var credit = ledger.bookedBy("B7:" + saleId);
        if (credit.isEmpty()) {
            return;
        }
        ledger.lock(partnerId);
        long remaining = credit.get().points() + ledger.bookedByPrefix("B7-refund:" + saleId + ":");
        long reversal = Math.min(Math.min(rules.forSales(refundedPartnerKopecks), remaining), ledger.balance(partnerId));
        if (reversal > 0) {
            ledger.book(partnerId, new LedgerEntry(-reversal, "B7", "refund " + refundId + " of sale " + saleId,
                    "B7-refund:" + saleId + ":" + refundId, at));
        }
    }

    @Transactional(readOnly = true)
    public long balance(String partnerId) {
        return ledger.balance(partnerId);
    }

    /** The partner's ledger over [from, to): opening balance, entries, closing balance. */
    @Transactional(readOnly = true)
    public Statement statement(String partnerId, Instant from, Instant to) {
        return Statement.of(partnerId, from, to, ledger.balanceBefore(partnerId, from), ledger.entries(partnerId, from, to));
    }

    /**
     * The statement of whole days in the program time zone, both inclusive.
     *
     * @param from default: 1 January this year; @param to default: today
     * @throws InvalidFields when the period ends before it starts
     */
    @Transactional(readOnly = true)
    public Statement statement(String partnerId, LocalDate from, LocalDate to) {
        LocalDate today = calendar.today(clock);
        LocalDate first = from == null ? today.withDayOfYear(1) : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first)) {
            throw new InvalidFields(Map.of("to", "the period ends on or after it starts"));
        }
        return statement(partnerId, calendar.startOf(first), calendar.startOf(last.plusDays(1)));
    }
}
