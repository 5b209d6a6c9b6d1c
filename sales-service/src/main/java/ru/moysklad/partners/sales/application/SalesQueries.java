package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.PartnerStandings;

/** A partner's sales, quarters, client accounts, and the lines behind every figure. */
@Service
public class SalesQueries {

    private static final int MAX_DAYS = 3 * 366;
    private static final int TOP_PARTNERS = 10;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final SalesReports reports;
    private final PartnerStandings standings;
    private final ZoneId zone;
    private final Clock clock;

    public SalesQueries(SalesReports reports, PartnerStandings standings, ReportSettings settings, Clock clock) {
        this.reports = reports;
        this.standings = standings;
        this.zone = settings.timeZone();
        this.clock = clock;
    }

    /** @param from first day, inclusive (default: 1 January of this year); @param to last day, inclusive (default: today) */
    @Transactional(readOnly = true)
    public SalesReports.Summary summary(String partnerId, LocalDate from, LocalDate to) {
        requireKnown(partnerId);
        Instant[] period = period(from, to);
        return reports.summary(partnerId, period[0], period[1]);
    }

    @Transactional(readOnly = true)
    public List<SalesReports.SaleView> sales(String partnerId, LocalDate from, LocalDate to) {
        requireKnown(partnerId);
        Instant[] period = period(from, to);
        return reports.sales(partnerId, period[0], period[1]);
    }

    @Transactional(readOnly = true)
    public List<SalesReports.ClientView> clients(String partnerId) {
        requireKnown(partnerId);
        return reports.clients(partnerId);
    }

    /**
     * The programme's sales of one calendar quarter in the program time zone.
     *
     * @param quarter e.g. 2026-Q4; null for the current one
     */
    @Transactional(readOnly = true)
    public SalesReports.ProgramQuarter programQuarter(String quarter) {
        LocalDate first;
        if (quarter == null || quarter.isBlank()) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            first = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        } else {
            Matcher matcher = QUARTER.matcher(quarter.trim());
            if (!matcher.matches()) {
                throw new InvalidPayment(Map.of("quarter", "must look like 2026-Q4"));
            }
            first = LocalDate.of(Integer.parseInt(matcher.group(1)), (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1);
        }
        String name = first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
        return reports.programQuarter(name, first.atStartOfDay(zone).toInstant(), first.plusMonths(3).atStartOfDay(zone).toInstant(),
                TOP_PARTNERS);
    }

    private void requireKnown(String partnerId) {
        if (standings.standingAt(partnerId, clock.instant()).isEmpty()) {
            throw new UnknownPartner(partnerId);
        }
    }

    private Instant[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = from == null ? today.withDayOfYear(1) : from;
        LocalDate last = to == null ? today : to;
        if (last.isBefore(first)) {
            throw new InvalidPayment(Map.of("to", "the period ends on or after it starts"));
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new InvalidPayment(Map.of("to", "a period spans at most three years"));
        }
        return new Instant[] {first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant()};
    }
}
