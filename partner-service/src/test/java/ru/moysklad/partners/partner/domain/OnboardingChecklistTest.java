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
        List<OnboardingChecklist.Step> steps = OnboardingChecklist.of(PartnerMother.russian(), 0, 0, VALIDITY, NOW);

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

        List<OnboardingChecklist.Step> steps = OnboardingChecklist.of(partner, 2, 2, VALIDITY, NOW);

        assertThat(steps).allMatch(OnboardingChecklist.Step::done);
        assertThat(steps.get(4).validUntil()).isEqualTo(NOW.plus(VALIDITY));
    }

    @Test
    void shouldCountSellingEmployeesWhoHaveNotPassedForS2() {
        OnboardingChecklist.Step s2 = OnboardingChecklist.of(PartnerMother.russian(), 3, 1, VALIDITY, NOW).get(1);

        assertThat(s2.done()).isFalse();
        assertThat(s2.missing()).isEqualTo("2 of 3 selling employees have not passed the test");
    }

    @Test
    void shouldAskAKazakhPartnerForASignedContractNotTheOffer() {
        OnboardingChecklist.Step s3 = OnboardingChecklist.of(PartnerMother.kazakh(), 0, 0, VALIDITY, NOW).get(2);

        assertThat(s3.requirement()).contains("contract");
        assertThat(s3.missing()).contains("signed contract");
    }

    @Test
    void shouldReportALapsedWebsiteVerificationAsMissing() {
        Partner partner = PartnerMother.russian();
        partner.verifyWebsite("https://romashka.ru/moysklad", NOW.minus(VALIDITY).minusSeconds(1), VALIDITY);

        OnboardingChecklist.Step p2 = OnboardingChecklist.of(partner, 0, 0, VALIDITY, NOW).get(4);

        assertThat(p2.done()).isFalse();
        assertThat(p2.missing()).contains("lapsed").contains("verified again");
    }
}
