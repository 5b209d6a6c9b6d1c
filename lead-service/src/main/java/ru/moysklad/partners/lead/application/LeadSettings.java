package ru.moysklad.partners.lead.application;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.lead.domain.LeadClassifier;
import ru.moysklad.partners.lead.domain.LeadIntake;
import ru.moysklad.partners.lead.domain.LeadRouter;
import ru.moysklad.partners.lead.domain.ProgramStatus;
import ru.moysklad.partners.lead.domain.RoutingRules;
import ru.moysklad.partners.lead.domain.WorkingCalendar;

/**
 * lead-service's settings ({@code leads.*}); application.yml explains each, and which are assumptions.
 *
 * @param regions           the region codes leads are routed by: Russia's federal districts (Crimea apart)
 *                          and the countries of Belarus and Central Asia, as partners name theirs
 * @param largeCompanySize  from how many employees a lead is LARGE (B10; assumption: 250)
 * @param duplicateWindow   the same contact within this time is the same lead (assumption: 30 days)
 */
@ConfigurationProperties("leads")
public record LeadSettings(List<String> regions, Integer largeCompanySize, Duration duplicateWindow, Routing routing, Response response) {

    public LeadSettings {
        regions = regions == null || regions.isEmpty() ? List.of("CENTRAL", "NORTH_WESTERN", "SOUTHERN", "NORTH_CAUCASIAN", "VOLGA",
                "URALS", "SIBERIAN", "FAR_EASTERN", "CRIMEA", "BY", "KZ", "UZ", "KG", "TJ") : List.copyOf(regions);
        largeCompanySize = largeCompanySize == null ? 250 : largeCompanySize;
        duplicateWindow = duplicateWindow == null ? Duration.ofDays(30) : duplicateWindow;
        routing = routing == null ? new Routing(null, null, null, null, null, null, null, null, null, null) : routing;
        response = response == null ? new Response(null, null, null, null, null, null, null, null, null) : response;
    }

    public LeadIntake intake() {
        return new LeadIntake(Set.copyOf(regions), new LeadClassifier(largeCompanySize));
    }

    public LeadRouter router() {
        return new LeadRouter(new RoutingRules(routing.statusWeights(), routing.maxAttempts(), routing.fallbackRegions(),
                routing.fallbackToAnyRegion(), routing.minAssignmentsForCorrection(), routing.acceptanceFloor(),
                routing.slowResponseFloor(), response.time(), routing.candidatesInReason()));
    }

    public WorkingCalendar calendar() {
        DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("MM-dd");
        return new WorkingCalendar(ZoneId.of(response.timeZone()), response.dayStart(), response.dayEnd(),
                response.workingDays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(response.workingDays()),
                response.holidays() == null ? WorkingCalendar.LABOUR_CODE_HOLIDAYS
                        : response.holidays().stream().map(day -> MonthDay.parse(day, monthDay)).collect(Collectors.toSet()),
                Set.copyOf(response.extraDaysOff()), Set.copyOf(response.extraWorkingDays()));
    }

    /**
     * {@code leads.routing.*}: who gets leads, and in what shares ({@link RoutingRules} says each).
     *
     * @param defaultMaxOpenLeads how many open leads a partner takes until it sets its lead preferences (assumption: 5)
     * @param answersWindow       how far back a partner's answers count for its weight's corrections (assumption: 90 days)
     */
    public record Routing(Map<ProgramStatus, BigDecimal> statusWeights, Integer defaultMaxOpenLeads, Integer maxAttempts,
                          Map<String, List<String>> fallbackRegions, Boolean fallbackToAnyRegion, Duration answersWindow,
                          Integer minAssignmentsForCorrection, BigDecimal acceptanceFloor, BigDecimal slowResponseFloor,
                          Integer candidatesInReason) {

        public Routing {
            RoutingRules defaults = RoutingRules.defaults();
            statusWeights = statusWeights == null || statusWeights.isEmpty() ? defaults.statusWeights() : Map.copyOf(statusWeights);
            defaultMaxOpenLeads = defaultMaxOpenLeads == null ? 5 : defaultMaxOpenLeads;
            maxAttempts = maxAttempts == null ? defaults.maxAttempts() : maxAttempts;
            fallbackRegions = fallbackRegions == null ? Map.of() : Map.copyOf(fallbackRegions);
            fallbackToAnyRegion = fallbackToAnyRegion == null ? defaults.fallbackToAnyRegion() : fallbackToAnyRegion;
            answersWindow = answersWindow == null ? Duration.ofDays(90) : answersWindow;
            minAssignmentsForCorrection = minAssignmentsForCorrection == null ? defaults.minAssignmentsForCorrection()
                    : minAssignmentsForCorrection;
            acceptanceFloor = acceptanceFloor == null ? defaults.acceptanceFloor() : acceptanceFloor;
            slowResponseFloor = slowResponseFloor == null ? defaults.slowResponseFloor() : slowResponseFloor;
            candidatesInReason = candidatesInReason == null ? defaults.candidatesInReason() : candidatesInReason;
        }
    }

    /**
     * {@code leads.response.*}: how long a partner has to answer, in working time of the program's calendar.
     *
     * @param time             the time to accept or decline (assumption: 4 working hours)
     * @param holidays         public holidays every year, as {@code MM-dd}; unset: the Labour Code's (art. 112)
     * @param extraDaysOff     days off by decree (transfers), as dates
     * @param extraWorkingDays weekend days made working by decree
     * @param sweepInterval    how often missed deadlines are looked for
     */
    public record Response(Duration time, String timeZone, LocalTime dayStart, LocalTime dayEnd, List<DayOfWeek> workingDays,
                           List<String> holidays, List<LocalDate> extraDaysOff, List<LocalDate> extraWorkingDays,
                           Duration sweepInterval) {

        public Response {
            time = time == null ? Duration.ofHours(4) : time;
            timeZone = timeZone == null ? "Europe/Moscow" : timeZone;
            dayStart = dayStart == null ? LocalTime.of(9, 0) : dayStart;
            dayEnd = dayEnd == null ? LocalTime.of(18, 0) : dayEnd;
            workingDays = workingDays == null ? List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY) : List.copyOf(workingDays);
            holidays = holidays == null ? null : List.copyOf(holidays);
            extraDaysOff = extraDaysOff == null ? List.of() : List.copyOf(extraDaysOff);
            extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
        }
    }
}
