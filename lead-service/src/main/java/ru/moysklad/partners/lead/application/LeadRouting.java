package ru.moysklad.partners.lead.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.lead.domain.Answer;
import ru.moysklad.partners.lead.domain.LeadAnnouncements;
import ru.moysklad.partners.lead.domain.LeadOutcome;
import ru.moysklad.partners.lead.domain.LeadRouter;
import ru.moysklad.partners.lead.domain.LeadState;
import ru.moysklad.partners.lead.domain.LeadToRoute;
import ru.moysklad.partners.lead.domain.Leads;
import ru.moysklad.partners.lead.domain.NewLead;
import ru.moysklad.partners.lead.domain.Offer;
import ru.moysklad.partners.lead.domain.PartnerRoster;
import ru.moysklad.partners.lead.domain.RegionScope;
import ru.moysklad.partners.lead.domain.RoutedLead;
import ru.moysklad.partners.lead.domain.RoutingDecision;
import ru.moysklad.partners.lead.domain.RoutingPartner;
import ru.moysklad.partners.lead.domain.WorkingCalendar;
import ru.moysklad.partners.platform.web.RequestRejected;

/**
 * A lead's way through partners (B6, B10): assigned by the {@link LeadRouter}, accepted or declined
 * by the partner before its deadline (in working hours of the program's calendar), passed on to the
 * next candidate after a decline, a missed deadline or the partner's losing its eligibility, and to
 * the vendor's queue when no partner may take it or too many let it pass.
 *
 * <p>Locks, always in this order so that no two transactions wait on each other: the lead region's
 * routing lock (its rotation standings are read and advanced in turn), then the lead, then a
 * partner's open-lead places. News of a partner is written apart from its places, so it never
 * waits on an assignment, nor an assignment on it.
 *
 * <p>A new lead's candidates are read before its region's lock is taken, and only their rotation
 * standings under it: each lead of a busy region waits for the one before it to commit, so the lock
 * is held for as few round trips to the database as routing allows. Nothing routing reads besides the
 * standings is held still by that lock in any case — other regions' leads take places, partners
 * answer, news arrives — and taking a place checks again that one is free.
 */
@Service
public class LeadRouting {

    private final Leads leads;
    private final PartnerRoster roster;
    private final LeadAnnouncements announcements;
    private final LeadRouter router;
    private final WorkingCalendar calendar;
    private final LeadSettings settings;
    private final Clock clock;

    LeadRouting(Leads leads, PartnerRoster roster, LeadAnnouncements announcements, LeadSettings settings, Clock clock) {
        this.leads = leads;
        this.roster = roster;
        this.announcements = announcements;
        this.router = settings.router();
        this.calendar = settings.calendar();
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Routes a lead just received and stores it as routed, in the transaction that announces it: no
     * other transaction sees it yet, so it needs no lock of its own.
     */
    void routeNew(String leadId, NewLead lead, Instant receivedAt) {
        RoutedLead received = RoutedLead.received(leadId, lead.type(), lead.region());
        Candidates candidates = new Candidates(receivedAt);
        candidates.readAhead(router.scopesFor(received.region()).get(0));
        roster.lockRegion(received.region());
        routeNext(received, receivedAt, candidates, storedAsRouted(leadId, lead, receivedAt));
    }

    /** The partner takes the lead: before the deadline, only the partner it is assigned to. */
    @Transactional
    public RoutedLead accept(String partnerId, String leadId) {
        RoutedLead lead = lockedLead(leadId);
        requireWith(lead, partnerId);
        if (lead.state() != LeadState.OFFERED) {
            return lead; // accepted already: the same answer again changes nothing
        }
        Instant now = clock.instant();
        if (now.isAfter(lead.respondBy())) {
            throw RequestRejected.conflict("deadline-passed", "the time to answer lead " + leadId + " ran out at " + lead.respondBy()
                    + "; it goes to the next partner", "B6");
        }
        long seconds = calendar.between(lead.offeredAt(), now).toSeconds();
        leads.answer(leadId, lead.attempt(), Answer.ACCEPTED, now, seconds, null);
        announcements.leadAccepted(leadId, partnerId, lead.attempt(), seconds, now);
        return lockedLead(leadId);
    }

    /** The partner passes the lead on: it goes to the next candidate, or to the vendor's queue. */
    @Transactional
    public void decline(String partnerId, String leadId, String comment) {
        String region = regionOf(leadId);
        roster.lockRegion(region);
        RoutedLead lead = lockedLead(leadId);
        requireWith(lead, partnerId);
        if (lead.state() != LeadState.OFFERED) {
            throw RequestRejected.conflict("lead-accepted", "lead " + leadId + " is " + lead.state()
                    + ": a lead once accepted is recorded won or lost, not declined", null);
        }
        Instant now = clock.instant();
        long seconds = calendar.between(lead.offeredAt(), now).toSeconds();
        endAssignment(lead, Answer.DECLINED, comment, seconds, now);
    }

    /** What came of a lead the partner accepted: contacted, won with the client's account, or lost with the reason. */
    @Transactional
    public void recordOutcome(String partnerId, String leadId, LeadOutcome outcome, String clientAccountId, String lostReason) {
        RoutedLead lead = lockedLead(leadId);
        requireWith(lead, partnerId);
        outcome.whyNotAfter(lead.state()).ifPresent(why -> {
            throw RequestRejected.conflict("lead-" + lead.state().name().toLowerCase(), why, null);
        });
        Instant now = clock.instant();
        leads.recordOutcome(leadId, outcome, now, clientAccountId, lostReason);
        if (!outcome.state().holdsAPlace()) {
            roster.releasePlace(partnerId);
        }
        announcements.outcomeRecorded(leadId, partnerId, outcome, clientAccountId, lostReason, now);
    }

    /**
     * Moves a lead on when its deadline has passed unanswered, or routes it when it never was; does
     * nothing when it was answered meanwhile.
     *
     * @return whether the lead moved
     */
    @Transactional
    public boolean moveOnIfDue(String leadId) {
        String region = regionOf(leadId);
        roster.lockRegion(region);
        RoutedLead lead = lockedLead(leadId);
        Instant now = clock.instant();
        if (lead.state() == LeadState.NEW) {
            routeNext(lead, now, new Candidates(now), stored(lead.leadId(), now));
            return true;
        }
        if (lead.state() == LeadState.OFFERED && !now.isBefore(lead.respondBy())) {
            endAssignment(lead, Answer.MISSED, "no answer by " + lead.respondBy(), null, now);
            return true;
        }
        return false;
    }

    /**
     * After news of a partner's status or suspension: the leads it has not answered yet move on if
     * it may no longer have them (suspended, C2; status below Partner, B6; no longer a Representative
     * for LARGE and FRANCHISE leads, B10). Leads it accepted stay with it.
     */
    void withdrawFromIneligible(String partnerId) {
        Optional<RoutingPartner> partner = roster.find(partnerId);
        List<RoutedLead> awaiting = leads.awaitingAnswerFrom(partnerId).stream()
                .filter(lead -> partner.flatMap(p -> router.whyNoLongerEligible(p, lead.type())).isPresent())
                .toList();
        if (awaiting.isEmpty()) {
            return;
        }
        lockRegions(awaiting.stream().map(RoutedLead::region).toList());
        Instant now = clock.instant();
        for (RoutedLead snapshot : awaiting) {
            RoutedLead lead = lockedLead(snapshot.leadId());
            if (lead.state() == LeadState.OFFERED && partnerId.equals(lead.partnerId())) {
                String why = router.whyNoLongerEligible(partner.get(), lead.type()).orElseThrow();
                endAssignment(lead, Answer.WITHDRAWN, why, null, now);
            }
        }
    }

    private void endAssignment(RoutedLead lead, Answer answer, String comment, Long responseSeconds, Instant now) {
        leads.answer(lead.leadId(), lead.attempt(), answer, now, responseSeconds, comment);
        roster.releasePlace(lead.partnerId());
        announcements.leadDeclined(lead.leadId(), lead.partnerId(), lead.attempt(), answer, comment, responseSeconds, now);
        routeNext(lockedLead(lead.leadId()), now, new Candidates(now), stored(lead.leadId(), now));
    }

    /** Assigns the lead to its next partner or queues it for the vendor; the region's routing lock is held. */
    private void routeNext(RoutedLead lead, Instant now, Candidates candidates, Placement placement) {
        LeadToRoute next = lead.nextAssignment();
        Map<String, Long> standings = roster.standingsIn(lead.region());
        while (true) {
            RoutingDecision decision = router.route(next, scope -> candidates.in(scope).stream()
                    .map(p -> p.at(standings.getOrDefault(p.partnerId(), 0L)))
                    .toList());
            if (decision.toVendorQueue()) {
                placement.queued(decision.reason());
                announcements.queuedForVendor(lead, decision.reason(), now);
                return;
            }
            RoutingPartner winner = decision.assignedTo().orElseThrow();
            // another region's lead may have taken the partner's last place since it was read
            if (!roster.takePlace(winner.partnerId(), lead.region(), decision.newPass())) {
                candidates.filled(winner.partnerId());
                continue;
            }
            Instant respondBy = calendar.plus(now, router.rules().responseTime());
            placement.offered(new Offer(next.attempt(), winner.partnerId(), winner.status(), now, respondBy, decision.reason()));
            announcements.leadAssigned(lead, next.attempt(), winner.partnerId(), respondBy, decision, now);
            return;
        }
    }

    /** Where routing writes what it decided for a lead: the stored lead, or the row a lead just received is first stored as. */
    private interface Placement {

        void offered(Offer offer);

        void queued(String reason);
    }

    /** A lead just received is stored once, as routed: stored as new and then changed, every index of the lead would be written twice. */
    private Placement storedAsRouted(String leadId, NewLead lead, Instant receivedAt) {
        return new Placement() {
            @Override
            public void offered(Offer offer) {
                leads.addOffered(leadId, lead, receivedAt, offer);
            }

            @Override
            public void queued(String reason) {
                leads.addQueued(leadId, lead, receivedAt, reason);
            }
        };
    }

    private Placement stored(String leadId, Instant now) {
        return new Placement() {
            @Override
            public void offered(Offer offer) {
                leads.offer(leadId, offer);
            }

            @Override
            public void queued(String reason) {
                leads.queueForVendor(leadId, now, reason);
            }
        };
    }

    /** The partners routing looks at for one lead, each scope's read once, with their recent answers. */
    private final class Candidates {

        private final Instant answersSince;
        private final Map<RegionScope, List<RoutingPartner>> read = new HashMap<>();
        private final Set<String> filledMeanwhile = new HashSet<>();

        Candidates(Instant now) {
            this.answersSince = now.minus(settings.routing().answersWindow());
        }

        void readAhead(RegionScope scope) {
            in(scope);
        }

        List<RoutingPartner> in(RegionScope scope) {
            return read.computeIfAbsent(scope, s -> roster.partnersIn(s, answersSince)).stream()
                    .map(p -> filledMeanwhile.contains(p.partnerId()) ? p.full() : p)
                    .toList();
        }

        void filled(String partnerId) {
            filledMeanwhile.add(partnerId);
        }
    }

    private void requireWith(RoutedLead lead, String partnerId) {
        if (lead.isWith(partnerId)) {
            return;
        }
        if (lead.offeredTo().contains(partnerId)) {
            throw RequestRejected.conflict("lead-moved-on", "lead " + lead.leadId() + " is no longer assigned to partner " + partnerId
                    + ": it was declined, or its time to answer ran out", null);
        }
        // a partner never assigned the lead learns nothing of it, not even that it exists
        throw RequestRejected.notFound("lead " + lead.leadId() + " of partner " + partnerId);
    }

    private String regionOf(String leadId) {
        return leads.find(leadId).map(stored -> stored.lead().region()).orElseThrow(() -> RequestRejected.notFound("lead " + leadId));
    }

    private RoutedLead lockedLead(String leadId) {
        return leads.lockForRouting(leadId).orElseThrow(() -> RequestRejected.notFound("lead " + leadId));
    }

    private void lockRegions(Collection<String> regions) {
        new TreeSet<>(regions).forEach(roster::lockRegion);
    }
}
