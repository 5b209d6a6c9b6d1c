package ru.moysklad.partners.tier.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.tier.application.Reviews;
import ru.moysklad.partners.tier.domain.ReviewOutcome;
import ru.moysklad.partners.tier.domain.ReviewRuns;

/** Reviews for vendor staff: the runs so far, a dry run of any review date, running one now, and who is at risk. */
@RestController
@RequestMapping("/api/tier")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/reviews")
    List<ReviewRuns.Run> runs() {
        return reviews.runs();
    }

    /** Who the review of that date would demote, and why; changes nothing. */
    @GetMapping("/reviews/{reviewDate}/dry-run")
    DryRun dryRun(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate) {
        try {
            List<OutcomeView> changes = reviews.dryRun(reviewDate).stream().map(OutcomeView::of).toList();
            return new DryRun(reviewDate, changes.size(), changes);
        } catch (IllegalArgumentException e) {
            throw notReviewable(e);
        }
    }

    /** Runs the review of that date now, if it has come and has not run; a finished run is reported again. */
    @PostMapping("/reviews/{reviewDate}")
    ReviewRuns.Run run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate) {
        try {
            return reviews.run(reviewDate);
        } catch (IllegalArgumentException e) {
            throw notReviewable(e);
        }
    }

    /** For account managers: partners the coming review would demote on their figures so far. */
    @GetMapping("/at-risk")
    AtRiskView atRisk(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw RequestRejected.invalid(Map.of("limit", "must be between 1 and 1000"));
        }
        Reviews.AtRisk atRisk = reviews.atRisk(limit);
        return new AtRiskView(atRisk.reviewDate(), atRisk.rulesVersion(), atRisk.asOf(),
                atRisk.partners().stream().map(OutcomeView::of).toList());
    }

    record DryRun(LocalDate reviewDate, int partnersDemoted, List<OutcomeView> changes) {
    }

    record AtRiskView(LocalDate reviewDate, String rulesVersion, Instant asOf, List<OutcomeView> partners) {
    }

    /** One partner's review: from, to, and every keep-condition checked with what is missing. */
    record OutcomeView(String partnerId, String status, String wouldBecome, List<StandingController.RequirementView> conditions,
                       String rulesVersion) {

        static OutcomeView of(ReviewOutcome outcome) {
            return new OutcomeView(outcome.partnerId(), outcome.oldStatus().name(), outcome.newStatus().name(),
                    outcome.conditions().stream().map(StandingController.RequirementView::of).toList(), outcome.rulesVersion());
        }
    }

    private static RequestRejected notReviewable(IllegalArgumentException e) {
        return new RequestRejected(422, "not-reviewable", "Not reviewable", e.getMessage(), null, null);
    }
}
