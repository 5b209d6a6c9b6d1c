package ru.moysklad.partners.lead.application;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.moysklad.partners.lead.domain.Leads;

/**
 * The response deadline (assumption: 4 working hours): a lead not answered in time goes to the next
 * candidate, each lead in a transaction of its own so that one failure stops no other.
 */
@Service
public class ResponseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ResponseDeadlines.class);
    private static final int BATCH = 200;

    private final Leads leads;
    private final LeadRouting routing;
    private final Clock clock;

    ResponseDeadlines(Leads leads, LeadRouting routing, Clock clock) {
        this.leads = leads;
        this.routing = routing;
        this.clock = clock;
    }

    /** @return how many leads moved on */
    public int sweep() {
        int moved = 0;
        int movedThisPass;
        List<String> due;
        do {
            movedThisPass = 0;
            due = leads.dueForRouting(clock.instant(), BATCH);
            for (String leadId : due) {
                try {
                    if (routing.moveOnIfDue(leadId)) {
                        movedThisPass++;
                    }
                } catch (RuntimeException e) {
                    // the next sweep tries it again; the others go on now
                    log.warn("could not move lead {} on: {}", leadId, e.toString());
                }
            }
            moved += movedThisPass;
        } while (due.size() == BATCH && movedThisPass > 0);
        return moved;
    }
}
