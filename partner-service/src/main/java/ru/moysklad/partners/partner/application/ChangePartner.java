package ru.moysklad.partners.partner.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.PartnerAnnouncements;
import ru.moysklad.partners.partner.domain.PartnerChange;
import ru.moysklad.partners.partner.domain.Partners;

/**
 * The acts on a registered partner: onboarding facts and account-manager reassignment. Each runs in
 * its own transaction; when another update of the same partner committed in between, it is
 * re-read and applied again, so neither update is lost.
 */
@Service
public class ChangePartner {

    private static final int ATTEMPTS = 5;

    private final Partners partners;
    private final PartnerAnnouncements announcements;
    private final TransactionTemplate transactions;
    private final PartnerSettings settings;
    private final Clock clock;

    public ChangePartner(Partners partners, PartnerAnnouncements announcements, PlatformTransactionManager transactionManager,
                         PartnerSettings settings, Clock clock) {
        this.partners = partners;
        this.announcements = announcements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
    }

    public Partner acknowledgeProgram(String partnerId) {
        return apply(partnerId, (partner, now) -> partner.acknowledgeProgram(now));
    }

    public Partner acceptOffer(String partnerId) {
        return apply(partnerId, (partner, now) -> partner.acceptOffer(now));
    }

    public Partner recordSignedContract(String partnerId, String reference, Instant signedAt) {
        return apply(partnerId, (partner, now) -> partner.recordSignedContract(reference, signedAt == null ? now : signedAt));
    }

    public Partner recordTraining(String partnerId, String employee, Instant trainedAt) {
        return apply(partnerId, (partner, now) -> partner.recordTraining(employee, trainedAt == null ? now : trainedAt));
    }

    public Partner verifyWebsite(String partnerId, String url) {
        return apply(partnerId, (partner, now) -> partner.verifyWebsite(url, now, settings.websiteVerificationValidity()));
    }

    public Partner reassignAccountManager(String partnerId, String managerId) {
        return apply(partnerId, (partner, now) -> partner.reassignAccountManager(managerId));
    }

    /** @return the new employee's id */
    public String addEmployee(String partnerId, String name, String email, boolean selling) {
        String employeeId = UUID.randomUUID().toString();
        apply(partnerId, (partner, now) -> partner.addEmployee(employeeId, name, email, selling, now));
        return employeeId;
    }

    public Partner deactivateEmployee(String partnerId, String employeeId) {
        return apply(partnerId, (partner, now) -> partner.deactivateEmployee(employeeId, now));
    }

    public Partner recordTestAttempt(String partnerId, String employeeId, int score) {
        return apply(partnerId, (partner, now) -> partner.recordTestAttempt(employeeId, score, settings.programTestPassMark(), now));
    }

    public Partner requestBillingAccess(String partnerId, String employeeId) {
        return apply(partnerId, (partner, now) -> partner.requestBillingAccess(employeeId));
    }

    public Partner decideBillingAccess(String partnerId, String employeeId, boolean grant, String staff, String reason) {
        return apply(partnerId, (partner, now) -> partner.decideBillingAccess(employeeId, grant, staff, reason, now));
    }

    public Partner suspend(String partnerId, String staff, String reason) {
        return apply(partnerId, (partner, now) -> partner.suspend(staff, reason, now));
    }

    public Partner reinstate(String partnerId, String staff, String reason) {
        return apply(partnerId, (partner, now) -> partner.reinstate(staff, reason, now));
    }

    public Partner changeLeadPreferences(String partnerId, List<String> regionsServed, int maxOpenLeads) {
        return apply(partnerId, (partner, now) -> partner.changeLeadPreferences(regionsServed, maxOpenLeads));
    }

    private Partner apply(String partnerId, BiFunction<Partner, Instant, List<PartnerChange>> act) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Partner partner = partners.find(partnerId).orElseThrow(() -> new PartnerNotFound(partnerId));
                    List<PartnerChange> changes = act.apply(partner, clock.instant());
                    if (!partner.modified()) {
                        return partner;
                    }
                    partners.update(partner);
                    announcements.announce(changes, partner.version() + 1);
                    return partners.find(partnerId).orElseThrow();
                });
            } catch (Partners.ConcurrentPartnerUpdate e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
