package ru.moysklad.partners.partner.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.partner.domain.AccountManagerTable;
import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.PartnerAnnouncements;
import ru.moysklad.partners.partner.domain.Partners;

/** A company applies to the program: it becomes an APPLICANT with the account manager of its region. */
@Service
public class RegisterPartner {

    private final Partners partners;
    private final PartnerAnnouncements announcements;
    private final AccountManagerTable managers;
    private final int defaultMaxOpenLeads;
    private final Clock clock;

    public RegisterPartner(Partners partners, PartnerAnnouncements announcements, PartnerSettings settings, Clock clock) {
        this.partners = partners;
        this.announcements = announcements;
        this.managers = settings.accountManagerTable();
        this.defaultMaxOpenLeads = settings.defaultMaxOpenLeads();
        this.clock = clock;
    }

    @Transactional
    public Partner register(Partner.Application application) {
        Partner partner = Partner.register(UUID.randomUUID().toString(), application, managers, defaultMaxOpenLeads,
                clock.instant());
        partners.add(partner);
        announcements.announce(partner.registrationChanges(), partner.version());
        return partner;
    }
}
