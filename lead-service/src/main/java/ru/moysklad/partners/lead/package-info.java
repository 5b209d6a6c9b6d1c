/**
 * lead-service: leads from the vendor website's form, routed fairly to eligible partners (B6, B10),
 * with response deadlines and reassignment. Publishes LeadCreated and LeadAssigned.
 *
 * <p>Foundation (issue 3): the runnable service with its own database; intake and routing follow
 * with issue 8.
 */
package ru.moysklad.partners.lead;
