/**
 * What a sale is, in plain Java: the payment billing reports, its pricing at the partner's price
 * (B1-B3, {@link ru.moysklad.partners.sales.domain.PartnerPricing}), and the figures status rules count. Ports
 * ({@link ru.moysklad.partners.sales.domain.Sales}, {@link ru.moysklad.partners.sales.domain.SaleAnnouncements})
 * say what the domain needs from the outside without naming a database or a broker.
 */
package ru.moysklad.partners.sales.domain;
