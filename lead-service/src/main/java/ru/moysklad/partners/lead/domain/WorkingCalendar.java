package ru.moysklad.partners.lead.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Working time, for the response deadline rule: a partner who is assigned a lead has to answer it
 * within a number of <em>working</em> hours (assumption: 4 by default, configured elsewhere), so a
 * lead that arrives on Friday evening is not overdue by Saturday morning. The same calendar measures
 * how long a partner actually took, so that deadline and response time are counted alike.
 *
 * <p>A working period is [{@code dayStart}, {@code dayEnd}) of a working day, read in the calendar's
 * time zone. Periods are turned into instants through {@link ZonedDateTime}, so a day on which the
 * clocks change counts the time that really passes, not the time the wall clock shows.
 *
 * <p>Only the fixed public holidays repeat every year. Everything that moves days off around differs
 * from year to year: a holiday falling on a weekend gives a day off on the next working day, and the
 * Government's yearly decree turns some Saturdays into working days and some weekdays into days off.
 * Those transfers are configured as extra days off and extra working days rather than computed, so
 * the calendar follows the published decree exactly.
 */
public final class WorkingCalendar {

    /** Beyond a year without a single working hour the calendar is misconfigured, not merely festive. */
    private static final int MAX_DAYS_WITHOUT_WORK = 366;

    private final ZoneId zone;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final Set<DayOfWeek> workingDays;
    private final Set<MonthDay> holidays;
    private final Set<LocalDate> extraDaysOff;
    private final Set<LocalDate> extraWorkingDays;

    public WorkingCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> workingDays,
                           Set<MonthDay> holidays, Set<LocalDate> extraDaysOff, Set<LocalDate> extraWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
        this.dayEnd = Objects.requireNonNull(dayEnd, "dayEnd");
        Objects.requireNonNull(workingDays, "workingDays");
        if (!dayStart.isBefore(dayEnd)) {
            throw new IllegalArgumentException(
                    "the working day has to start before it ends, not " + dayStart + "–" + dayEnd);
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day of the week");
        }
        this.workingDays = Set.copyOf(workingDays);
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.extraDaysOff = Set.copyOf(Objects.requireNonNull(extraDaysOff, "extraDaysOff"));
        this.extraWorkingDays = Set.copyOf(Objects.requireNonNull(extraWorkingDays, "extraWorkingDays"));
    }

    /** The fixed public holidays of the Russian Labour Code art. 112: 1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November. */
    public static final Set<MonthDay> LABOUR_CODE_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
            MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23),
            MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    /** Moscow, 09:00–18:00, Monday to Friday, the {@link #LABOUR_CODE_HOLIDAYS}, no extra days. */
    public static WorkingCalendar moscow() {
        return new WorkingCalendar(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LABOUR_CODE_HOLIDAYS, Set.of(), Set.of());
    }

    /**
     * Whether people work on {@code date}. A decree's working day wins over everything, because
     * decrees exist precisely to override the weekend and holiday rules.
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        if (extraDaysOff.contains(date) || holidays.contains(MonthDay.from(date))) {
            return false;
        }
        return workingDays.contains(date.getDayOfWeek());
    }

    /**
     * The instant when {@code workingTime} of working time has passed after {@code from}. From outside
     * working hours counting starts at the next working moment, so {@link Duration#ZERO} returns
     * {@code from} unchanged only if it is within working hours, otherwise the start of the next
     * working period. A deadline that uses up a period exactly is that period's end, not the next
     * morning.
     *
     * @throws IllegalArgumentException if {@code workingTime} is negative, or if the calendar has no
     *                                  working day within {@value #MAX_DAYS_WITHOUT_WORK} consecutive days
     */
    public Instant plus(Instant from, Duration workingTime) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time cannot be negative, not " + workingTime);
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        if (!hasWorkingHours(day) || !from.isBefore(periodEnd(day))) {
            day = nextDayWithWorkingHours(day);
        }
        Instant cursor = latest(from, periodStart(day));
        Duration remaining = workingTime;
        while (true) {
            Duration leftToday = Duration.between(cursor, periodEnd(day));
            if (remaining.compareTo(leftToday) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(leftToday);
            day = nextDayWithWorkingHours(day);
            cursor = periodStart(day);
        }
    }

    /** Working time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (hasWorkingHours(day)) {
                Instant start = latest(from, periodStart(day));
                Instant end = earliest(to, periodEnd(day));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * A working day can still lack working hours when a clock change's gap pushes its start past its
     * end; treating such a day as a day off keeps the arithmetic from running backwards.
     */
    private boolean hasWorkingHours(LocalDate day) {
        return isWorkingDay(day) && periodStart(day).isBefore(periodEnd(day));
    }

    private LocalDate nextDayWithWorkingHours(LocalDate after) {
        for (int days = 1; days <= MAX_DAYS_WITHOUT_WORK; days++) {
            LocalDate candidate = after.plusDays(days);
            if (hasWorkingHours(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "no working day within " + MAX_DAYS_WITHOUT_WORK + " days after " + after + ": check the calendar");
    }

    private Instant periodStart(LocalDate day) {
        return ZonedDateTime.of(day, dayStart, zone).toInstant();
    }

    private Instant periodEnd(LocalDate day) {
        return ZonedDateTime.of(day, dayEnd, zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
