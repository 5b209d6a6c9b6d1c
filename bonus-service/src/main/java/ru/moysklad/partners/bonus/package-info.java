/**
 * bonus-service: marketing activity claims (published as ActivityLogged for P5, K2-K4) and the
 * bonus-points ledger (B4 welcome bonus, B7 extended program, redemptions).
 *
 * <p>Marketing activity claims work (issue 7, first slice); the ledger follows.
 */
package ru.moysklad.partners.bonus;
