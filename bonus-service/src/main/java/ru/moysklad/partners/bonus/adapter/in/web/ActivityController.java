package ru.moysklad.partners.bonus.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.bonus.application.BonusPoints;
import ru.moysklad.partners.bonus.application.MarketingActivities;
import ru.moysklad.partners.bonus.domain.ActivityCatalogue;
import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.bonus.domain.RewardCatalogue;
import ru.moysklad.partners.platform.web.RequestRejected;

/**
 * Marketing activities: a partner's claims (submitted by its users), vendor staff's decisions and
 * direct logging, the waiting queue, marketing points per year, and the catalogue. Who may call
 * what is the gateway's access table; the deciding staff member is the caller the gateway names.
 */
@RestController
@RequestMapping("/api/bonus")
class ActivityController {

    /** The verified caller, as the gateway passes it on. */
    private static final String CALLER = "X-Platform-Caller";

    private final MarketingActivities activities;
    private final BonusPoints bonusPoints;

    ActivityController(MarketingActivities activities, BonusPoints bonusPoints) {
        this.activities = activities;
        this.bonusPoints = bonusPoints;
    }

    @PostMapping("/partners/{partnerId}/activity-claims")
    ResponseEntity<ClaimView> submit(@PathVariable String partnerId, @RequestBody ClaimRequest request) {
        ActivityClaim claim = activities.submit(partnerId, request.claim());
        return ResponseEntity.created(URI.create("/api/bonus/activity-claims/" + claim.claimId())).body(ClaimView.of(claim));
    }

    @GetMapping("/partners/{partnerId}/activity-claims")
    List<ClaimView> claimsOf(@PathVariable String partnerId) {
        return activities.claimsOf(partnerId).stream().map(ClaimView::of).toList();
    }

    /** Marketing points (P5, K4) of the partner's approved activities dated in a calendar year (default: this one). */
    @GetMapping("/partners/{partnerId}/marketing-points")
    Points points(@PathVariable String partnerId, @RequestParam(required = false) Integer year) {
        int chosen = year == null ? activities.currentYear() : year;
        if (chosen < 2000 || chosen > 2100) {
            throw RequestRejected.invalid(Map.of("year", "must be a calendar year, e.g. 2026"));
        }
        return new Points(partnerId, chosen, activities.marketingPoints(partnerId, chosen));
    }

    /**
     * Vendor staff log an activity directly: approved at once, 201. With an {@code Idempotency-Key}
     * header, sending the same request again logs nothing more and answers 200 with the activity
     * logged the first time.
     */
    @PostMapping("/partners/{partnerId}/activities")
    ResponseEntity<ClaimView> log(@PathVariable String partnerId, @RequestBody ClaimRequest request,
                                  @RequestHeader(name = CALLER, required = false) String staff,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        MarketingActivities.Logged logged = activities.logDirectly(partnerId, request.claim(), staffOr(staff), idempotencyKey);
        ClaimView view = ClaimView.of(logged.claim());
        return logged.repeated() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/bonus/activity-claims/" + logged.claim().claimId())).body(view);
    }

    @GetMapping("/activity-claims/{claimId}")
    ClaimView claim(@PathVariable String claimId) {
        return ClaimView.of(activities.claim(claimId));
    }

    /** Vendor staff's queue: claims waiting for a decision, oldest first. */
    @GetMapping("/activity-claims")
    List<ClaimView> waiting(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw RequestRejected.invalid(Map.of("limit", "must be between 1 and 1000"));
        }
        return activities.waiting(limit).stream().map(ClaimView::of).toList();
    }

    @PostMapping("/activity-claims/{claimId}/approval")
    ClaimView approve(@PathVariable String claimId, @RequestHeader(name = CALLER, required = false) String staff) {
        return ClaimView.of(activities.approve(claimId, staffOr(staff)));
    }

    @PostMapping("/activity-claims/{claimId}/rejection")
    ClaimView reject(@PathVariable String claimId, @RequestBody(required = false) Rejection rejection,
                     @RequestHeader(name = CALLER, required = false) String staff) {
        return ClaimView.of(activities.reject(claimId, rejection == null ? null : rejection.reason(), staffOr(staff)));
    }

    @GetMapping("/activity-types")
    Map<String, ActivityCatalogue.ActivityType> catalogue() {
        return activities.catalogue().sorted();
    }

    /** What bonus points buy. */
    @GetMapping("/rewards")
    Map<String, RewardCatalogue.Reward> rewards() {
        return bonusPoints.rewards().sorted();
    }

    private static String staffOr(String caller) {
        return caller == null || caller.isBlank() ? "vendor staff" : caller;
    }

    record ClaimRequest(String type, LocalDate date, String evidenceUrl, String description) {

        MarketingActivities.Claim claim() {
            return new MarketingActivities.Claim(type, date, evidenceUrl, description);
        }
    }

    record Rejection(String reason) {
    }

    record Points(String partnerId, int year, long marketingPoints) {
    }

    record ClaimView(String claimId, String partnerId, String type, LocalDate date, String evidenceUrl, String description, String state,
                     Integer points, String decidedBy, String reason, Instant submittedAt, Instant decidedAt) {

        static ClaimView of(ActivityClaim claim) {
            return new ClaimView(claim.claimId(), claim.partnerId(), claim.type(), claim.activityDate(), claim.evidenceUrl(),
                    claim.description(), claim.state().name(), claim.points(), claim.decidedBy(), claim.decisionReason(),
                    claim.submittedAt(), claim.decidedAt());
        }
    }
}
