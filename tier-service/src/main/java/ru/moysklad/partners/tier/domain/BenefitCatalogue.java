package ru.moysklad.partners.tier.domain;

import java.util.List;

/**
 * What each status gives (rule book: What each status gives), as a rule set states it: the benefits
 * a partner has now, and what its next status would add — the reason to reach it. An applicant has
 * none, and a suspended partner none at all until reinstated (C2).
 */
public record BenefitCatalogue(List<Benefit> benefits) {

    public static final BenefitCatalogue NONE = new BenefitCatalogue(List.of());

    public BenefitCatalogue {
        benefits = List.copyOf(benefits);
        if (benefits.stream().map(Benefit::id).distinct().count() != benefits.size()) {
            throw new IllegalArgumentException("a benefit is listed twice");
        }
    }

    /** The benefits a partner of this status has, in the table's order. */
    public List<Benefit> of(Status status, boolean suspended) {
        if (suspended) {
            return List.of();
        }
        return benefits.stream().filter(benefit -> benefit.amountFor(status).isPresent()).toList();
    }

    /** What reaching {@code next} from {@code current} adds: benefits it gives that {@code current} does not, or gives more of. */
    public List<Benefit> unlockedBy(Status current, Status next) {
        return benefits.stream().filter(benefit -> benefit.improvesFrom(current, next)).toList();
    }
}
