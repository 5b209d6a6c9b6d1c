package ru.moysklad.partners.tier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.moysklad.partners.tier.domain.RuleBook.RUB;
import static ru.moysklad.partners.tier.domain.RuleBook.RULES;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierPolicyTest {

    private final TierPolicy policy = new TierPolicy();
    private static final Instant NOV_2026 = Instant.parse("2026-11-20T09:00:00Z");

    /** Start's requirements met, nothing else. */
    private static PartnerFacts onboarded() {
        return PartnerFacts.none("p")
                .withOnboarding("S1", new OnboardingFact(true, null))
                .withOnboarding("S2", new OnboardingFact(true, null))
                .withOnboarding("S3", new OnboardingFact(true, null));
    }

    /** Partner's requirements met in November 2026: P1, P2, 100,000 RUB in the quarter, 100 points this year. */
    private static PartnerFacts partner() {
        return onboarded()
                .withOnboarding("P1", new OnboardingFact(true, null))
                .withOnboarding("P2", new OnboardingFact(true, Instant.parse("2027-06-01T00:00:00Z")))
                .with(YearMonth.of(2026, 10), MonthFigures.sales(100_000 * RUB, true))
                .with(YearMonth.of(2026, 3), new MonthFigures(0, 100, 0, 0, 0));
    }

    private static PartnerFacts expert() {
        return partner()
                .with(YearMonth.of(2026, 11), MonthFigures.sales(50_000 * RUB, false))
                .with(YearMonth.of(2026, 4), new MonthFigures(0, 100, 2, 1, 14)); // with October's, 15 new clients: K5 exactly
    }

    @Nested
    class Start {

        @Test
        void shouldMakeAnApplicantAStartPartnerOnceS1S2AndS3Hold() {
            var decision = policy.promote(onboarded(), Status.APPLICANT, RULES, NOV_2026).orElseThrow();

            assertThat(decision.newStatus()).isEqualTo(Status.PARTNER_START);
            assertThat(decision.reason()).isEqualTo(ChangeReason.ONBOARDING_COMPLETED);
            assertThat(decision.evaluations()).extracting(RuleEvaluation::ruleId).containsExactly("S1", "S2", "S3");
        }

        @ParameterizedTest
        @CsvSource({"S1", "S2", "S3"})
        void shouldKeepAnApplicantWhileAnyOfS1S2S3IsMissing(String missing) {
            PartnerFacts facts = onboarded().withOnboarding(missing, new OnboardingFact(false, null));

            assertThat(policy.promote(facts, Status.APPLICANT, RULES, NOV_2026)).isEmpty();
            assertThat(policy.evaluate(facts, RULES, NOV_2026).reached()).isEqualTo(Status.APPLICANT);
        }
    }

    @Nested
    class Partner {

        @Test
        void shouldPromoteToPartnerWhenP1ToP5AllHold() {
            var decision = policy.promote(partner(), Status.PARTNER_START, RULES, NOV_2026).orElseThrow();

            assertThat(decision.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(decision.reason()).isEqualTo(ChangeReason.PROMOTION);
            assertThat(decision.evaluations()).extracting(RuleEvaluation::ruleId).containsExactly("P1", "P2", "P3", "P4", "P5");
            assertThat(decision.evaluations()).allMatch(RuleEvaluation::met);
            assertThat(decision.rulesVersion()).isEqualTo("test-2026");
        }

        @ParameterizedTest(name = "{0} short by one")
        @CsvSource({"P3", "P4", "P5"})
        void shouldNotPromoteWhenAFigureIsJustBelowItsThreshold(String rule) {
            PartnerFacts facts = switch (rule) {
                // cumulative 100,000 RUB less a kopeck, with the quarter still met by the previous quarter's sales
                case "P3" -> onboarded().withOnboarding("P1", new OnboardingFact(true, null)).withOnboarding("P2", new OnboardingFact(true, null))
                        .with(YearMonth.of(2026, 10), MonthFigures.sales(100_000 * RUB - 1, true))
                        .with(YearMonth.of(2026, 3), new MonthFigures(0, 100, 0, 0, 0));
                case "P4" -> onboarded().withOnboarding("P1", new OnboardingFact(true, null)).withOnboarding("P2", new OnboardingFact(true, null))
                        .with(YearMonth.of(2025, 6), MonthFigures.sales(60_000 * RUB, true))
                        .with(YearMonth.of(2026, 7), MonthFigures.sales(50_000 * RUB - 1, false))
                        .with(YearMonth.of(2026, 3), new MonthFigures(0, 100, 0, 0, 0));
                default -> onboarded().withOnboarding("P1", new OnboardingFact(true, null)).withOnboarding("P2", new OnboardingFact(true, null))
                        .with(YearMonth.of(2026, 10), MonthFigures.sales(100_000 * RUB, true))
                        .with(YearMonth.of(2026, 3), new MonthFigures(0, 99, 0, 0, 0));
            };

            var evaluation = policy.evaluate(facts, RULES, NOV_2026);

            assertThat(evaluation.reached()).isEqualTo(Status.PARTNER_START);
            assertThat(evaluation.of(Status.PARTNER)).filteredOn(r -> !r.met()).extracting(RuleEvaluation::ruleId).containsExactly(rule);
            assertThat(evaluation.of(Status.PARTNER)).filteredOn(r -> r.ruleId().equals(rule)).singleElement()
                    .satisfies(r -> assertThat(r.shortfall()).isEqualTo(1));
        }

        @Test
        void shouldCountTheLastCompleteQuarterForP4WhenItIsHigherThanThisOne() {
            PartnerFacts facts = partner().with(YearMonth.of(2026, 10), MonthFigures.sales(-100_000 * RUB, false))
                    .with(YearMonth.of(2026, 9), MonthFigures.sales(100_000 * RUB, false));

            var p4 = policy.evaluate(facts, RULES, NOV_2026).of(Status.PARTNER).stream().filter(r -> r.ruleId().equals("P4")).findFirst().orElseThrow();

            assertThat(p4.met()).isTrue();
            assertThat(p4.period()).isEqualTo("2026-Q3");
        }

        @Test
        void shouldCountMarketingPointsOfThisCalendarYearOnlyForP5() {
            PartnerFacts lastYear = partner().with(YearMonth.of(2026, 3), new MonthFigures(0, -100, 0, 0, 0))
                    .with(YearMonth.of(2025, 12), new MonthFigures(0, 100, 0, 0, 0));

            assertThat(policy.evaluate(lastYear, RULES, NOV_2026).reached()).isEqualTo(Status.PARTNER_START);
        }

        @Test
        void shouldNotCountAWebsiteVerificationThatHasLapsed() {
            PartnerFacts facts = partner().withOnboarding("P2", new OnboardingFact(true, Instant.parse("2026-11-01T00:00:00Z")));

            assertThat(policy.evaluate(facts, RULES, NOV_2026).reached()).isEqualTo(Status.PARTNER_START);
        }

        @Test
        void shouldTakeTheQuarterInMoscowTime() {
            // 23:30 UTC on 30 September is 02:30 on 1 October in Moscow: the fourth quarter has begun
            Instant justAfterMoscowMidnight = Instant.parse("2026-09-30T23:30:00Z");
            PartnerFacts facts = onboarded().withOnboarding("P1", new OnboardingFact(true, null)).withOnboarding("P2", new OnboardingFact(true, null))
                    .with(YearMonth.of(2026, 10), MonthFigures.sales(100_000 * RUB, true))
                    .with(YearMonth.of(2026, 3), new MonthFigures(0, 100, 0, 0, 0));

            assertThat(policy.evaluate(facts, RULES, justAfterMoscowMidnight).reached()).isEqualTo(Status.PARTNER);
            assertThat(policy.evaluate(facts, RULES, Instant.parse("2026-09-30T20:30:00Z")).reached()).isEqualTo(Status.PARTNER_START);
        }
    }

    @Nested
    class ExpertAndRepresentative {

        @Test
        void shouldPromoteToExpertWhenTheExpertKeepConditionsAlsoHold() {
            var decision = policy.promote(expert(), Status.PARTNER, RULES, NOV_2026).orElseThrow();

            assertThat(decision.newStatus()).isEqualTo(Status.EXPERT);
            assertThat(decision.evaluations()).extracting(RuleEvaluation::ruleId).containsExactly("K1", "K2", "K3", "K4", "K5");
        }

        @ParameterizedTest(name = "{0} one short")
        @CsvSource({"K1", "K2", "K3", "K4", "K5"})
        void shouldNotPromoteToExpertWithOneKeepConditionShort(String rule) {
            MonthFigures less = switch (rule) {
                case "K1" -> MonthFigures.sales(-1, false);
                case "K2" -> new MonthFigures(0, 0, -1, 0, 0);
                case "K3" -> new MonthFigures(0, 0, 0, -1, 0);
                case "K4" -> new MonthFigures(0, -1, 0, 0, 0);
                default -> new MonthFigures(0, 0, 0, 0, -1);
            };
            PartnerFacts facts = expert().with(YearMonth.of(2026, 11), less);

            var evaluation = policy.evaluate(facts, RULES, NOV_2026);

            assertThat(evaluation.reached()).isEqualTo(Status.PARTNER);
            assertThat(evaluation.of(Status.EXPERT)).filteredOn(r -> !r.met()).extracting(RuleEvaluation::ruleId).containsExactly(rule);
        }

        @Test
        void shouldSkipLevelsWhenOneEventEarnsThemAll() {
            PartnerFacts facts = expert()
                    .with(YearMonth.of(2026, 11), MonthFigures.sales(5_000_000 * RUB, false))
                    .with(YearMonth.of(2026, 5), new MonthFigures(0, 100, 0, 1, 35));

            var decision = policy.promote(facts, Status.PARTNER_START, RULES, NOV_2026).orElseThrow();

            assertThat(decision.newStatus()).isEqualTo(Status.REPRESENTATIVE);
            assertThat(decision.evaluations()).extracting(RuleEvaluation::ruleId)
                    .containsExactly("P1", "P2", "P3", "P4", "P5", "K1", "K2", "K3", "K4", "K5", "R1", "K1", "K2", "K3", "K4", "K5");
        }

        @Test
        void shouldNotMakeARepresentativeWithoutR1() {
            PartnerFacts facts = expert()
                    .with(YearMonth.of(2026, 11), MonthFigures.sales(5_000_000 * RUB - 250_000 * RUB - 1, false))
                    .with(YearMonth.of(2026, 5), new MonthFigures(0, 100, 0, 1, 35));

            var evaluation = policy.evaluate(facts, RULES, NOV_2026);

            assertThat(evaluation.reached()).isEqualTo(Status.EXPERT);
            assertThat(evaluation.of(Status.REPRESENTATIVE)).filteredOn(r -> !r.met()).extracting(RuleEvaluation::ruleId).containsExactly("R1");
        }
    }

    @Nested
    class Promotion {

        @Test
        void shouldNeverLowerAStatus() {
            assertThat(policy.promote(onboarded(), Status.EXPERT, RULES, NOV_2026)).isEmpty();
        }

        @Test
        void shouldNotPromoteASuspendedPartner() {
            assertThat(policy.promote(partner().withSuspended(true), Status.PARTNER_START, RULES, NOV_2026)).isEmpty();
        }
    }

    @Nested
    class Review {

        private final LocalDate january = LocalDate.of(2027, 1, 1);

        /** An Expert whose second half of 2026 met Expert's conditions. */
        private PartnerFacts keptExpert() {
            return PartnerFacts.none("p")
                    .with(YearMonth.of(2026, 8), MonthFigures.sales(150_000 * RUB, false))
                    .with(YearMonth.of(2026, 12), MonthFigures.sales(150_000 * RUB, false))
                    .with(YearMonth.of(2026, 2), new MonthFigures(0, 200, 2, 1, 15));
        }

        @Test
        void shouldKeepAnExpertWhoseHalfYearMetEveryCondition() {
            ReviewOutcome outcome = policy.review(keptExpert(), Status.EXPERT, RULES, january);

            assertThat(outcome.newStatus()).isEqualTo(Status.EXPERT);
            assertThat(outcome.demotes()).isFalse();
            assertThat(outcome.conditions()).extracting(RuleEvaluation::period)
                    .containsExactly("2026-Q3", "2026-Q4", "2026-01..2026-12", "2026-01..2026-12", "2026-01..2026-12", "2026-01..2026-12");
        }

        @Test
        void shouldDropToPartnerWhenOneQuarterFellShortOfExpertsK1() {
            PartnerFacts facts = keptExpert().with(YearMonth.of(2026, 12), MonthFigures.sales(-1, false));

            ReviewOutcome outcome = policy.review(facts, Status.EXPERT, RULES, january);

            assertThat(outcome.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(outcome.conditions()).filteredOn(r -> !r.met()).extracting(RuleEvaluation::ruleId, RuleEvaluation::period)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("K1", "2026-Q4"));
        }

        @Test
        void shouldDropToStartButNeverBelow() {
            ReviewOutcome outcome = policy.review(PartnerFacts.none("p"), Status.REPRESENTATIVE, RULES, january);

            assertThat(outcome.newStatus()).isEqualTo(Status.PARTNER_START);
            assertThat(outcome.conditions()).extracting(RuleEvaluation::ruleId).contains("K1", "K5");
        }

        @Test
        void shouldLookAtTheTrailingTwelveMonthsInAJulyReview() {
            PartnerFacts facts = PartnerFacts.none("p")
                    .with(YearMonth.of(2027, 2), MonthFigures.sales(50_000 * RUB, false))
                    .with(YearMonth.of(2027, 6), MonthFigures.sales(50_000 * RUB, false))
                    .with(YearMonth.of(2026, 7), new MonthFigures(0, 100, 0, 0, 0));

            ReviewOutcome kept = policy.review(facts, Status.PARTNER, RULES, LocalDate.of(2027, 7, 1));
            ReviewOutcome tooOld = policy.review(facts.with(YearMonth.of(2026, 7), new MonthFigures(0, -100, 0, 0, 0))
                    .with(YearMonth.of(2026, 6), new MonthFigures(0, 100, 0, 0, 0)), Status.PARTNER, RULES, LocalDate.of(2027, 7, 1));

            assertThat(kept.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(tooOld.newStatus()).isEqualTo(Status.PARTNER_START);
        }

        @Test
        void shouldNeverRaiseAStatusAtAReview() {
            PartnerFacts facts = keptExpert().with(YearMonth.of(2026, 9), MonthFigures.sales(10_000_000 * RUB, false));

            assertThat(policy.review(facts, Status.PARTNER, RULES, january).newStatus()).isEqualTo(Status.PARTNER);
        }

        @Test
        void shouldLeaveApplicantsStartPartnersAndSuspendedPartnersAlone() {
            assertThat(policy.review(PartnerFacts.none("p"), Status.PARTNER_START, RULES, january).conditions()).isEmpty();
            assertThat(policy.review(PartnerFacts.none("p"), Status.APPLICANT, RULES, january).newStatus()).isEqualTo(Status.APPLICANT);
            assertThat(policy.review(PartnerFacts.none("p").withSuspended(true), Status.EXPERT, RULES, january).newStatus())
                    .isEqualTo(Status.EXPERT);
        }
    }

    @Nested
    class LeadRecordAndKLeads {

        private final LocalDate january = LocalDate.of(2027, 1, 1);

        /** A Partner whose second half of 2026 met Partner's K1 and K4, with leads answered in it. */
        private PartnerFacts keptPartnerWhoAnswered(long accepted, long declined, long missed) {
            PartnerFacts facts = PartnerFacts.none("p")
                    .with(YearMonth.of(2026, 8), MonthFigures.sales(50_000 * RUB, false))
                    .with(YearMonth.of(2026, 11), MonthFigures.sales(50_000 * RUB, false))
                    .with(YearMonth.of(2026, 9), new MonthFigures(0, 100, 0, 0, 0));
            return withLeads(facts, YearMonth.of(2026, 10),
                    new LeadRecord(accepted + declined + missed, accepted, declined, missed, 0, 0, 0, 0));
        }

        @ParameterizedTest(name = "{0} of {1} accepted against 60%: kept {2}")
        @CsvSource({"3, 5, true", "59, 100, false", "60, 100, true", "61, 100, true", "2, 3, true", "1, 2, false"})
        void shouldKeepAStatusWhenTheAcceptedShareOfTheHalfYearReachesTheConfiguredOne(long accepted, long counted, boolean kept) {
            PartnerFacts facts = keptPartnerWhoAnswered(accepted, counted - accepted, 0);

            ReviewOutcome outcome = policy.review(facts, Status.PARTNER, askingForLeadAcceptance(60), january);

            assertThat(outcome.newStatus()).isEqualTo(kept ? Status.PARTNER : Status.PARTNER_START);
            RuleEvaluation leads = outcome.conditions().stream().filter(r -> r.ruleId().equals("K-LEADS")).findFirst().orElseThrow();
            assertThat(leads.met()).isEqualTo(kept);
            assertThat(leads.actual()).isEqualTo(accepted);
            assertThat(leads.period()).isEqualTo("2026-07..2026-12");
            if (!kept) {
                assertThat(outcome.conditions()).filteredOn(r -> !r.met()).extracting(RuleEvaluation::ruleId).containsExactly("K-LEADS");
                assertThat(leads.shortfall()).isEqualTo(1);
            }
        }

        @Test
        void shouldCountAMissedDeadlineAgainstThePartnerButNotAWithdrawal() {
            PartnerFacts missed = keptPartnerWhoAnswered(3, 1, 1);
            PartnerFacts withdrawn = withLeads(keptPartnerWhoAnswered(3, 2, 0), YearMonth.of(2026, 12), LeadRecord.withdrawal());

            assertThat(policy.review(missed, Status.PARTNER, askingForLeadAcceptance(61), january).newStatus())
                    .isEqualTo(Status.PARTNER_START);
            assertThat(policy.review(withdrawn, Status.PARTNER, askingForLeadAcceptance(60), january).newStatus())
                    .isEqualTo(Status.PARTNER);
        }

        @Test
        void shouldMeetKLeadsWhenNoLeadCountedInTheHalfYear() {
            PartnerFacts facts = withLeads(keptPartnerWhoAnswered(0, 0, 0), YearMonth.of(2026, 12), LeadRecord.withdrawal());
            PartnerFacts answeredTooEarly = withLeads(facts, YearMonth.of(2026, 6), new LeadRecord(5, 0, 5, 0, 0, 0, 0, 0));

            ReviewOutcome outcome = policy.review(answeredTooEarly, Status.PARTNER, askingForLeadAcceptance(100), january);

            assertThat(outcome.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(outcome.conditions()).filteredOn(r -> r.ruleId().equals("K-LEADS")).singleElement()
                    .satisfies(leads -> assertThat(leads.required()).isZero()).satisfies(leads -> assertThat(leads.met()).isTrue());
        }

        @Test
        void shouldNeverEvaluateKLeadsWhenTheRuleSetDoesNotAskForIt() {
            PartnerFacts facts = keptPartnerWhoAnswered(0, 10, 10);

            ReviewOutcome outcome = policy.review(facts, Status.PARTNER, RULES, january);

            assertThat(outcome.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(outcome.conditions()).extracting(RuleEvaluation::ruleId).doesNotContain("K-LEADS");
            assertThat(policy.leadReport(facts, Status.PARTNER, RULES, january).keepCondition()).isNull();
        }

        @Test
        void shouldNotAskForKLeadsToObtainAStatus() {
            PartnerFacts facts = withLeads(expert(), YearMonth.of(2026, 11), new LeadRecord(10, 0, 10, 0, 0, 0, 0, 0));

            assertThat(policy.promote(facts, Status.PARTNER, askingForLeadAcceptance(60), NOV_2026).orElseThrow().newStatus())
                    .isEqualTo(Status.EXPERT);
        }

        @Test
        void shouldReportTheHalfYearOfTheComingReviewAndTheOneBefore() {
            PartnerFacts facts = withLeads(withLeads(keptPartnerWhoAnswered(2, 1, 1), YearMonth.of(2026, 10),
                    new LeadRecord(0, 0, 0, 0, 1, 1, 1, 0)), YearMonth.of(2026, 3), new LeadRecord(1, 1, 0, 0, 0, 0, 0, 0));
            facts = withLeads(facts, YearMonth.of(2026, 11), new LeadRecord(0, 0, 0, 0, 0, 0, 0, 9_000));

            TierPolicy.LeadReport informational = policy.leadReport(facts, Status.PARTNER, RULES, january);
            TierPolicy.LeadReport judged = policy.leadReport(facts, Status.PARTNER, askingForLeadAcceptance(50), january);

            assertThat(informational.current().period()).isEqualTo("2026-07..2026-12");
            assertThat(informational.current().leads()).isEqualTo(new LeadRecord(4, 2, 1, 1, 1, 1, 1, 9_000));
            assertThat(informational.current().leads().acceptancePercent()).hasValue(50);
            assertThat(informational.current().leads().meanResponseSeconds()).hasValue(3_000);
            assertThat(informational.previous().period()).isEqualTo("2026-01..2026-06");
            assertThat(informational.previous().leads().assigned()).isEqualTo(1);
            assertThat(informational.keepCondition()).isNull();
            assertThat(judged.keepCondition()).isEqualTo(new RuleEvaluation("K-LEADS", RuleEvaluation.Unit.COUNT, 2, 2, "2026-07..2026-12"));
            assertThat(policy.leadReport(facts, Status.PARTNER_START, askingForLeadAcceptance(50), january).keepCondition())
                    .as("Start keeps no status at a review").isNull();
        }

        @Test
        void shouldLeaveRatesEmptyWithoutAnAnswer() {
            LeadRecord withdrawnOnly = LeadRecord.assignment().plus(LeadRecord.withdrawal());

            assertThat(withdrawnOnly.acceptancePercent()).isEmpty();
            assertThat(withdrawnOnly.meanResponseSeconds()).isEmpty();
            assertThat(LeadRecord.acceptance(100).plus(LeadRecord.missedDeadline()).plus(LeadRecord.missedDeadline()).acceptancePercent())
                    .as("a third, rounded down").hasValue(33);
        }

        /** The test rule set, with every kept status also asking for this share of accepted leads. */
        private RuleSet askingForLeadAcceptance(long percent) {
            Map<Status, Thresholds> keep = new EnumMap<>(Status.class);
            RULES.keep().forEach((status, t) -> keep.put(status, new Thresholds(t.cumulativeSalesKopecks(), t.quarterlySalesKopecks(),
                    t.marketingPoints(), t.industryEvents(), t.successStories(), t.newClients(), percent)));
            return new RuleSet("test-leads", RULES.effectiveFrom(), RULES.timeZone(), RULES.reviewDates(), RULES.partner(),
                    RULES.representative(), keep, RULES.activityRules(), RULES.benefits());
        }

        private PartnerFacts withLeads(PartnerFacts facts, YearMonth month, LeadRecord leads) {
            TreeMap<YearMonth, LeadRecord> all = new TreeMap<>(facts.leads());
            all.merge(month, leads, LeadRecord::plus);
            return new PartnerFacts(facts.partnerId(), facts.onboarding(), facts.suspended(), facts.cumulativeSalesKopecks(),
                    facts.months(), all);
        }
    }

    @Nested
    class SuspensionAndProgress {

        @Test
        void shouldRecomputeTheStatusOnReinstatement() {
            StatusDecision decision = policy.reinstate(partner().withSuspended(true), Status.EXPERT, RULES, NOV_2026);

            assertThat(decision.newStatus()).isEqualTo(Status.PARTNER);
            assertThat(decision.reason()).isEqualTo(ChangeReason.REINSTATEMENT);
            assertThat(decision.suspended()).isFalse();
        }

        @Test
        void shouldKeepTheStatusOnRecordWhenSuspending() {
            StatusDecision decision = policy.suspend(partner(), Status.PARTNER, RULES);

            assertThat(decision.oldStatus()).isEqualTo(decision.newStatus());
            assertThat(decision.suspended()).isTrue();
            assertThat(decision.reason()).isEqualTo(ChangeReason.SUSPENSION);
        }

        @Test
        void shouldShowHowFarTheNextStatusIs() {
            PartnerFacts facts = onboarded().withOnboarding("P1", new OnboardingFact(true, null))
                    .with(YearMonth.of(2026, 11), MonthFigures.sales(15_000 * RUB, true));

            TierPolicy.Progress progress = policy.progress(facts, Status.PARTNER_START, RULES, NOV_2026);

            assertThat(progress.nextStatus()).isEqualTo(Status.PARTNER);
            assertThat(progress.requirements()).extracting(RuleEvaluation::ruleId).containsExactly("P1", "P2", "P3", "P4", "P5");
            assertThat(progress.requirements()).filteredOn(r -> r.ruleId().equals("P4")).singleElement()
                    .satisfies(p4 -> assertThat(p4.shortfall()).isEqualTo(35_000 * RUB));
            assertThat(policy.progress(facts, Status.REPRESENTATIVE, RULES, NOV_2026).nextStatus()).isNull();
        }

        @Test
        void shouldFindTheNextReviewDate() {
            assertThat(policy.nextReviewDate(RULES, NOV_2026)).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(policy.nextReviewDate(RULES, Instant.parse("2027-01-01T10:00:00Z"))).isEqualTo(LocalDate.of(2027, 7, 1));
        }
    }
}
