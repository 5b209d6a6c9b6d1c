package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.PartnerStandings;

/** A partner's sales, quarters, client accounts, and the lines behind every figure. */
@Service
public class SalesQueries {

    private static final int MAX_DAYS = 3 * 366;

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
