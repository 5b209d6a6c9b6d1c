/**
 * tier-service: the status engine. It keeps each partner's facts from the events of the other
 * services and decides the partner's status by the rule book, publishing PartnerStatusChanged with
 * the rules and figures that decided it.
 *
 * <p>Walking skeleton (issue 3): the facts are cumulative sales at partner prices, and the rule set
 * promotes on them alone (P3, R1 thresholds, configurable). Issue 6 brings every status rule.
 */
package ru.moysklad.partners.tier;
