package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuspensionAndBillingTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    @Test
    void shouldGrantBillingAccessOnlyOnARequestApprovedByStaff() {
        Partner partner = withEmployee();
        assertThatThrownBy(() -> partner.decideBillingAccess("e-1", true, "staff-1", "ok", NOW))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo(Partner.BILLING_ACCESS_RULE));

        partner.requestBillingAccess("e-1");
        List<PartnerChange> granted = partner.decideBillingAccess("e-1", true, "staff-1", "needs to pay invoices", NOW);

        assertThat(granted).containsExactly(new PartnerChange.BillingAccessGranted("p-ru", "e-1", "staff-1"));
        assertThat(partner.newAuditEntries()).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("staff-1"));
    }

    @Test
    void shouldRecordARejectionWithoutGrantingAnything() {
        Partner partner = withEmployee();
        partner.requestBillingAccess("e-1");

        assertThat(partner.decideBillingAccess("e-1", false, "staff-1", "not an accountant", NOW)).isEmpty();
        assertThat(partner.employees().get(0).billingAccess()).isEqualTo(Employee.BillingAccess.REJECTED);
    }

    @Test
    void shouldRefuseBillingAccessToADeactivatedEmployee() {
        Partner partner = withEmployee();
        partner.deactivateEmployee("e-1", NOW);

        assertThatThrownBy(() -> partner.requestBillingAccess("e-1"))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo(Partner.BILLING_ACCESS_RULE));
    }

    @Test
    void shouldRevokeBillingAccessWhenTheEmployeeIsDeactivated() {
        Partner partner = withGrantedEmployee();

        assertThat(partner.deactivateEmployee("e-1", NOW))
                .contains(new PartnerChange.BillingAccessRevoked("p-ru", "e-1", "employee deactivated", Partner.BILLING_ACCESS_RULE));
    }

    @Test
    void shouldRevokeEveryBillingAccessOnSuspensionUnderC2() {
        Partner partner = withGrantedEmployee();

        List<PartnerChange> changes = partner.suspend("staff-2", "sold demo access", NOW);

        assertThat(changes).containsExactly(
                new PartnerChange.Suspended("p-ru", "sold demo access", "staff-2"),
                new PartnerChange.BillingAccessRevoked("p-ru", null, "partner suspended", "C2"),
                new PartnerChange.BillingAccessRevoked("p-ru", "e-1", "partner suspended", "C2"));
        assertThat(partner.suspended()).isTrue();
        assertThat(partner.administratorBillingAccess()).isFalse();
        assertThatThrownBy(() -> partner.requestBillingAccess("e-1"))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo("C2"));
        assertThatThrownBy(() -> partner.suspend("staff-2", "again", NOW)).isInstanceOf(RuleRefusal.class);
    }

    @Test
    void shouldRequireWhoAndWhyForSuspensionAndReinstatement() {
        assertThatThrownBy(() -> PartnerMother.russian().suspend(" ", "", NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("by", "reason"));
    }

    @Test
    void shouldRestoreTheAdministratorsAccessOnReinstatementButNotTheEmployees() {
        Partner partner = withGrantedEmployee();
        partner.suspend("staff-2", "dumped prices", NOW);

        List<PartnerChange> changes = partner.reinstate("staff-3", "improved", NOW.plusSeconds(3600));

        assertThat(changes).containsExactly(new PartnerChange.Reinstated("p-ru", "improved", "staff-3"),
                new PartnerChange.BillingAccessGranted("p-ru", null, "staff-3"));
        assertThat(partner.employees().get(0).billingAccess()).isEqualTo(Employee.BillingAccess.NONE);
        assertThat(partner.newAuditEntries()).extracting(AuditEntry::action)
                .contains("suspended (C2)", "reinstated (C2)");
        assertThatThrownBy(() -> partner.reinstate("staff-3", "twice", NOW)).isInstanceOf(RuleRefusal.class);
    }

    @Test
    void shouldChangeLeadPreferencesToKnownRegionsOnly() {
        Partner partner = PartnerMother.russian();

        assertThat(partner.changeLeadPreferences(List.of("VOLGA", "URALS", "VOLGA"), 25))
                .containsExactly(new PartnerChange.LeadPreferencesChanged("p-ru", List.of("URALS", "VOLGA"), 25));
        assertThat(partner.changeLeadPreferences(List.of("URALS", "VOLGA"), 25)).isEmpty();
        assertThatThrownBy(() -> partner.changeLeadPreferences(List.of("ATLANTIS"), -1))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid ->
                        assertThat(invalid.problems()).containsOnlyKeys("regionsServed", "maxOpenLeads"));
    }

    private static Partner withEmployee() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW);
        return partner;
    }

    private static Partner withGrantedEmployee() {
        Partner partner = withEmployee();
        partner.requestBillingAccess("e-1");
        partner.decideBillingAccess("e-1", true, "staff-1", "pays invoices", NOW);
        return partner;
    }
}
