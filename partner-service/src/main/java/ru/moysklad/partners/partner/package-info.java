/**
 * partner-service: the partners of the program, their employees and onboarding (S1-S3, P1-P2), their
 * account managers (B5), billing access and suspension (C2). Publishes PartnerRegistered and the
 * onboarding and suspension facts the status engine needs.
 *
 * <p>So far: registration (tax ids per country, region, account manager by the region table) and
 * the onboarding facts S1, S3, P1, P2 with their checklist. Employees and their tests (S2), billing
 * access, suspension (C2) and lead preferences follow (issue 4).
 */
package ru.moysklad.partners.partner;
