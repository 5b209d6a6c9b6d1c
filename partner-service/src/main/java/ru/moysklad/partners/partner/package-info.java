/**
 * partner-service: the partners of the program, their employees and onboarding (S1-S3, P1-P2), their
 * account managers (B5), billing access and suspension (C2). Publishes PartnerRegistered and the
 * onboarding and suspension facts the status engine needs.
 *
 * <p>Foundation (issue 3): the runnable service with its own database; the partner registry follows
 * with issue 4.
 */
package ru.moysklad.partners.partner;
