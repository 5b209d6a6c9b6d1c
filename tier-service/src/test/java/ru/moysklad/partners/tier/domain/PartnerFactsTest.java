package ru.moysklad.partners.tier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

/**
 * The facts keep their months in arrays of their own (ByMonth); these cases hold them to what a
 * sorted map of the same additions would say.
 */
class PartnerFactsTest {

    static Stream<Long> seeds() {
        return SeededRandom.seeds(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldSumEveryRangeOfMonthsAsASortedMapOfTheSameFiguresWould(long seed) {
        Random random = SeededRandom.random(seed);
        PartnerFacts facts = PartnerFacts.none("p-1");
        TreeMap<YearMonth, MonthFigures> model = new TreeMap<>();
        TreeMap<YearMonth, LeadRecord> leadModel = new TreeMap<>();
        long cumulative = 0;
        int additions = random.nextInt(60);
        for (int i = 0; i < additions; i++) {
            YearMonth month = YearMonth.of(2024, 1).plusMonths(random.nextInt(48));
            if (random.nextInt(4) == 0) {
                LeadRecord counted = new LeadRecord(random.nextInt(3), random.nextInt(2), random.nextInt(2), 0, 0, random.nextInt(2), 0,
                        random.nextInt(5_000));
                facts = facts.withLeads(month, counted);
                leadModel.merge(month, counted, LeadRecord::plus);
            } else {
                MonthFigures figures = PartnerFactsGenerator.figures(random);
                facts = facts.with(month, figures);
                model.merge(month, figures, MonthFigures::plus);
                cumulative += figures.salesKopecks();
            }
        }

        assertThat(facts.months()).isEqualTo(model);
        assertThat(facts.leads()).isEqualTo(leadModel);
        assertThat(facts.cumulativeSalesKopecks()).isEqualTo(cumulative);
        for (int i = 0; i < 20; i++) {
            YearMonth first = YearMonth.of(2023, 10).plusMonths(random.nextInt(60));
            YearMonth last = first.plusMonths(random.nextInt(16) - 2);
            MonthFigures expected = last.isBefore(first) ? MonthFigures.NONE
                    : model.subMap(first, true, last, true).values().stream().reduce(MonthFigures.NONE, MonthFigures::plus);
            LeadRecord expectedLeads = last.isBefore(first) ? LeadRecord.NONE
                    : leadModel.subMap(first, true, last, true).values().stream().reduce(LeadRecord.NONE, LeadRecord::plus);
            assertThat(facts.between(first, last)).as("%s..%s", first, last).isEqualTo(expected);
            assertThat(facts.leadsBetween(first, last)).as("%s..%s", first, last).isEqualTo(expectedLeads);
        }
    }

    @Test
    void shouldLeaveTheFactsBeforeAnAdditionAsTheyWere() {
        YearMonth march = YearMonth.of(2026, 3);
        PartnerFacts before = PartnerFacts.none("p-1").with(march, MonthFigures.sales(100, true));

        PartnerFacts after = before.with(march, MonthFigures.sales(50, false)).with(YearMonth.of(2026, 1), MonthFigures.sales(7, false));

        assertThat(before.months()).isEqualTo(Map.of(march, MonthFigures.sales(100, true)));
        assertThat(before.cumulativeSalesKopecks()).isEqualTo(100);
        assertThat(after.months()).containsExactly(Map.entry(YearMonth.of(2026, 1), MonthFigures.sales(7, false)),
                Map.entry(march, MonthFigures.sales(150, true)));
        assertThat(after.between(YearMonth.of(2026, 2), YearMonth.of(2026, 12))).isEqualTo(MonthFigures.sales(150, true));
    }

    @Test
    void shouldTakeTheMonthsOfAMapSortedOtherwiseInMonthOrder() {
        TreeMap<YearMonth, MonthFigures> latestFirst = new TreeMap<>(Comparator.reverseOrder());
        latestFirst.putAll(Map.of(YearMonth.of(2026, 5), MonthFigures.sales(5, false),
                YearMonth.of(2025, 12), MonthFigures.sales(12, false), YearMonth.of(2026, 1), MonthFigures.sales(1, false)));

        PartnerFacts facts = new PartnerFacts("p-1", Map.of(), false, 18, latestFirst, new TreeMap<>());

        assertThat(facts.between(YearMonth.of(2025, 12), YearMonth.of(2026, 1))).isEqualTo(MonthFigures.sales(13, false));
        assertThat(facts.months().firstKey()).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void shouldKeepMonthsInOrderAcrossYearsAsFarApartAsAYearMonthAllows() {
        YearMonth earliest = YearMonth.of(-999_999_999, 1);
        YearMonth latest = YearMonth.of(999_999_999, 12);
        YearMonth december = YearMonth.of(2025, 12);
        YearMonth january = YearMonth.of(2026, 1);

        PartnerFacts facts = PartnerFacts.none("p-1").with(latest, MonthFigures.sales(4, false)).with(january, MonthFigures.sales(2, false))
                .with(earliest, MonthFigures.sales(8, false)).with(december, MonthFigures.sales(1, false));

        assertThat(facts.months().keySet()).containsExactly(earliest, december, january, latest);
        assertThat(facts.between(december, january)).isEqualTo(MonthFigures.sales(3, false));
        assertThat(facts.between(earliest, december)).isEqualTo(MonthFigures.sales(9, false));
        assertThat(facts.between(YearMonth.of(2026, 2), latest)).isEqualTo(MonthFigures.sales(4, false));
    }
}
