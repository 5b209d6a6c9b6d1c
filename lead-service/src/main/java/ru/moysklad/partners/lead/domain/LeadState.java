package ru.moysklad.partners.lead.domain;

/**
 * Where a lead stands. A partner holds a place of its open-lead capacity from assignment until it
 * declines, misses the deadline, or records the lead won or lost.
 */
public enum LeadState {
    /** Received and not yet routed: only leads received before routing existed stay here, until the next sweep. */
    NEW,
    /** Assigned to a partner, awaiting its answer until the deadline. */
    OFFERED,
    ACCEPTED,
    CONTACTED,
    WON,
    LOST,
    /** With the vendor's own staff: no partner could take it, or too many let it pass. */
    VENDOR_QUEUE;

    /** Whether the partner holding the lead in this state takes up one of its open-lead places. */
    public boolean holdsAPlace() {
        return this == OFFERED || this == ACCEPTED || this == CONTACTED;
    }
}
