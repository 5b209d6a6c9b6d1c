package ru.moysklad.partners.lead.domain;

/**
 * A lead's type (B10): FRANCHISE when the form says so, LARGE from a company size on
 * (assumption: 250 employees, configurable), STANDARD otherwise.
 */
public record LeadClassifier(int largeCompanySize) {

    public LeadClassifier {
        if (largeCompanySize < 2) {
            throw new IllegalArgumentException("a large company has at least 2 employees, not " + largeCompanySize);
        }
    }

    public LeadType classify(boolean franchise, Integer companySize) {
        if (franchise) {
            return LeadType.FRANCHISE;
        }
        return companySize != null && companySize >= largeCompanySize ? LeadType.LARGE : LeadType.STANDARD;
    }
}
