package ru.moysklad.partners.tier.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.ReviewQueue;
import ru.moysklad.partners.tier.domain.ReviewOutcome;
import ru.moysklad.partners.tier.domain.ReviewRuns;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.RuleSets;
import ru.moysklad.partners.tier.domain.TierPolicy;

/**
 * The 6-monthly review (rule book: When statuses change). A run puts each due partner's review on
 * the engine's input log (PartnerReviewDue), a page at a time in id order, recording after each
 * page how far it got — so several instances running it share the pages, and a run restarted after
 * a crash goes on from the last page recorded (a page put on the log but not recorded goes again;
 * the engine applies a partner's review on a date once). The engine then checks the partner's
 * keep-conditions over the half-year that ended, in its place among the partner's other facts, so
 * a rebuild replays it there. A dry run reports what the review would do without changing
 * anything; the at-risk list applies the coming review to the figures so far.
 */
@Service
public class Reviews {

    private static final Logger log = LoggerFactory.getLogger(Reviews.class);
    private static final int PAGE = 500;
    /** Reviews put on the input log per page: the 1,000,000-partner benchmark's page (issue 13). */
    private static final int QUEUED_AT_ONCE = 5_000;

    private final PartnerRecords records;
    private final ReviewRuns runs;
    private final RuleSets ruleSets;
    private final ReviewQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TierPolicy policy = new TierPolicy();

    Reviews(PartnerRecords records, ReviewRuns runs, RuleSets ruleSets, ReviewQueue queue, TransactionTemplate transactions,
            Clock clock) {
        this.records = records;
        this.runs = runs;
        this.ruleSets = ruleSets;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a review on that date would change (or would have, for a past date not yet run), changing nothing. */
    public List<ReviewOutcome> dryRun(LocalDate reviewDate) {
        RuleSet rules = reviewRules(reviewDate);
        Instant start = reviewDate.atStartOfDay(rules.timeZone()).toInstant();
        List<ReviewOutcome> changing = new ArrayList<>();
        forEachPage(after -> records.dueForReview(reviewDate, start, after, PAGE), id -> transactions.execute(status ->
                records.find(id).map(record -> policy.review(record.facts(), record.status(), rules, reviewDate))
                        .filter(ReviewOutcome::demotes)
                        .map(changing::add)));
        return changing;
    }

    /**
     * Runs the review of that date, exactly once: partners already queued for it are passed over,
     * a finished run is only reported again. The demotions follow as the engine applies the queue.
     *
     * @throws IllegalArgumentException when the date is not a review date of the rules in force or lies ahead
     */
    public ReviewRuns.Run run(LocalDate reviewDate) {
        RuleSet rules = reviewRules(reviewDate);
        if (reviewDate.isAfter(LocalDate.now(clock.withZone(rules.timeZone())))) {
            throw new IllegalArgumentException("the review of " + reviewDate + " lies ahead; a dry run shows what it would do");
        }
        ReviewRuns.Run run = transactions.execute(status -> runs.start(reviewDate, rules.version(), clock.instant()));
        if (run.finished()) {
            return run;
        }
        Instant start = reviewDate.atStartOfDay(rules.timeZone()).toInstant();
        long queued = 0;
        while (true) {
            Integer page = transactions.execute(status -> {
                // another instance running the same review waits here, then goes on from where this one got
                String after = runs.queuedThroughLocked(reviewDate);
                List<String> due = records.dueForReview(reviewDate, start, after, QUEUED_AT_ONCE);
                if (!due.isEmpty()) {
                    // on the log before the progress is recorded: a failure in between only puts them on it again
                    queue.reviewsDue(due, reviewDate, rules.version(), start);
                    runs.queued(reviewDate, due.get(due.size() - 1), due.size());
                }
                return due.size();
            });
            if (page == null || page == 0) {
                break;
            }
            queued += page;
        }
        transactions.executeWithoutResult(status -> runs.finish(reviewDate, clock.instant()));
        log.info("Review of {}: {} partners' reviews queued by this instance (rule set {})", reviewDate, queued, rules.version());
        return runs.find(reviewDate).orElseThrow();
    }

    /** The latest review date that has come, if its run has not finished: what the scheduler runs. */
    public Optional<ReviewRuns.Run> runDue() {
        Instant now = clock.instant();
        RuleSet rules = ruleSets.inForceAt(now);
        LocalDate today = LocalDate.now(clock.withZone(rules.timeZone()));
        LocalDate latest = latestReviewDate(rules, today);
        if (runs.find(latest).map(ReviewRuns.Run::finished).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(run(latest));
    }

    public List<ReviewRuns.Run> runs() {
        return runs.all();
    }

    /** The partners the coming review would demote if it looked at their figures now, with the conditions they fail. */
    public AtRisk atRisk(int limit) {
        Instant now = clock.instant();
        RuleSet current = ruleSets.inForceAt(now);
        LocalDate next = policy.nextReviewDate(current, now);
        RuleSet rules = ruleSets.inForceOn(next);
        List<ReviewOutcome> atRisk = new ArrayList<>();
        String after = "";
        while (atRisk.size() < limit) {
            List<String> page = records.keptStatusHolders(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (String id : page) {
                records.find(id).map(record -> policy.review(record.facts(), record.status(), rules, next))
                        .filter(ReviewOutcome::demotes)
                        .filter(outcome -> atRisk.size() < limit)
                        .ifPresent(atRisk::add);
            }
            after = page.get(page.size() - 1);
        }
        return new AtRisk(next, rules.version(), now, atRisk);
    }

    public record AtRisk(LocalDate reviewDate, String rulesVersion, Instant asOf, List<ReviewOutcome> partners) {
    }

    private RuleSet reviewRules(LocalDate reviewDate) {
        RuleSet rules = ruleSets.inForceOn(reviewDate);
        if (!rules.reviewDates().contains(MonthDay.from(reviewDate))) {
            throw new IllegalArgumentException(reviewDate + " is not a review date of rule set " + rules.version()
                    + " (review dates: " + rules.reviewDates() + ")");
        }
        return rules;
    }

    private static LocalDate latestReviewDate(RuleSet rules, LocalDate today) {
        LocalDate latest = null;
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (MonthDay day : rules.reviewDates()) {
                LocalDate candidate = day.atYear(year);
                if (!candidate.isAfter(today) && (latest == null || candidate.isAfter(latest))) {
                    latest = candidate;
                }
            }
        }
        return latest;
    }

    /** Every id the pages hold: {@code pageAfter} gives the ids after the one it is given, in id order. */
    private static void forEachPage(Function<String, List<String>> pageAfter, Consumer<String> each) {
        String after = "";
        while (true) {
            List<String> page = pageAfter.apply(after);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(each);
            after = page.get(page.size() - 1);
        }
    }
}
