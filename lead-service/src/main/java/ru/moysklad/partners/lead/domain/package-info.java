/**
 * Leads in plain Java: the website form's fields checked and normalised ({@link
 * ru.moysklad.partners.lead.domain.LeadIntake}), a lead's type by configurable rules
 * ({@link ru.moysklad.partners.lead.domain.LeadClassifier}: B10's LARGE and FRANCHISE), and the ports
 * for storing leads and announcing them.
 */
package ru.moysklad.partners.lead.domain;
