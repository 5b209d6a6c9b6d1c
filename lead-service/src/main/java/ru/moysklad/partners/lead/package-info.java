/**
 * lead-service: leads from the vendor website's form, routed fairly to eligible partners (B6, B10),
 * with response deadlines and reassignment. Publishes LeadCreated and LeadAssigned.
 *
 * <p>Intake of the website's form works (issue 8, first slice); routing, deadlines and reassignment
 * follow.
 */
package ru.moysklad.partners.lead;
