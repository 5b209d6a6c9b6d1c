package ru.moysklad.partners.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadIntakeTest {

    private final LeadIntake intake = new LeadIntake(Set.of("URALS", "CENTRAL", "KZ"), new LeadClassifier(250));

    private static LeadForm form(String phone, String email, String region, Integer size, Boolean franchise, Boolean consent) {
        return new LeadForm("  OOO Romashka ", "Ivan Petrov", phone, email, region, "Yekaterinburg", size, "PRO", "retail",
                "call after 10", franchise, consent);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+7 900 123-45-67    | +79001234567",
            "8 (900) 123-45-67   | +79001234567",
            "79001234567         | +79001234567",
            "+7.900.123.45.67    | +79001234567",
            "0077011234567       | +77011234567",
            "+375 29 123 45 67   | +375291234567"})
    void shouldNormalisePhonesToE164(String typed, String normalised) {
        assertThat(intake.accept(form(typed, null, "URALS", null, null, true)).contact().phone()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource({"12345", "+0 900 123", "phone please", "+7 900 123 45 67 89 01 23"})
    void shouldRefuseWhatIsNoPhoneNumber(String typed) {
        assertThatThrownBy(() -> intake.accept(form(typed, null, "URALS", null, null, true)))
                .isInstanceOfSatisfying(InvalidLead.class, invalid -> assertThat(invalid.problems()).containsKey("phone"));
    }

    @Test
    void shouldLowerCaseTheEmailAndAcceptItWithoutAPhone() {
        NewLead lead = intake.accept(form(null, " Ivan@Romashka.RU ", "urals", null, null, true));

        assertThat(lead.contact().email()).isEqualTo("ivan@romashka.ru");
        assertThat(lead.contact().phone()).isNull();
        assertThat(lead.region()).isEqualTo("URALS");
        assertThat(lead.company()).isEqualTo("OOO Romashka");
    }

    @Test
    void shouldNameEveryFieldAtFaultAtOnce() {
        LeadForm bad = new LeadForm(" ", null, "not a phone", "no-at-sign", "ATLANTIS", null, 0, null, null, "x".repeat(2001), null, false);

        assertThatThrownBy(() -> intake.accept(bad)).isInstanceOfSatisfying(InvalidLead.class, invalid ->
                assertThat(invalid.problems()).containsOnlyKeys("company", "contactName", "phone", "email", "region", "companySize",
                        "comment", "consent"));
    }

    @Test
    void shouldAskForSomeWayToReachTheContact() {
        assertThatThrownBy(() -> intake.accept(form(null, null, "URALS", null, null, true)))
                .isInstanceOfSatisfying(InvalidLead.class, invalid -> assertThat(invalid.problems().get("phone"))
                        .isEqualTo("give a phone number or an e-mail address"));
    }

    @Test
    void shouldRefuseControlCharacters() {
        LeadForm form = new LeadForm("OOO\u0000Evil", "Ivan", "+79001234567", null, "URALS", null, null, null, null, null, null, true);

        assertThatThrownBy(() -> intake.accept(form)).isInstanceOfSatisfying(InvalidLead.class,
                invalid -> assertThat(invalid.problems()).containsOnlyKeys("company"));
    }

    @ParameterizedTest(name = "{0} employees, franchise {1}: {2}")
    @CsvSource({",false,STANDARD", "249,false,STANDARD", "250,false,LARGE", "5000,false,LARGE", "3,true,FRANCHISE", ",true,FRANCHISE"})
    void shouldClassifyByCompanySizeAndTheFranchiseBox(Integer size, boolean franchise, LeadType type) {
        assertThat(intake.accept(form("+79001234567", null, "KZ", size, franchise, true)).type()).isEqualTo(type);
    }
}
