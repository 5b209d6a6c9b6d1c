package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EmployeesTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final int PASS_MARK = 80;

    @Test
    void shouldNotMeetS2WithoutASellingEmployee() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Accountant", "books@romashka.ru", false, NOW);

        assertThat(partner.s2Holds()).isFalse();
    }

    @Test
    void shouldMeetS2WhenTheLastSellingEmployeePassesAndAnnounceItOnce() {
        Partner partner = PartnerMother.russian();
        assertThat(partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW))
                .containsExactly(new PartnerChange.EmployeeAdded("p-ru", "e-1", true));
        partner.addEmployee("e-2", "Boris", "boris@romashka.ru", true, NOW);

        assertThat(partner.recordTestAttempt("e-1", 95, PASS_MARK, NOW)).isEmpty();
        assertThat(partner.modified()).as("an attempt that changes no qualification is still recorded").isTrue();
        assertThat(partner.recordTestAttempt("e-2", 79, PASS_MARK, NOW)).as("one point short of the pass mark").isEmpty();
        List<PartnerChange> passing = partner.recordTestAttempt("e-2", 80, PASS_MARK, NOW);

        assertThat(passing).singleElement().satisfies(change -> {
            var s2 = (PartnerChange.QualificationChanged) change;
            assertThat(s2.ruleId()).isEqualTo("S2");
            assertThat(s2.met()).isTrue();
        });
        assertThat(partner.recordTestAttempt("e-2", 100, PASS_MARK, NOW)).isEmpty();
        assertThat(partner.newTestAttempts()).hasSize(4);
    }

    @Test
    void shouldLoseS2WhenANewSellingEmployeeJoinsUntested() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW);
        partner.recordTestAttempt("e-1", 90, PASS_MARK, NOW);

        List<PartnerChange> changes = partner.addEmployee("e-2", "Boris", "boris@romashka.ru", true, NOW);

        assertThat(changes).hasSize(2);
        assertThat(((PartnerChange.QualificationChanged) changes.get(1)).met()).isFalse();
    }

    @Test
    void shouldRegainS2WhenTheUntestedSellerIsDeactivated() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW);
        partner.recordTestAttempt("e-1", 90, PASS_MARK, NOW);
        partner.addEmployee("e-2", "Boris", "boris@romashka.ru", true, NOW);

        List<PartnerChange> changes = partner.deactivateEmployee("e-2", NOW);

        assertThat(changes.get(0)).isEqualTo(new PartnerChange.EmployeeDeactivated("p-ru", "e-2"));
        assertThat(((PartnerChange.QualificationChanged) changes.get(1)).met()).isTrue();
        assertThat(partner.deactivateEmployee("e-2", NOW)).as("deactivating twice changes nothing").isEmpty();
    }

    @Test
    void shouldRefuseASecondActiveEmployeeWithTheSameEmail() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW);

        assertThatThrownBy(() -> partner.addEmployee("e-2", "Anna again", "ANNA@romashka.ru", false, NOW))
                .isInstanceOf(DuplicateEmployee.class);
        partner.deactivateEmployee("e-1", NOW);
        assertThat(partner.addEmployee("e-3", "Anna returns", "anna@romashka.ru", true, NOW)).isNotEmpty();
    }

    @Test
    void shouldRefuseATestForADeactivatedEmployeeUnderS2AndAScoreOutOfRange() {
        Partner partner = PartnerMother.russian();
        partner.addEmployee("e-1", "Anna", "anna@romashka.ru", true, NOW);

        assertThatThrownBy(() -> partner.recordTestAttempt("e-1", 101, PASS_MARK, NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("score"));
        partner.deactivateEmployee("e-1", NOW);
        assertThatThrownBy(() -> partner.recordTestAttempt("e-1", 90, PASS_MARK, NOW))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo("S2"));
        assertThatThrownBy(() -> partner.recordTestAttempt("nobody", 90, PASS_MARK, NOW)).isInstanceOf(EmployeeNotFound.class);
    }

    @Test
    void shouldNameEachInvalidEmployeeField() {
        assertThatThrownBy(() -> PartnerMother.russian().addEmployee("e-1", " ", "anna", true, NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("name", "email"));
    }
}
