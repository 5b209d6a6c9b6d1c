/**
 * The status engine's rules in plain Java: given a partner's figures and a rule set, which status the
 * partner has reached and, for each rule, what it required, what the partner has, and whether it is met.
 */
package ru.moysklad.partners.tier.domain;
