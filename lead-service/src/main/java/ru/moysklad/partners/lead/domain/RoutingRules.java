package ru.moysklad.partners.lead.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The routing's settings; the rule book leaves them to the platform, so each is configuration
 * ({@code leads.routing.*}), its defaults assumptions.
 *
 * @param statusWeights              each status's share in the rotation (assumption: Partner 1, Expert 2, Representative 3)
 * @param maxAttempts                how many partners may have a lead before it goes to the vendor's queue (assumption: 3)
 * @param fallbackRegions            per region, the regions whose partners take its leads when none of its own can
 * @param fallbackToAnyRegion        whether, after those, any eligible partner may take the lead (assumption: yes)
 * @param minAssignmentsForCorrection how many recent assignments a partner needs before its answers correct its weight
 * @param acceptanceFloor            the weight's factor for a partner that accepted none of them (1 for all accepted)
 * @param slowResponseFloor          the weight's factor for a partner that answers at the deadline (1 for at once)
 * @param responseTime               working time a partner has to accept or decline (assumption: 4 working hours)
 * @param candidatesInReason         how many eligible and how many ineligible candidates an assignment lists
 */
public record RoutingRules(Map<ProgramStatus, BigDecimal> statusWeights, int maxAttempts, Map<String, List<String>> fallbackRegions,
                           boolean fallbackToAnyRegion, int minAssignmentsForCorrection, BigDecimal acceptanceFloor,
                           BigDecimal slowResponseFloor, Duration responseTime, int candidatesInReason) {

    public RoutingRules {
        statusWeights = new EnumMap<>(statusWeights);
        for (ProgramStatus status : ProgramStatus.values()) {
            if (status.receivesLeads() && (statusWeights.get(status) == null || statusWeights.get(status).signum() <= 0)) {
                throw new IllegalArgumentException("leads.routing.status-weights needs a positive weight for " + status);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("leads.routing.max-attempts must be 1 or more");
        }
        fallbackRegions = Map.copyOf(fallbackRegions);
        requireFraction("leads.routing.acceptance-floor", acceptanceFloor);
        requireFraction("leads.routing.slow-response-floor", slowResponseFloor);
        if (responseTime.isNegative() || responseTime.isZero()) {
            throw new IllegalArgumentException("leads.response.time must be positive");
        }
    }

    /** The defaults: the assumptions named above, no fallback regions. */
    public static RoutingRules defaults() {
        return new RoutingRules(Map.of(ProgramStatus.PARTNER, BigDecimal.ONE, ProgramStatus.EXPERT, BigDecimal.valueOf(2),
                ProgramStatus.REPRESENTATIVE, BigDecimal.valueOf(3)), 3, Map.of(), true, 5, new BigDecimal("0.25"),
                new BigDecimal("0.5"), Duration.ofHours(4), 20);
    }

    public RoutingRules withFallbackRegions(Map<String, List<String>> regions) {
        return new RoutingRules(statusWeights, maxAttempts, regions, fallbackToAnyRegion, minAssignmentsForCorrection, acceptanceFloor,
                slowResponseFloor, responseTime, candidatesInReason);
    }

    public RoutingRules withMaxAttempts(int attempts) {
        return new RoutingRules(statusWeights, attempts, fallbackRegions, fallbackToAnyRegion, minAssignmentsForCorrection,
                acceptanceFloor, slowResponseFloor, responseTime, candidatesInReason);
    }

    public RoutingRules withFallbackToAnyRegion(boolean any) {
        return new RoutingRules(statusWeights, maxAttempts, fallbackRegions, any, minAssignmentsForCorrection, acceptanceFloor,
                slowResponseFloor, responseTime, candidatesInReason);
    }

    private static void requireFraction(String name, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
