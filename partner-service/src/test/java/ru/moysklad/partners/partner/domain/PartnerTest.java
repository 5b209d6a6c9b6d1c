package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PartnerTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    @Test
    void shouldRegisterAnApplicantWithTheAccountManagerOfItsRegion() {
        Partner partner = PartnerMother.russian();

        assertThat(partner.accountManagerId()).isEqualTo("am-urals");
        assertThat(partner.administratorEmail()).isEqualTo("admin@romashka.ru");
        assertThat(partner.registrationChanges()).containsSubsequence(
                new PartnerChange.AccountManagerAssigned("p-ru", "am-urals", null, true),
                new PartnerChange.BillingAccessGranted("p-ru", null, Partner.SYSTEM),
                new PartnerChange.LeadPreferencesChanged("p-ru", java.util.List.of("URALS"), 10));
    }

    @Test
    void shouldNameEveryInvalidFieldOfAnApplication() {
        var application = new Partner.Application(" ", "7707083894", "RU", "MOSCOW", "ftp://x", "", "not-an-email");

        assertThatThrownBy(() -> Partner.register("p", application, PartnerMother.managers(), 10, NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems())
                        .containsOnlyKeys("legalName", "taxId", "region", "website", "administratorName", "administratorEmail"));
    }

    @Test
    void shouldRefuseAnUnservedCountry() {
        assertThatThrownBy(() -> Partner.register("p", PartnerMother.application("DE", "BERLIN", "123"), PartnerMother.managers(), 10, NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("country"));
    }

    @Test
    void shouldTakeTheCountryAsTheRegionOutsideRussia() {
        assertThat(PartnerMother.kazakh().region().code()).isEqualTo("KZ");
        assertThatThrownBy(() -> Partner.register("p", PartnerMother.application("BY", "MINSK", "190000001"), PartnerMother.managers(), 10, NOW))
                .isInstanceOfSatisfying(InvalidPartnerData.class, invalid -> assertThat(invalid.problems()).containsOnlyKeys("region"));
    }

    @Test
    void shouldRecordS1OnceAndAnnounceItOnce() {
        Partner partner = PartnerMother.russian();

        assertThat(partner.acknowledgeProgram(NOW)).singleElement()
                .isEqualTo(new PartnerChange.QualificationChanged("p-ru", "S1", true, null, "program acknowledged"));
        assertThat(partner.acknowledgeProgram(NOW.plusSeconds(60))).isEmpty();
        assertThat(partner.programAcknowledgedAt()).isEqualTo(NOW);
        assertThat(partner.modified()).isTrue();
    }

    @Test
    void shouldRefuseThePublicOfferToAKazakhPartnerUnderS3() {
        assertThatThrownBy(() -> PartnerMother.kazakh().acceptOffer(NOW))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo("S3"));
    }

    @Test
    void shouldMeetS3ForAKazakhPartnerWithASignedContract() {
        Partner partner = PartnerMother.kazakh();

        assertThat(partner.recordSignedContract("KZ-2026/17", NOW)).singleElement()
                .satisfies(change -> assertThat(((PartnerChange.QualificationChanged) change).ruleId()).isEqualTo("S3"));
    }

    @Test
    void shouldRefuseASignedContractForARussianPartnerWhoAcceptsTheOffer() {
        assertThatThrownBy(() -> PartnerMother.russian().recordSignedContract("RU-1", NOW))
                .isInstanceOfSatisfying(RuleRefusal.class, refusal -> assertThat(refusal.ruleId()).isEqualTo("S3"));
        assertThat(PartnerMother.russian().acceptOffer(NOW)).hasSize(1);
    }

    @Test
    void shouldAnnounceP2WithTheDateItLapses() {
        var changes = PartnerMother.russian().verifyWebsite("https://romashka.ru/moysklad", NOW, Duration.ofDays(180));

        assertThat(changes).singleElement().isEqualTo(new PartnerChange.QualificationChanged("p-ru", "P2", true,
                NOW.plus(Duration.ofDays(180)), "website https://romashka.ru/moysklad verified"));
    }

    @Test
    void shouldAnnounceAReassignmentButNotAReassignmentToTheSameManager() {
        Partner partner = PartnerMother.russian();

        assertThat(partner.reassignAccountManager("am-urals")).isEmpty();
        assertThat(partner.reassignAccountManager("am-7")).singleElement()
                .isEqualTo(new PartnerChange.AccountManagerAssigned("p-ru", "am-7", "am-urals", false));
    }
}
