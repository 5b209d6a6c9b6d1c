package ru.moysklad.partners.tier.adapter.out.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.tier.domain.Benefit;
import ru.moysklad.partners.tier.domain.RuleBook;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.RuleSets;
import ru.moysklad.partners.tier.domain.Status;
import ru.moysklad.partners.tier.domain.Thresholds;

class RuleSetFilesTest {

    /** A rule set with Expert's keep-conditions and Partner's requirements to obtain filled in. */
    private static final String LEADS_RULE_SET = """
            {"version": "leads", "effectiveFrom": "2027-01-01", "timeZone": "Europe/Moscow", "reviewDates": ["01-01", "07-01"],
             "keep": {"PARTNER": {}, "EXPERT": %s, "REPRESENTATIVE": {}}, "obtain": {"PARTNER": %s}}""";

    @Test
    void shouldReadTheShippedRuleSetAsTheRuleBookStatesIt() throws Exception {
        RuleSets sets = new RuleSetFiles().ruleSets("");
        RuleSet rules = sets.inForceOn(LocalDate.of(2026, 11, 25));

        assertThat(rules.version()).isEqualTo("2026-1");
        assertThat(rules.timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(rules.reviewDates()).containsExactly(MonthDay.of(1, 1), MonthDay.of(7, 1));
        assertThat(rules.partner()).isEqualTo(new Thresholds(10_000_000, 5_000_000, 100, 0, 0, 0, 0));
        assertThat(rules.representative().cumulativeSalesKopecks()).isEqualTo(500_000_000);
        assertThat(rules.keep(Status.PARTNER)).isEqualTo(new Thresholds(0, 5_000_000, 100, 0, 0, 0, 0));
        assertThat(rules.keep(Status.EXPERT)).isEqualTo(new Thresholds(0, 15_000_000, 200, 2, 1, 15, 0));
        assertThat(rules.keep(Status.REPRESENTATIVE)).isEqualTo(new Thresholds(0, 60_000_000, 300, 2, 2, 50, 0));
        assertThat(rules.activityCountsFor("INDUSTRY_EVENT", "K2")).isTrue();
        assertThat(rules.activityCountsFor("SUCCESS_STORY", "K3")).isTrue();
        assertThat(rules.activityCountsFor("WEBINAR", "K2")).isFalse();
    }

    @Test
    void shouldStateTheBenefitsOfEveryStatusAsTheRuleBooksTable() throws Exception {
        RuleSet rules = new RuleSetFiles().ruleSets("").inForceOn(LocalDate.of(2026, 11, 25));

        assertThat(rules.benefits().benefits()).extracting(Benefit::id, Benefit::unit, Benefit::amounts)
                .containsExactlyElementsOf(RuleBook.benefits().benefits().stream()
                        .map(benefit -> tuple(benefit.id(), benefit.unit(), benefit.amounts())).toList());
        assertThat(rules.benefits().benefits()).allSatisfy(benefit -> assertThat(benefit.title()).isNotBlank());
    }

    @Test
    void shouldRefuseABenefitWithAnUnknownUnitAmountsForAYesOrAnApplicant() {
        String base = "{\"version\": \"b\", \"effectiveFrom\": \"2027-01-01\", \"timeZone\": \"UTC\", \"reviewDates\": [\"01-01\"],"
                + " \"keep\": {\"PARTNER\": {}, \"EXPERT\": {}, \"REPRESENTATIVE\": {}}, \"benefits\": [%s]}";
        assertThatThrownBy(() -> RuleSetFiles.parse(json(base.formatted(
                "{\"id\": \"B1\", \"title\": \"t\", \"unit\": \"EUROS\", \"amounts\": {\"PARTNER\": 1}}")), "unit.json"))
                .hasMessageContaining("unit.json").hasMessageContaining("unit EUROS");
        assertThatThrownBy(() -> RuleSetFiles.parse(json(base.formatted(
                "{\"id\": \"B6\", \"title\": \"t\", \"unit\": \"YES\", \"amounts\": {\"PARTNER\": 1}}")), "yes.json"))
                .hasMessageContaining("names its statuses");
        assertThatThrownBy(() -> RuleSetFiles.parse(json(base.formatted(
                "{\"id\": \"B5\", \"title\": \"t\", \"unit\": \"YES\", \"statuses\": [\"APPLICANT\"]}")), "applicant.json"))
                .hasMessageContaining("an applicant has no status");
    }

    @Test
    void shouldReadTheOptionalLeadAcceptanceShareAsAKeepConditionOnly() {
        RuleSet rules = RuleSetFiles.parse(json(LEADS_RULE_SET.formatted("{\"leadAcceptancePercent\": 60}", "{}")), "leads.json");

        assertThat(rules.keep(Status.EXPERT).leadAcceptancePercent()).isEqualTo(60);
        assertThat(rules.keep(Status.PARTNER).leadAcceptancePercent()).isZero();
        assertThatThrownBy(() -> RuleSetFiles.parse(json(LEADS_RULE_SET.formatted("{}", "{\"leadAcceptancePercent\": 60}")), "obtain.json"))
                .hasMessageContaining("obtain.json").hasMessageContaining("not to obtain PARTNER");
        assertThatThrownBy(() -> RuleSetFiles.parse(json(LEADS_RULE_SET.formatted("{\"leadAcceptancePercent\": 101}", "{}")), "share.json"))
                .hasMessageContaining("share.json").hasMessageContaining("at most 100 percent");
    }

    @Test
    void shouldNameTheFileAndTheFaultOfABrokenRuleSet() {
        assertThatThrownBy(() -> RuleSetFiles.parse(json("{\"version\": \"x\", \"effectiveFrom\": \"2027-13-01\"}"), "broken.json"))
                .hasMessageContaining("rule set broken.json is not valid");
        assertThatThrownBy(() -> RuleSetFiles.parse(json("{\"version\": \"x\", \"effectiveFrom\": \"2027-01-01\", \"timeZone\": \"UTC\","
                + " \"reviewDates\": [\"01-01\"], \"keep\": {\"PARTNER\": {}, \"EXPERT\": {}, \"REPRESENTATIVE\": {}},"
                + " \"activities\": {\"WEBINAR\": [\"K4\"]}}"), "k4.json"))
                .hasMessageContaining("may count for K2 or K3 only");
        assertThatThrownBy(() -> RuleSetFiles.parse(json("{\"version\": \"x\", \"surprise\": 1}"), "unknown.json"))
                .hasMessageContaining("unknown.json");
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
