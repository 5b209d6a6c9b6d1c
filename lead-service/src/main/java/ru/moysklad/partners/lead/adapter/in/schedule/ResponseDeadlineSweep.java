package ru.moysklad.partners.lead.adapter.in.schedule;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.lead.application.ResponseDeadlines;

/**
 * Looks for missed deadlines every {@code leads.response.sweep-interval}. Every instance of the
 * service may sweep; each lead still moves on once, because it moves under its lock.
 */
@Component
class ResponseDeadlineSweep {

    private final ResponseDeadlines deadlines;

    ResponseDeadlineSweep(ResponseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Scheduled(fixedDelayString = "${leads.response.sweep-interval:PT15S}", initialDelayString = "${leads.response.sweep-interval:PT15S}")
    void sweep() {
        deadlines.sweep();
    }
}
