/**
 * Marketing activities in plain Java: the configurable catalogue of activity types with their
 * marketing points (the guide gives no scale: an assumption), and a partner's claim, submitted,
 * then approved or rejected by vendor staff (rule book: Marketing activity points).
 */
package ru.moysklad.partners.bonus.domain;
