package ru.moysklad.partners.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    private final WorkingCalendar calendar = WorkingCalendar.moscow();

    private static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    /** Moscow hours without the fixed holidays, so that only the decree's days matter. */
    private static WorkingCalendar moscowHoursWith(Set<LocalDate> extraDaysOff, Set<LocalDate> extraWorkingDays) {
        return new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), extraDaysOff, extraWorkingDays);
    }

    @Test
    void shouldFinishWithinTheSameDayWhenTheDayIsLongEnough() {
        assertThat(calendar.plus(msk("2026-11-24T10:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-24T14:00"));
    }

    @Test
    void shouldCarryTheRestOfTheDeadlineOverToTheNextWorkingMorning() {
        assertThat(calendar.plus(msk("2026-11-24T16:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-25T11:00"));
    }

    @Test
    void shouldSkipTheWeekendFromFridayAfternoon() {
        assertThat(calendar.plus(msk("2026-11-27T15:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-30T10:00"));
    }

    @Test
    void shouldStartCountingOnMondayMorningForALeadArrivingOnSaturday() {
        assertThat(calendar.plus(msk("2026-11-28T10:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-30T13:00"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-24T23:30", "2026-11-25T00:00", "2026-11-25T06:00", "2026-11-25T08:59:59.999999999"})
    void shouldStartCountingAtNineForALeadArrivingAtNight(String arrival) {
        assertThat(calendar.plus(msk(arrival), FOUR_HOURS)).isEqualTo(msk("2026-11-25T13:00"));
    }

    @Test
    void shouldTreatSixInTheEveningAsAfterHours() {
        assertThat(calendar.plus(msk("2026-11-24T18:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-25T13:00"));
    }

    @Test
    void shouldTreatNineInTheMorningAsWorkingTime() {
        assertThat(calendar.plus(msk("2026-11-24T09:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-24T13:00"));
    }

    @Test
    void shouldEndAtSixInTheEveningRatherThanTheNextMorningWhenTheDayIsUsedUpExactly() {
        assertThat(calendar.plus(msk("2026-11-24T14:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-24T18:00"));
    }

    @Test
    void shouldReturnAWorkingMomentUnchangedForZeroWorkingTime() {
        assertThat(calendar.plus(msk("2026-11-24T10:15:30.5"), Duration.ZERO)).isEqualTo(msk("2026-11-24T10:15:30.5"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-11-24T18:00, 2026-11-25T09:00",
            "2026-11-24T07:00, 2026-11-24T09:00",
            "2026-11-28T12:00, 2026-11-30T09:00"})
    void shouldMoveToTheNextWorkingMorningForZeroWorkingTimeOutsideHours(String from, String expected) {
        assertThat(calendar.plus(msk(from), Duration.ZERO)).isEqualTo(msk(expected));
    }

    @Test
    void shouldKeepSubSecondPrecision() {
        assertThat(calendar.plus(msk("2026-11-24T17:59:59.5"), Duration.ofSeconds(1)))
                .isEqualTo(msk("2026-11-25T09:00:00.5"));
        assertThat(calendar.between(msk("2026-11-24T17:59:59.75"), msk("2026-11-25T09:00:00.000000001")))
                .isEqualTo(Duration.ofMillis(250).plusNanos(1));
    }

    @Test
    void shouldSkipAPublicHolidayInTheMiddleOfTheWeek() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 4))).isFalse();
        assertThat(calendar.plus(msk("2026-11-03T17:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-05T12:00"));
    }

    @Test
    void shouldSkipTheNewYearHolidaysAndTheWeekendAfterThem() {
        assertThat(calendar.plus(msk("2026-12-31T16:00"), FOUR_HOURS)).isEqualTo(msk("2027-01-11T11:00"));
    }

    @Test
    void shouldKnowTheFixedHolidaysOfTheLabourCode() {
        // All of them fall on weekdays in the years chosen, so only the holiday rule can make them free.
        assertThat(Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 8), LocalDate.of(2027, 2, 23),
                LocalDate.of(2027, 3, 8), LocalDate.of(2026, 5, 1), LocalDate.of(2028, 5, 9),
                LocalDate.of(2026, 6, 12), LocalDate.of(2026, 11, 4)))
                .noneMatch(calendar::isWorkingDay);
        assertThat(Set.of(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 22), LocalDate.of(2026, 11, 5)))
                .allMatch(calendar::isWorkingDay);
    }

    @Test
    void shouldCountASaturdayTheDecreeMadeAWorkingDay() {
        // 2025: Saturday 1 November was worked so that Monday 3 November, before the holiday, was free.
        WorkingCalendar withDecree = moscowHoursWith(Set.of(), Set.of(LocalDate.of(2025, 11, 1)));

        assertThat(withDecree.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(withDecree.plus(msk("2025-10-31T16:00"), FOUR_HOURS)).isEqualTo(msk("2025-11-01T11:00"));
        assertThat(withDecree.between(msk("2025-10-31T18:00"), msk("2025-11-03T09:00"))).isEqualTo(Duration.ofHours(9));
    }

    @Test
    void shouldSkipAWeekdayTheDecreeMadeADayOff() {
        WorkingCalendar withDecree = moscowHoursWith(Set.of(LocalDate.of(2026, 11, 23)), Set.of());

        assertThat(withDecree.isWorkingDay(LocalDate.of(2026, 11, 23))).isFalse();
        assertThat(withDecree.plus(msk("2026-11-20T16:00"), FOUR_HOURS)).isEqualTo(msk("2026-11-24T11:00"));
    }

    @Test
    void shouldCombineTheDecreeWithTheFixedHolidays() {
        WorkingCalendar november2025 = new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(MonthDay.of(11, 4)),
                Set.of(LocalDate.of(2025, 11, 3)), Set.of(LocalDate.of(2025, 11, 1)));

        // Saturday 2 hours, then Sunday, the decree's Monday and the Tuesday holiday are all off.
        assertThat(november2025.plus(msk("2025-11-01T16:00"), FOUR_HOURS)).isEqualTo(msk("2025-11-05T11:00"));
    }

    @Test
    void shouldLetAnExtraWorkingDayWinOverHolidaysAndExtraDaysOff() {
        LocalDate newYearsDay = LocalDate.of(2027, 1, 1);
        WorkingCalendar contradictory = new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(MonthDay.of(1, 1)),
                Set.of(newYearsDay), Set.of(newYearsDay));

        assertThat(contradictory.isWorkingDay(newYearsDay)).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1}h")
    @CsvSource({
            "2026-11-24T10:00, 4",
            "2026-11-24T16:00, 4",
            "2026-11-27T15:00, 4",
            "2026-11-24T14:00, 4",
            "2026-11-03T17:00, 4",
            "2026-12-31T16:00, 4",
            "2026-12-30T09:00, 27",
            "2026-11-24T09:00, 0"})
    void shouldMeasureBackExactlyTheWorkingTimeThatWasAdded(String from, long hours) {
        Duration workingTime = Duration.ofHours(hours);

        assertThat(calendar.between(msk(from), calendar.plus(msk(from), workingTime))).isEqualTo(workingTime);
    }

    @Test
    void shouldMeasureBackWhatWasAddedForRandomMomentsWithinAYear() {
        Random random = new Random(20261124L);
        LocalDate firstDay = LocalDate.of(2026, 1, 1);
        long workingDayNanos = Duration.ofHours(9).toNanos();
        long fortyHoursNanos = Duration.ofHours(40).toNanos();
        long quarterHourNanos = Duration.ofMinutes(15).toNanos();

        for (int i = 0; i < 2_000; i++) {
            LocalDate day = firstDay.plusDays(random.nextInt(365));
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
            // Whole quarter hours half of the time, so that deadlines land exactly on 18:00 as well.
            boolean round = random.nextBoolean();
            long intoDay = round ? random.nextInt(36) * quarterHourNanos : random.nextLong(workingDayNanos);
            Duration workingTime = Duration.ofNanos(round
                    ? random.nextInt(161) * quarterHourNanos
                    : random.nextLong(fortyHoursNanos + 1));
            Instant from = day.atTime(LocalTime.of(9, 0).plusNanos(intoDay)).atZone(MOSCOW).toInstant();

            Instant deadline = calendar.plus(from, workingTime);

            String scenario = from.atZone(MOSCOW) + " + " + workingTime;
            assertThat(calendar.between(from, deadline)).as(scenario).isEqualTo(workingTime);
            if (!workingTime.isZero()) {
                assertThat(calendar.between(from, deadline.minusNanos(1))).as("earliest: " + scenario)
                        .isLessThan(workingTime);
            }
            ZonedDateTime local = deadline.atZone(MOSCOW);
            assertThat(calendar.isWorkingDay(local.toLocalDate())).as("working day: " + scenario).isTrue();
            assertThat(local.toLocalTime()).as("working hours: " + scenario)
                    .isBetween(LocalTime.of(9, 0), LocalTime.of(18, 0));
        }
    }

    @Test
    void shouldCountOnlyWorkingHoursBetweenTwoMoments() {
        assertThat(calendar.between(msk("2026-11-27T15:00"), msk("2026-11-30T10:00"))).isEqualTo(FOUR_HOURS);
        assertThat(calendar.between(msk("2026-11-24T20:00"), msk("2026-11-25T10:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(calendar.between(msk("2026-11-28T10:00"), msk("2026-11-29T20:00"))).isEqualTo(Duration.ZERO);
        assertThat(calendar.between(msk("2026-11-23T00:00"), msk("2026-11-30T00:00"))).isEqualTo(Duration.ofHours(45));
    }

    @Test
    void shouldMeasureNothingWhenTheEndIsNotAfterTheStart() {
        assertThat(calendar.between(msk("2026-11-25T11:00"), msk("2026-11-24T16:00"))).isEqualTo(Duration.ZERO);
        assertThat(calendar.between(msk("2026-11-24T11:00"), msk("2026-11-24T11:00"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldCountTheTimeThatReallyPassesOnTheDayTheClocksSpringForward() {
        // Berlin skips 02:00–03:00 on 29 March 2026, so its 01:00–04:00 shift lasts two real hours.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingCalendar nightShift = new WorkingCalendar(berlin, LocalTime.of(1, 0), LocalTime.of(4, 0),
                EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of(), Set.of());
        Instant start = LocalDateTime.parse("2026-03-29T01:00").atZone(berlin).toInstant();

        Instant nextMidnight = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();

        assertThat(nightShift.between(start, nextMidnight)).isEqualTo(Duration.ofHours(2));
        assertThat(nightShift.plus(start, Duration.ofHours(3)))
                .isEqualTo(LocalDateTime.parse("2026-03-30T02:00").atZone(berlin).toInstant());
    }

    @Test
    void shouldRefuseNegativeWorkingTime() {
        assertThatThrownBy(() -> calendar.plus(msk("2026-11-24T10:00"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void shouldGiveUpWhenNoWorkingDayComesWithinAYear() {
        Set<LocalDate> everyMondayForTwoYears = new HashSet<>();
        for (LocalDate monday = LocalDate.of(2026, 11, 30); monday.getYear() < 2029; monday = monday.plusWeeks(1)) {
            everyMondayForTwoYears.add(monday);
        }
        WorkingCalendar mondaysOnly = new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.of(DayOfWeek.MONDAY), Set.of(), everyMondayForTwoYears, Set.of());

        assertThatThrownBy(() -> mondaysOnly.plus(msk("2026-11-24T10:00"), FOUR_HOURS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("366");
    }

    @Test
    void shouldFindAWorkingDayAfterAlmostAYearOff() {
        Set<LocalDate> sabbatical = new HashSet<>();
        for (LocalDate day = LocalDate.of(2026, 11, 25); day.isBefore(LocalDate.of(2027, 11, 25)); day = day.plusDays(1)) {
            sabbatical.add(day);
        }
        WorkingCalendar longBreak = moscowHoursWith(sabbatical, Set.of());

        assertThat(longBreak.plus(msk("2026-11-24T16:00"), FOUR_HOURS)).isEqualTo(msk("2027-11-25T11:00"));
    }

    @Test
    void shouldRefuseAWorkingDayThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new WorkingCalendar(MOSCOW, LocalTime.of(18, 0), LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY), Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY), Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start before it ends");
    }

    @Test
    void shouldRefuseACalendarWithoutWorkingDays() {
        assertThatThrownBy(() -> new WorkingCalendar(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.noneOf(DayOfWeek.class), Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one working day");
    }

    @Test
    void shouldNotBeChangedByTheSetsItWasGiven() {
        Set<LocalDate> daysOff = new HashSet<>();
        WorkingCalendar copied = moscowHoursWith(daysOff, Set.of());

        daysOff.add(LocalDate.of(2026, 11, 24));

        assertThat(copied.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
    }
}
