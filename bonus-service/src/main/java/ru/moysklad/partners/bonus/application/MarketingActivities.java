package ru.moysklad.partners.bonus.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.bonus.domain.ActivityAnnouncements;
import ru.moysklad.partners.bonus.domain.ActivityCatalogue;
import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.bonus.domain.ActivityClaims;
import ru.moysklad.partners.bonus.domain.ClaimRules;
import ru.moysklad.partners.bonus.domain.ClaimState;
import ru.moysklad.partners.bonus.domain.InvalidFields;

/**
 * Marketing activities: a partner claims one, vendor staff approve (it is announced as
 * ActivityLogged and counts for P5 and K2-K4 in tier-service, and its bonus points are credited) or
 * reject it with a reason; staff may also log an activity directly. Dates are in the program time zone.
 */
@Service
public class MarketingActivities {

    private final ActivityClaims claims;
    private final ActivityAnnouncements announcements;
    private final BonusPoints bonusPoints;
    private final ActivityCatalogue catalogue;
    private final ClaimRules rules;
    private final Clock clock;
    private final ProgramCalendar calendar;

    MarketingActivities(ActivityClaims claims, ActivityAnnouncements announcements, BonusPoints bonusPoints, ActivitySettings settings,
                        Clock clock, ProgramCalendar calendar) {
        this.calendar = calendar;
        this.claims = claims;
        this.announcements = announcements;
        this.bonusPoints = bonusPoints;
        this.catalogue = settings.catalogue();
        this.rules = settings.rules();
        this.clock = clock;
    }

    public record Claim(String type, LocalDate date, String evidenceUrl, String description) {
    }

    @Transactional
    public ActivityClaim submit(String partnerId, Claim claim) {
        return submit(partnerId, claim, UUID.randomUUID().toString());
    }

    private ActivityClaim submit(String partnerId, Claim claim, String claimId) {
        rules.check(claim.type(), claim.date(), claim.evidenceUrl(), claim.description(), today());
        ActivityClaim submitted = new ActivityClaim(claimId, partnerId, claim.type(), claim.date(),
                blankToNull(claim.evidenceUrl()), claim.description().strip(), ClaimState.SUBMITTED, null, null, null, clock.instant(), null);
        claims.add(submitted);
        return submitted;
    }

    @Transactional
    public ActivityClaim approve(String claimId, String staff) {
        ActivityClaim claim = claims.lock(claimId).orElseThrow(() -> new ClaimNotFound(claimId));
        int points = catalogue.type(claim.type()).orElseThrow(() -> new InvalidFields(Map.of("type",
                "is no longer in the catalogue; reject the claim"))).points();
        ActivityClaim approved = claim.approve(points, staff, clock.instant());
        claims.update(approved);
        announcements.activityLogged(approved);
        bonusPoints.activityApproved(approved);
        return approved;
    }

    @Transactional
    public ActivityClaim reject(String claimId, String reason, String staff) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidFields(Map.of("reason", "must say why, in at most 1000 characters"));
        }
        ActivityClaim claim = claims.lock(claimId).orElseThrow(() -> new ClaimNotFound(claimId));
        ActivityClaim rejected = claim.reject(reason.strip(), staff, clock.instant());
        claims.update(rejected);
        return rejected;
    }

    /** An activity logged, and whether it was logged before under the same idempotency key. */
    public record Logged(ActivityClaim claim, boolean repeated) {
    }

    /**
     * Vendor staff log an activity they know of: a claim submitted and approved at once. With an
     * idempotency key, the same key for the same partner logs it once: a request sent again (its
     * answer lost to a network fault, say) answers the activity logged the first time.
     */
    @Transactional
    public Logged logDirectly(String partnerId, Claim claim, String staff, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Logged(approve(submit(partnerId, claim).claimId(), staff), false);
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidFields(Map.of("Idempotency-Key", "must be 1 to 200 characters"));
        }
        String claimId = UUID.nameUUIDFromBytes(("activity:" + partnerId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
        var earlier = claims.findSerialised(claimId);
        if (earlier.isPresent()) {
            return new Logged(earlier.get(), true);
        }
        return new Logged(approve(submit(partnerId, claim, claimId).claimId(), staff), false);
    }

    @Transactional(readOnly = true)
    public ActivityClaim claim(String claimId) {
        return claims.find(claimId).orElseThrow(() -> new ClaimNotFound(claimId));
    }

    @Transactional(readOnly = true)
    public List<ActivityClaim> claimsOf(String partnerId) {
        return claims.ofPartner(partnerId);
    }

    @Transactional(readOnly = true)
    public List<ActivityClaim> waiting(int limit) {
        return claims.inState(ClaimState.SUBMITTED, limit);
    }

    @Transactional(readOnly = true)
    public long marketingPoints(String partnerId, int year) {
        return claims.approvedPoints(partnerId, year);
    }

    /** The current calendar year in the program time zone. */
    public int currentYear() {
        return today().getYear();
    }

    public ActivityCatalogue catalogue() {
        return catalogue;
    }

    private LocalDate today() {
        return calendar.today(clock);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
