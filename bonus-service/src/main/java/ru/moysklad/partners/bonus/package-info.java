/**
 * bonus-service: marketing activity claims (published as ActivityLogged for P5, K2-K4) and the
 * bonus-points ledger (B4 welcome bonus, B7 extended program, redemptions).
 *
 * <p>Foundation (issue 3): the runnable service with its own database; activities and the ledger
 * follow with issue 7.
 */
package ru.moysklad.partners.bonus;
