package ru.moysklad.partners.lead.domain;

/**
 * What routing knows of a partner: its status and suspension (from tier-service and partner-service
 * events), how many open leads it takes (its lead preferences), how many it holds now, its standing
 * in the lead region's rotation, and how it has answered leads lately. The regions it serves are
 * not among them: they chose the partners routing is given.
 *
 * @param pass the rotation standing in the lead's region: leads received per unit of weight, in
 *             millionths; 0 when it never had one there
 */
public record RoutingPartner(String partnerId, ProgramStatus status, boolean suspended, int maxOpenLeads,
                             int openLeads, long pass, ResponseRecord responses) {

    /** The same partner at this standing in the lead region's rotation. */
    public RoutingPartner at(long standing) {
        return new RoutingPartner(partnerId, status, suspended, maxOpenLeads, openLeads, standing, responses);
    }

    /** The same partner holding as many leads as it takes: for one whose last place went to a parallel assignment. */
    public RoutingPartner full() {
        return new RoutingPartner(partnerId, status, suspended, maxOpenLeads, Math.max(openLeads, maxOpenLeads), pass, responses);
    }
}
