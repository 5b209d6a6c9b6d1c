package ru.moysklad.partners.lead.domain;

/**
 * How a partner answered the leads assigned to it lately (the routing's performance window):
 * accepted, declined, or let the deadline pass, and the working time it took to answer.
 *
 * @param answeredSeconds working seconds from assignment to answer, summed over accepted and declined
 */
public record ResponseRecord(int accepted, int declined, int missed, long answeredSeconds) {

    public static final ResponseRecord NONE = new ResponseRecord(0, 0, 0, 0);

    public int assignments() {
        return accepted + declined + missed;
    }
}
