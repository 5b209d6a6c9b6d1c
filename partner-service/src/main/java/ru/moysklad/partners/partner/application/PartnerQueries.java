package ru.moysklad.partners.partner.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.partner.domain.AuditEntry;
import ru.moysklad.partners.partner.domain.OnboardingChecklist;
import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.Partners;

@Service
public class PartnerQueries {

    private final Partners partners;
    private final PartnerSettings settings;
    private final Clock clock;

    public PartnerQueries(Partners partners, PartnerSettings settings, Clock clock) {
        this.partners = partners;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Partner partner(String partnerId) {
        return partners.find(partnerId).orElseThrow(() -> new PartnerNotFound(partnerId));
    }

    /** The partner's audit trail, oldest first: who did what, when and why. */
    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(String partnerId) {
        partner(partnerId);
        return partners.auditTrail(partnerId);
    }

    /** Each onboarding step of the partner, done or not, and what is missing. */
    public List<OnboardingChecklist.Step> onboarding(Partner partner) {
        return OnboardingChecklist.of(partner, settings.websiteVerificationValidity(), clock.instant());
    }
}
