package ru.moysklad.partners.lead.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.platform.web.RequestRejected;

/** Reading leads: a partner's own, the vendor's queue, the funnel over a period of the program's calendar, one lead whole. */
@Service
@Transactional(readOnly = true)
public class LeadQueries {

    /** The most rows one page holds. */
    public static final int MAX_PAGE = 500;

    private final LeadViews views;
    private final Leads leads;
    private final ZoneId zone;
    private final Clock clock;

    LeadQueries(LeadViews views, Leads leads, LeadSettings settings, Clock clock) {
        this.views = views;
        this.leads = leads;
        this.zone = ZoneId.of(settings.response().timeZone());
        this.clock = clock;
    }

    public List<LeadViews.PartnerLead> ofPartner(String partnerId, int limit, int offset) {
        requirePage(limit, offset);
        return views.ofPartner(partnerId, limit, offset);
    }

    public List<LeadViews.QueuedLead> vendorQueue(int limit, int offset) {
        requirePage(limit, offset);
        return views.vendorQueue(limit, offset);
    }

    /**
     * The funnel of the leads received from {@code from} to {@code to}, both days included, in the
     * program's time zone; by default the last 30 days up to today.
     */
    public LeadViews.Funnel funnel(LocalDate from, LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (last.isBefore(first)) {
            throw RequestRejected.invalid(Map.of("to", "must not be before from (" + first + ")"));
        }
        return views.funnel(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public Optional<Lead> lead(String leadId) {
        return leads.find(leadId).map(stored -> new Lead(stored, views.routingOf(leadId)));
    }

    public record Lead(Leads.StoredLead stored, LeadViews.RoutingHistory routing) {
    }

    private static void requirePage(int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw RequestRejected.invalid(Map.of("limit", "must be between 1 and " + MAX_PAGE));
        }
        if (offset < 0) {
            throw RequestRejected.invalid(Map.of("offset", "must be 0 or more"));
        }
    }
}
