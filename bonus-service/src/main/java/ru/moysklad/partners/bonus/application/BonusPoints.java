package ru.moysklad.partners.bonus.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.bonus.domain.BonusLedger;
import ru.moysklad.partners.bonus.domain.BonusRules;
import ru.moysklad.partners.bonus.domain.LedgerEntry;
import ru.moysklad.partners.bonus.domain.Statement;

/** Credits to the bonus-points ledger, and what it shows: a balance, a statement. */
@Service
public class BonusPoints {

    private final BonusLedger ledger;
    private final BonusRules rules;
    private final Clock clock;

    BonusPoints(BonusLedger ledger, LedgerSettings settings, Clock clock) {
        this.ledger = ledger;
        this.rules = settings.rules();
        this.clock = clock;
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

    @Transactional(readOnly = true)
    public long balance(String partnerId) {
        return ledger.balance(partnerId);
    }

    /** The partner's ledger over [from, to): opening balance, entries, closing balance. */
    @Transactional(readOnly = true)
    public Statement statement(String partnerId, Instant from, Instant to) {
        return Statement.of(partnerId, from, to, ledger.balanceBefore(partnerId, from), ledger.entries(partnerId, from, to));
    }

    public Instant now() {
        return clock.instant();
    }
}
