package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class OnboardingChecklistTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(180);

    @Test
    void shouldListEveryStepMissingForANewApplicant() {
        List<OnboardingChecklist.Step> steps = OnboardingChecklist.of(PartnerMother.russian(), VALIDITY, NOW);

        assertThat(steps).extracting(OnboardingChecklist.Step::ruleId).containsExactly("S1", "S2", "S3", "P1", "P2");
        assertThat(steps).noneMatch(OnboardingChecklist.Step::done).allSatisfy(step -> assertThat(step.missing()).isNotBlank());
    }

    @Test
    void shouldShowEachStepDoneOnceRecorded() {
        Partner partner = PartnerMother.russian();
        partner.acknowledgeProgram(NOW);
        partner.acceptOffer(NOW);
        partner.recordTraining("Anna Sidorova", NOW);
        partner.verifyWebsite("https://romashka.ru/moysklad", NOW, VALIDITY);
        partner.addEmployee("e-1", "Anna Sidorova", "anna@romashka.ru", true, NOW);
        partner.recordTestAttempt("e-1", 85, 80, NOW);

        List<OnboardingChecklist.Step> steps = OnboardingChecklist.of(partner, VALIDITY, NOW);

        assertThat(steps).allMatch(OnboardingChecklist.Step::done);
        assertThat(steps.get(4).validUntil()).isEqualTo(NOW.plus(VALIDITY));
    }

    @Test
    void shouldCountSellingEmployeesWhoHaveNotPassedForS2() {
        Partner partner = PartnerMother.russian();
        for (int i = 1; i <= 3; i++) {
            partner.addEmployee("e-" + i, "Seller " + i, "seller" + i + "@romashka.ru", true, NOW);
        }
        partner.addEmployee("e-4", "Accountant", "books@romashka.ru", false, NOW);
        partner.recordTestAttempt("e-2", 90, 80, NOW);

        OnboardingChecklist.Step s2 = OnboardingChecklist.of(partner, VALIDITY, NOW).get(1);

        assertThat(s2.done()).isFalse();
        assertThat(s2.missing()).isEqualTo("2 of 3 selling employees have not passed the test");
    }

    @Test
    void shouldAskAKazakhPartnerForASignedContractNotTheOffer() {
        OnboardingChecklist.Step s3 = OnboardingChecklist.of(PartnerMother.kazakh(), VALIDITY, NOW).get(2);

        assertThat(s3.requirement()).contains("contract");
        assertThat(s3.missing()).contains("signed contract");
    }

    @Test
    void shouldReportALapsedWebsiteVerificationAsMissing() {
        Partner partner = PartnerMother.russian();
        partner.verifyWebsite("https://romashka.ru/moysklad", NOW.minus(VALIDITY).minusSeconds(1), VALIDITY);

        OnboardingChecklist.Step p2 = OnboardingChecklist.of(partner, VALIDITY, NOW).get(4);

        assertThat(p2.done()).isFalse();
        assertThat(p2.missing()).contains("lapsed").contains("verified again");
    }
}
